package dev.pagoda.executor;

import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;

/**
 * SQLite's {@code sqlite3_interrupt} for Java: interrupting the thread that runs a statement makes
 * the statement fail with {@code SQLITE_INTERRUPT} at its next row. Scans and joins check between
 * rows (a field read), so even a statement that reads only cached pages stops.
 */
final class Interrupts {
  private Interrupts() {}

  /** Throws INTERRUPT, clearing the flag, when the current thread was interrupted. */
  static void check() {
    if (Thread.currentThread().isInterrupted()) {
      Thread.interrupted();
      throw new SqlException(ResultCode.INTERRUPT, "interrupted");
    }
  }
}
