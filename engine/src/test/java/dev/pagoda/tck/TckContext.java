package dev.pagoda.tck;

import dev.pagoda.spi.FunctionContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link FunctionContext} for calling a function directly, outside SQL: auxiliary data kept in
 * a map for as long as this object lives, a fixed clock in UTC, and zero for the connection's
 * counters. One object stands for one call site; use a fresh one for each.
 *
 * <p>Unlike the engine, it cannot see the arguments, so it never drops auxiliary data when an
 * argument changes value: call it only with the same value for an argument that has aux data.
 */
public final class TckContext implements FunctionContext {
  private final Map<Integer, Object> aux = new HashMap<>();
  private final Instant now;

  /** A context whose statement time is {@code now}. */
  public TckContext(Instant now) {
    this.now = now;
  }

  /** A context whose statement time is 2000-01-01T00:00:00Z. */
  public TckContext() {
    this(Instant.parse("2000-01-01T00:00:00Z"));
  }

  @Override
  public Object auxData(int arg) {
    return aux.get(arg);
  }

  @Override
  public void setAuxData(int arg, Object data) {
    aux.put(arg, data);
  }

  @Override
  public Instant statementTime() {
    return now;
  }

  @Override
  public ZoneId timeZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public long changes() {
    return 0;
  }

  @Override
  public long totalChanges() {
    return 0;
  }

  @Override
  public long lastInsertRowid() {
    return 0;
  }
}
