package dev.pagoda.spi;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a running function may ask of the statement that calls it, like {@code sqlite3_context}:
 * per-call-site auxiliary data, the statement's clock and the connection's counters.
 *
 * <p>Auxiliary data ({@code sqlite3_set_auxdata}) lets a function keep work derived from a
 * constant argument, such as a compiled pattern, from one row to the next:
 *
 * <pre>{@code
 * Pattern p = (Pattern) ctx.auxData(0);
 * if (p == null) {
 *   p = Pattern.compile(args.getText(0));
 *   ctx.setAuxData(0, p);
 * }
 * }</pre>
 *
 * The engine keeps the data for one call site of one statement, and drops it as soon as the
 * argument it was set for changes value, so a function never sees data built from another
 * argument.
 */
public interface FunctionContext {
  /** The data set for argument {@code arg} at this call site, or null. */
  Object auxData(int arg);

  /** Keeps {@code data} for argument {@code arg} while that argument keeps its value. */
  void setAuxData(int arg, Object data);

  /**
   * The statement's time: fixed from the statement's first call to its end, as SQLite's 'now'
   * is.
   */
  Instant statementTime();

  /** The time zone 'localtime' converts to. */
  ZoneId timeZone();

  /** Rows changed by the connection's last INSERT, UPDATE or DELETE (changes()). */
  long changes();

  /** Rows changed since the connection opened (total_changes()). */
  long totalChanges();

  /** The rowid of the connection's last successful INSERT (last_insert_rowid()). */
  long lastInsertRowid();

  /**
   * A context for calling a function outside the engine, as a unit test of a plug-in does: the
   * clock stands at {@code statementTime}, 'localtime' means {@code timeZone}, the counters are
   * 0, and auxiliary data is kept per argument while that argument keeps its value, as the engine
   * keeps it. Not thread-safe; use one per test.
   *
   * <pre>{@code
   * FunctionContext ctx = FunctionContext.detached(Instant.EPOCH, ZoneOffset.UTC);
   * Value v = myFunction.call(ctx, Arguments.of(Value.of("a.c"), Value.of("abc")));
   * }</pre>
   *
   * The aux-data check needs the arguments of the call: pass them to {@link
   * DetachedContext#arguments} before each call, or use {@link DetachedContext#call}.
   */
  static DetachedContext detached(Instant statementTime, ZoneId timeZone) {
    return new DetachedContext(statementTime, timeZone);
  }
}
