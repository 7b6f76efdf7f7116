package dev.pagoda.pager;

import java.util.function.IntConsumer;

/**
 * The part of a journal that writes the database file in place (rollback journal, {@link
 * Journal#none()}): pagers are kept apart by SQLite's rollback-mode lock levels ({@link
 * LockTable}). Readers hold SHARED for their read transaction; the writer takes RESERVED at {@link
 * #beginWrite} and EXCLUSIVE for the length of {@link #commit}, which therefore waits until every
 * other read transaction has ended; a reader's snapshot is always the last commit.
 *
 * <p>A snapshot records the table's commit sequence and the file's change counter (header offset
 * 24): when either differs from the pager's previous snapshot, the pager drops its whole cache, as
 * SQLite does when the change counter moved.
 */
abstract class LockingJournal implements Journal {
  private final LockTable locks = new LockTable();
  /** Whether the lock table has been tied to the file's process lock (a DiskFile's). */
  private volatile boolean processLockChecked;

  /** What a reader of a file written in place sees: a commit sequence and a change counter. */
  static final class Locked implements Snapshot {
    /** Identifies the read transaction across the snapshots its own commits give it. */
    final Object reader;
    final long sequence;
    final int changeCounter;

    Locked(Object reader, long sequence, int changeCounter) {
      this.reader = reader;
      this.sequence = sequence;
      this.changeCounter = changeCounter;
    }
  }

  /** Writes the commit into the database file, crash-safely as the subclass can. */
  abstract void write(DbFile db, Commit c);

  /**
   * Puts the file back after {@link #write} failed part way, still holding EXCLUSIVE (a rollback
   * journal plays itself back). Default: nothing can be done.
   */
  void undoFailedWrite(DbFile db) {}

  /**
   * Called holding SHARED between processes, just taken from NONE, before the JVM's first reader
   * reads: a rollback journal plays back a hot journal another process left. Default: nothing.
   */
  void firstShared(DbFile db, ProcessLock lock) {}

  /** Whether locks between processes apply: the file is a DiskFile. */
  static boolean usesProcessLock(DbFile db) {
    return db instanceof DiskFile;
  }

  /** Ties the lock table to the file's process lock, once, before the first reader. */
  private void tieProcessLock(DbFile db) {
    if (processLockChecked) {
      return;
    }
    locks.tie(() -> {
      if (!processLockChecked) {
        if (db instanceof DiskFile disk) {
          ProcessLock pl = disk.processLock();
          locks.useProcessLock(pl, () -> firstShared(db, pl));
        }
        processLockChecked = true;
      }
    });
  }

  @Override
  public Snapshot beginRead(DbFile db, long busyTimeoutMillis) {
    tieProcessLock(db);
    long seq = locks.acquireShared(busyTimeoutMillis);
    try {
      return new Locked(new Object(), seq, changeCounter(db));
    } catch (RuntimeException e) {
      locks.releaseShared();
      throw e;
    }
  }

  @Override
  public void endRead(Snapshot s) {
    locked(s);
    locks.releaseShared();
  }

  @Override
  public boolean changedPages(Snapshot from, Snapshot to, IntConsumer changed) {
    if (!(from instanceof Locked a) || !(to instanceof Locked b)) {
      return false;
    }
    return a.sequence == b.sequence && a.changeCounter == b.changeCounter;
  }

  @Override
  public void beginWrite(DbFile db, Snapshot s, long busyTimeoutMillis) {
    Locked l = locked(s);
    locks.acquireReserved(l.reader, l.sequence, busyTimeoutMillis);
  }

  @Override
  public void lockExclusive(DbFile db, Snapshot s, long busyTimeoutMillis) {
    Locked l = locked(s);
    locks.acquireExclusive(l.reader, busyTimeoutMillis);
    locks.holdExclusive(l.reader);
  }

  @Override
  public Snapshot commit(DbFile db, Snapshot s, Commit c, long busyTimeoutMillis) {
    Locked l = locked(s);
    locks.acquireExclusive(l.reader, busyTimeoutMillis);
    boolean done = false;
    try {
      write(db, c);
      done = true;
    } catch (RuntimeException e) {
      // still EXCLUSIVE: no reader may see a half-written file, so put it back now
      try {
        undoFailedWrite(db);
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    } finally {
      long seq = locks.releaseExclusive(l.reader, done);
      if (done) {
        l = new Locked(l.reader, seq, changeCounter(c));
      }
    }
    return l;
  }

  @Override
  public void endWrite(Snapshot s) {
    locks.releaseReserved(locked(s).reader);
  }

  /** The number of read transactions open on this journal. */
  int readers() {
    return locks.sharedCount();
  }

  private static Locked locked(Snapshot s) {
    if (s instanceof Locked l) {
      return l;
    }
    throw new StorageException(StorageException.Kind.MISUSE, "not a snapshot of this journal");
  }

  /** The change counter the commit wrote (page 1 is in every commit), read from its page 1. */
  private static int changeCounter(Commit c) {
    for (int i = 0; i < c.size(); i++) {
      if (c.page(i) == 1) {
        return BigEndian.i32(c.data(i), DatabaseHeader.CHANGE_COUNTER);
      }
    }
    return -1;
  }

  /** The change counter at header offset 24, or -1 while the file is shorter than that. */
  private static int changeCounter(DbFile db) {
    byte[] b = new byte[4];
    int n = db.read(DatabaseHeader.CHANGE_COUNTER, b, 0, 4);
    return n == 4 ? BigEndian.i32(b, 0) : -1;
  }
}
