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
 * <p>Between processes: when the file is a {@link DiskFile}, the table mirrors its state onto the
 * file's {@link ProcessLock} (SQLite's POSIX locks on the same bytes), so that sqlite3 processes
 * and this JVM exclude each other: the first reader of the JVM takes SHARED, the writer RESERVED,
 * the commit EXCLUSIVE, and the levels come down as the JVM's readers and writer leave. A level
 * another process keeps us from is retried with SQLite's busy-handler delays until the busy
 * timeout, then BUSY. {@link #onFirstShared} lets the journal look for a hot journal another
 * process left, whenever the JVM takes SHARED afresh (as SQLite does).
 *
 * <p>Each successful commit increments {@link #commitSequence()}, which readers' snapshots carry.
 * Waits use a {@link Condition} of a {@link ReentrantLock}. Thread-safe.
 */
final class LockTable {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private int shared;
  private Object reserved;
  private boolean pending;
  private boolean exclusive;
  /** Whether EXCLUSIVE was taken at BEGIN EXCLUSIVE and stays until the write ends. */
  private boolean heldExclusive;
  /** Whether a thread is taking the process's SHARED lock for the JVM's first reader. */
  private boolean acquiringShared;
  private long commitSequence;
  /** The file's lock between processes, or null (memory files, tests). */
  private ProcessLock process;
  /** Called with SHARED just taken from NONE between processes (lock held). */
  private Runnable onFirstShared = () -> {};

  /** Mirrors this table onto {@code lock} from now on (call through {@link #tie}). */
  void useProcessLock(ProcessLock lock, Runnable firstShared) {
    process = lock;
    onFirstShared = firstShared;
  }

  /** Runs {@code setup} holding the table's lock. */
  void tie(Runnable setup) {
    lock.lock();
    try {
      setup.run();
    } finally {
      lock.unlock();
    }
  }

  /** Takes a SHARED lock; returns the commit sequence it reads. */
  long acquireShared(long timeoutMillis) {
    lock.lock();
    try {
      long deadline = deadline(timeoutMillis);
      while (pending || exclusive || acquiringShared) {
        if (!await(deadline)) {
          throw busy(acquiringShared ? "another process holds the file" : "a writer is committing");
        }
      }
      if (process != null && shared == 0 && reserved == null) {
        acquiringShared = true; // others wait until the process lock is taken (or not)
        try {
          processLock(ProcessLock.Level.SHARED, deadline);
          onFirstShared.run();
        } catch (RuntimeException e) {
          process.unlock(ProcessLock.Level.NONE);
          throw e;
        } finally {
          acquiringShared = false;
          changed.signalAll();
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
      if (process != null && shared == 0 && reserved == null) {
        process.unlock(ProcessLock.Level.NONE);
      }
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
      reserved = owner; // claimed in the JVM first: others wait while the process lock is tried
      if (process != null) {
        try {
          processLock(ProcessLock.Level.RESERVED, deadline);
        } catch (RuntimeException e) {
          reserved = null;
          changed.signalAll();
          throw e;
        }
      }
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
      if (process != null) {
        try {
          processLock(ProcessLock.Level.EXCLUSIVE, deadline);
        } catch (RuntimeException e) {
          process.unlock(ProcessLock.Level.RESERVED); // give up PENDING: others may read again
          pending = false;
          changed.signalAll();
          throw e;
        }
      }
      exclusive = true;
    } finally {
      lock.unlock();
    }
  }

  /** Keeps the EXCLUSIVE just taken past commits, until {@link #releaseReserved} (BEGIN EXCLUSIVE). */
  void holdExclusive(Object owner) {
    lock.lock();
    try {
      checkReserved(owner);
      heldExclusive = true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Back from EXCLUSIVE to RESERVED after writing (unless held for BEGIN EXCLUSIVE); {@code committed} counts a commit, and the new
   * sequence is returned.
   */
  long releaseExclusive(Object owner, boolean committed) {
    lock.lock();
    try {
      checkReserved(owner);
      if (committed) {
        commitSequence++;
      }
      if (heldExclusive) {
        return commitSequence; // BEGIN EXCLUSIVE: keep the others out to the end
      }
      if (process != null && exclusive) {
        process.unlock(ProcessLock.Level.RESERVED);
      }
      exclusive = false;
      pending = false;
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
        heldExclusive = false;
        pending = false;
        if (process != null) {
          process.unlock(shared > 0 ? ProcessLock.Level.SHARED : ProcessLock.Level.NONE);
        }
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

  /**
   * Raises the process lock to {@code level}, retrying with the busy-handler delays (the table's
   * lock released while sleeping) until the deadline. Lock held.
   */
  private void processLock(ProcessLock.Level level, long deadline) {
    for (int attempt = 0; !process.tryLock(level); attempt++) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new StorageException(StorageException.Kind.BUSY,
            "database is locked by another process (waiting for " + level + ")");
      }
      long delay = BusyHandler.delayNanos(attempt);
      try {
        changed.awaitNanos(Math.min(left, delay));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageException(StorageException.Kind.BUSY, "database is locked (interrupted)");
      }
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
