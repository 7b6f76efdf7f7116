package dev.pagoda.jdbc;

import dev.pagoda.PagodaException;
import dev.pagoda.spi.ResultCode;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a statement's run from outside, the way {@code sqlite3_interrupt} does in SQLite: it
 * interrupts the thread running the statement, and the engine then fails the statement with
 * {@code SQLITE_INTERRUPT} at its next row. A query timeout is a timer that does this after the
 * timeout; {@link #cancel()} does it at once, from any thread.
 *
 * <p>The interrupt never outlives the run: {@link #end()} clears the thread's interrupt flag when
 * this object set it (the engine may have cleared it already), so the caller's thread is left as
 * it was. Runs nest on one thread (a script inside {@code execute}); only the outermost one arms
 * the timer.
 */
final class Interrupter {
  /** Why a run was interrupted. */
  enum Reason {
    NONE,
    TIMEOUT,
    CANCEL
  }

  /** One daemon thread for every statement's timer. */
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "pagoda-jdbc-query-timeout");
        thread.setDaemon(true);
        return thread;
      });

  private Thread runner;
  private int depth;
  private int timeoutSeconds;
  private Reason fired = Reason.NONE;
  private ScheduledFuture<?> timer;

  /** Starts a run on the current thread, interrupted after {@code timeoutSeconds} (0: never). */
  synchronized void begin(int timeoutSeconds) {
    if (depth++ > 0) {
      return;
    }
    runner = Thread.currentThread();
    fired = Reason.NONE;
    this.timeoutSeconds = timeoutSeconds;
    if (timeoutSeconds > 0) {
      timer = TIMER.schedule(() -> fire(Reason.TIMEOUT), timeoutSeconds, TimeUnit.SECONDS);
    }
  }

  /** Ends the run begun last; returns why it was interrupted, clearing the flag this object set. */
  synchronized Reason end() {
    if (--depth > 0) {
      return fired;
    }
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    Reason reason = fired;
    if (reason != Reason.NONE) {
      Thread.interrupted(); // our interrupt, if the engine did not consume it
    }
    runner = null;
    fired = Reason.NONE;
    return reason;
  }

  /** Interrupts the running statement, if any; returns whether one was running. */
  boolean cancel() {
    return fire(Reason.CANCEL);
  }

  private synchronized boolean fire(Reason reason) {
    if (runner == null || fired != Reason.NONE) {
      return runner != null;
    }
    fired = reason;
    runner.interrupt();
    return true;
  }

  /**
   * The exception to throw for {@code failure} of a run interrupted for {@code reason}: a {@link
   * SQLTimeoutException} (SQLSTATE HYT00) after a timeout, an SQLSTATE HY008 exception with the
   * {@code SQLITE_INTERRUPT} code after a cancel, else the failure as it is.
   */
  SQLException failure(SQLException failure, Reason reason) {
    int code = ResultCode.INTERRUPT.code();
    return switch (reason) {
      case NONE -> failure;
      case TIMEOUT -> withCause(
          new SQLTimeoutException(
              "query timed out after " + timeoutSeconds + " s: interrupted", "HYT00", code),
          failure);
      case CANCEL -> failure.getErrorCode() == code
          ? failure
          : withCause(new SQLTransientException("interrupted", "HY008", code), failure);
    };
  }

  /** {@link #failure(SQLException, Reason)} for an engine failure. */
  SQLException failure(PagodaException failure, Reason reason) {
    return failure(Errors.toSql(failure), reason);
  }

  private static SQLException withCause(SQLException result, Throwable cause) {
    result.initCause(cause);
    return result;
  }
}
