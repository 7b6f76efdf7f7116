package dev.pagoda.pager;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite's lock levels for a database file in rollback-journal mode, between the pagers of one
 * JVM: any number of SHARED holders (readers); one RESERVED holder (the writer, still a reader,
 * while it changes pages in its own memory); PENDING while that writer waits to commit (no new
 * reader may start); EXCLUSIVE while it writes the file (it is the only reader left).
 *
 * <pre>
 * REQUEST      GRANTED WHEN                       OTHERWISE
 * shared       no PENDING or EXCLUSIVE            wait (timeout), then BUSY
 * reserved     no other RESERVED                  wait; BUSY at once if the holder is PENDING
 *                                                 (it waits for this reader: a deadlock)
 * exclusive    the RESERVED holder is the only    PENDING while waiting (timeout), then BUSY,
 *              SHARED holder left                 PENDING cleared and nothing written
 * </pre>
 *
 * <p>Each successful commit increments {@link #commitSequence()}, which readers' snapshots carry.
 * Waits use a {@link Condition} of a {@link ReentrantLock}; nothing here does I/O. Thread-safe.
 */
final class LockTable {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private int shared;
  private Object reserved;
  private boolean pending;
  private boolean exclusive;
  private long commitSequence;

  /** Takes a SHARED lock; returns the commit sequence it reads. */
  long acquireShared(long timeoutMillis) {
    lock.lock();
    try {
      long deadline = deadline(timeoutMillis);
      while (pending || exclusive) {
        if (!await(deadline)) {
          throw busy("a writer is committing");
        }
      }
      shared++;
      return commitSequence;
    } finally {
      lock.unlock();
    }
  }

  void releaseShared() {
    lock.lock();
    try {
      if (shared <= 0) {
        throw new StorageException(StorageException.Kind.MISUSE, "no SHARED lock held");
      }
      shared--;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the RESERVED lock for {@code owner}, a SHARED holder whose snapshot read commit sequence
   * {@code seenSequence}.
   */
  void acquireReserved(Object owner, long seenSequence, long timeoutMillis) {
    lock.lock();
    try {
      long deadline = deadline(timeoutMillis);
      while (reserved != null && reserved != owner) {
        if (pending) {
          throw busy("another connection is committing and waits for this one's read to end");
        }
        if (!await(deadline)) {
          throw busy("another connection is writing");
        }
      }
      if (seenSequence != commitSequence) {
        throw new StorageException(StorageException.Kind.BUSY_SNAPSHOT,
            "database is locked: another connection committed since this read began");
      }
      reserved = owner;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Upgrades the RESERVED holder to EXCLUSIVE, waiting (PENDING) until it is the only SHARED
   * holder left.
   */
  void acquireExclusive(Object owner, long timeoutMillis) {
    lock.lock();
    try {
      checkReserved(owner);
      long deadline = deadline(timeoutMillis);
      pending = true;
      while (shared > 1) {
        if (!await(deadline)) {
          pending = false;
          changed.signalAll();
          throw busy("other connections are still reading");
        }
      }
      exclusive = true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Back from EXCLUSIVE to RESERVED after writing; {@code committed} counts a commit, and the new
   * sequence is returned.
   */
  long releaseExclusive(Object owner, boolean committed) {
    lock.lock();
    try {
      checkReserved(owner);
      exclusive = false;
      pending = false;
      if (committed) {
        commitSequence++;
      }
      changed.signalAll();
      return commitSequence;
    } finally {
      lock.unlock();
    }
  }

  void releaseReserved(Object owner) {
    lock.lock();
    try {
      if (reserved == owner) {
        reserved = null;
        exclusive = false;
        pending = false;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  long commitSequence() {
    lock.lock();
    try {
      return commitSequence;
    } finally {
      lock.unlock();
    }
  }

  /** The number of SHARED holders (tests and the journal's idleness check). */
  int sharedCount() {
    lock.lock();
    try {
      return shared;
    } finally {
      lock.unlock();
    }
  }

  private void checkReserved(Object owner) {
    if (reserved != owner) {
      throw new StorageException(StorageException.Kind.MISUSE, "the RESERVED lock is not held");
    }
  }

  private static long deadline(long timeoutMillis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
  }

  /** Waits for a change until the deadline; false when it has passed. Lock held. */
  private boolean await(long deadline) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    try {
      changed.awaitNanos(left);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static StorageException busy(String why) {
    return new StorageException(StorageException.Kind.BUSY, "database is locked: " + why);
  }
}
