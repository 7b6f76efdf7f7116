package dev.pagoda.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link FunctionContext} of {@link FunctionContext#detached}: for calling functions without
 * an engine, in tests. It keeps auxiliary data as the engine does, per argument and only while
 * the argument's value stays the same, so a function that caches wrongly fails its tests here
 * too.
 */
public final class DetachedContext implements FunctionContext {
  private final Instant statementTime;
  private final ZoneId timeZone;
  private final Map<Integer, Object> aux = new HashMap<>();
  private final Map<Integer, Value> auxKeys = new HashMap<>();
  private Arguments current;

  DetachedContext(Instant statementTime, ZoneId timeZone) {
    this.statementTime = requireNonNull(statementTime, "statementTime");
    this.timeZone = requireNonNull(timeZone, "timeZone");
  }

  /** Sets the arguments of the call about to be made (what aux data is checked against). */
  public DetachedContext arguments(Arguments args) {
    this.current = args;
    return this;
  }

  /** Calls {@code f} with {@code args} through this context. */
  public Value call(ScalarFunction f, Value... args) {
    Arguments a = Arguments.of(args);
    arguments(a);
    return f.call(this, a);
  }

  @Override
  public Object auxData(int arg) {
    Object data = aux.get(arg);
    if (data == null) {
      return null;
    }
    if (current == null || arg >= current.size() || !auxKeys.get(arg).equals(current.get(arg))) {
      aux.remove(arg);
      auxKeys.remove(arg);
      return null;
    }
    return data;
  }

  @Override
  public void setAuxData(int arg, Object data) {
    if (current == null || arg < 0 || arg >= current.size() || data == null) {
      aux.remove(arg);
      auxKeys.remove(arg);
      return;
    }
    aux.put(arg, data);
    auxKeys.put(arg, current.get(arg));
  }

  @Override
  public Instant statementTime() {
    return statementTime;
  }

  @Override
  public ZoneId timeZone() {
    return timeZone;
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
