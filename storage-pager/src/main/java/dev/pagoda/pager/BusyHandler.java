package dev.pagoda.pager;

import java.util.concurrent.TimeUnit;

/** SQLite's default busy handler's delays, for retries of a lock until the busy timeout. */
final class BusyHandler {
  /** 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 ms, then 100 ms for ever (sqliteDefaultBusyCallback). */
  private static final long[] DELAYS_MILLIS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};

  private BusyHandler() {}

  /** The delay before retry number {@code attempt} (0-based), in nanoseconds. */
  static long delayNanos(int attempt) {
    return TimeUnit.MILLISECONDS.toNanos(DELAYS_MILLIS[Math.min(attempt, DELAYS_MILLIS.length - 1)]);
  }

  /** Sleeps; an interrupt ends the wait with BUSY (the interrupt status is kept). */
  static void sleep(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException(StorageException.Kind.BUSY, "database is locked (interrupted)");
    }
  }
}
