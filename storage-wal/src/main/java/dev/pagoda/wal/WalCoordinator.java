package dev.pagoda.wal;

import dev.pagoda.pager.Checkpoint;
import dev.pagoda.pager.StorageException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The shared, mutable part of a WAL journal, all behind one {@link ReentrantLock} held for
 * in-memory work only (never across I/O): the published {@link WalState}, how far it is backfilled,
 * the live readers, the writer lock and the checkpoint flag. Waits (writer lock, readers a
 * checkpoint needs gone) are {@link Condition} waits bounded by a deadline; every change a waiter
 * may wait for signals the condition.
 *
 * <p>What the lock makes atomic: a reader's registration against the state it reads (so a
 * checkpoint's limit always accounts for it); a restart against the readers and checkpoints that
 * forbid it; a commit's publication against the writer's reader entry.
 */
final class WalCoordinator {
  /** The writer-lock owner while a FULL, RESTART or TRUNCATE checkpoint holds it. */
  private static final Object CHECKPOINTER = new Object();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private volatile WalState state = WalState.empty(null, 0);
  /** Frames 1..backfill of state's generation are in the database file. */
  private int backfill;
  private final Set<WalSnapshot> readers = Collections.newSetFromMap(new IdentityHashMap<>());
  /** A WalSnapshot (the writing pager's current one), CHECKPOINTER, or null. */
  private Object writer;
  /** The snapshot the writer had at beginWrite (endWrite may name it or its commit's). */
  private WalSnapshot writerBegan;
  private boolean checkpointing;
  /** The generation whose WAL readers a RESTART or TRUNCATE checkpoint is waiting for, or null. */
  private WalIndex restartWaitsFor;
  private boolean recovered;
  private boolean closed;

  /** The published state (a volatile read). */
  WalState state() {
    return state;
  }

  // ---- recovery, close -------------------------------------------------------------------------

  boolean isRecovered() {
    lock.lock();
    try {
      return recovered;
    } finally {
      lock.unlock();
    }
  }

  /** Installs the state found by recovery; nothing is backfilled yet (as in SQLite). */
  void recovered(WalState s) {
    lock.lock();
    try {
      state = s;
      backfill = 0;
      recovered = true;
    } finally {
      lock.unlock();
    }
  }

  /** Refuses new readers and writers from now; returns whether nobody was left (close may clean). */
  boolean close() {
    lock.lock();
    try {
      boolean idle = !closed && readers.isEmpty() && writer == null && !checkpointing;
      closed = true;
      changed.signalAll();
      return idle;
    } finally {
      lock.unlock();
    }
  }

  // ---- readers ---------------------------------------------------------------------------------

  WalSnapshot beginRead() {
    lock.lock();
    try {
      checkOpen();
      WalState st = state;
      WalSnapshot s = new WalSnapshot(st, backfill == st.maxFrame());
      readers.add(s);
      return s;
    } finally {
      lock.unlock();
    }
  }

  void endRead(WalSnapshot s) {
    lock.lock();
    try {
      if (readers.remove(s)) {
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  // ---- the writer ------------------------------------------------------------------------------

  /**
   * Makes the reader of {@code s} the writer, waiting up to {@code timeoutMillis} for the writer
   * lock: BUSY after that; BUSY_SNAPSHOT at once (or as soon as it happens while waiting) when
   * {@code s} is not the last commit.
   */
  void acquireWriter(WalSnapshot s, long timeoutMillis) {
    long deadline = deadline(timeoutMillis);
    lock.lock();
    try {
      while (true) {
        checkOpen();
        if (writer == s) {
          throw new StorageException(StorageException.Kind.MISUSE, "already the writer");
        }
        if (s.version() != state.version()) {
          throw new StorageException(StorageException.Kind.BUSY_SNAPSHOT,
              "database is locked: another connection committed since this read began");
        }
        if (writer == null) {
          writer = s;
          writerBegan = s;
          return;
        }
        if (writer == CHECKPOINTER && restartWaitsFor == s.index() && s.usesWal()) {
          // the checkpoint holding the lock waits for this very reader: waiting would only time out
          throw new StorageException(StorageException.Kind.BUSY,
              "database is locked: a checkpoint waits for this read transaction to end");
        }
        if (!awaitUntil(deadline)) {
          throw new StorageException(StorageException.Kind.BUSY,
              "database is locked: " + (writer == CHECKPOINTER ? "a checkpoint" : "another writer")
                  + " holds the WAL write lock");
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Checks that the reader of {@code s} holds the writer lock. */
  void checkWriter(WalSnapshot s) {
    lock.lock();
    try {
      if (writer != s) {
        throw new StorageException(StorageException.Kind.MISUSE, "commit without the write lock");
      }
    } finally {
      lock.unlock();
    }
  }

  /** Releases the writer lock when {@code s} (or the snapshot it began writing with) holds it. */
  void releaseWriter(WalSnapshot s) {
    lock.lock();
    try {
      if (writer != null && (writer == s || writerBegan == s)) {
        writer = null;
        writerBegan = null;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The state the writer holding {@code w} appends to. When every frame is backfilled, no
   * checkpoint runs and no other reader of this generation uses WAL frames, this starts a new
   * generation first (published at once: same content, since the database file holds it all), so
   * the commit rewrites the WAL from frame 1 under a restart header.
   */
  WalState prepareAppend(WalSnapshot w) {
    lock.lock();
    try {
      WalState st = state;
      if (st.maxFrame() > 0 && backfill == st.maxFrame() && !checkpointing && !walInUse(st, w)) {
        st = st.restart();
        state = st;
        backfill = 0;
        changed.signalAll();
      }
      return st;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Publishes a commit: {@code next} becomes the state, and the writer's reader entry moves from
   * {@code old} to the returned snapshot of {@code next}.
   */
  WalSnapshot publishCommit(WalSnapshot old, WalState next) {
    lock.lock();
    try {
      state = next;
      WalSnapshot s = new WalSnapshot(next, false);
      if (readers.remove(old)) {
        readers.add(s);
      }
      if (writer == old) {
        writer = s;
      }
      changed.signalAll();
      return s;
    } finally {
      lock.unlock();
    }
  }

  // ---- checkpoints -----------------------------------------------------------------------------

  /** Becomes the one running checkpoint, waiting until {@code deadline} (nanoTime); false: busy. */
  boolean beginCheckpoint(long deadline) {
    lock.lock();
    try {
      checkOpen();
      while (checkpointing) {
        if (!awaitUntil(deadline)) {
          return false;
        }
        checkOpen();
      }
      checkpointing = true;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The running checkpoint takes the writer lock (FULL and up), waiting until {@code deadline}. */
  boolean acquireWriterForCheckpoint(long deadline) {
    lock.lock();
    try {
      while (writer != null) {
        if (!awaitUntil(deadline)) {
          return false;
        }
      }
      writer = CHECKPOINTER;
      return true;
    } finally {
      lock.unlock();
    }
  }

  void endCheckpoint(boolean heldWriter) {
    lock.lock();
    try {
      checkpointing = false;
      if (heldWriter && writer == CHECKPOINTER) {
        writer = null;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The last frame of {@code st} that may be copied into the database file now: the smallest
   * {@code mxFrame} of the live readers of its generation, 0 when a reader of an older generation
   * lives (it reads the file as of this generation's start), {@code st.maxFrame()} without readers.
   */
  int limit(WalState st) {
    lock.lock();
    try {
      return limitLocked(st);
    } finally {
      lock.unlock();
    }
  }

  /** Frames of {@code st}'s generation already in the database file. */
  int backfill(WalState st) {
    lock.lock();
    try {
      return state.index() == st.index() ? backfill : 0;
    } finally {
      lock.unlock();
    }
  }

  /** Records that frames 1..{@code n} of {@code st}'s generation are in the database file. */
  void backfilled(WalState st, int n) {
    lock.lock();
    try {
      if (state.index() == st.index() && n > backfill) {
        backfill = n;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits until no reader keeps a checkpoint from copying all of {@code st}; false on timeout. */
  boolean awaitReaders(WalState st, long deadline) {
    return await(() -> limitLocked(st) >= st.maxFrame(), deadline);
  }

  /** Waits until no reader of {@code st}'s generation uses WAL frames; false on timeout. */
  boolean awaitNoWalReaders(WalState st, long deadline) {
    lock.lock();
    try {
      restartWaitsFor = st.index();
      changed.signalAll(); // a writer waiting for the lock may be one of those readers
      return await(() -> !walInUse(st, null), deadline);
    } finally {
      restartWaitsFor = null;
      lock.unlock();
    }
  }

  /** TRUNCATE: publishes an empty generation after the fully backfilled {@code st}. */
  void publishEmptyGeneration(WalState st) {
    lock.lock();
    try {
      if (state.index() == st.index()) {
        state = st.restart();
        backfill = 0;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** What {@code PRAGMA wal_checkpoint} reports now. */
  Checkpoint report(boolean busy) {
    lock.lock();
    try {
      return new Checkpoint(busy, state.maxFrame(), backfill);
    } finally {
      lock.unlock();
    }
  }

  // ---- helpers (lock held) ---------------------------------------------------------------------

  private int limitLocked(WalState st) {
    int limit = st.maxFrame();
    for (WalSnapshot r : readers) {
      int mx = r.index() == st.index() ? r.maxFrame() : 0;
      limit = Math.min(limit, mx);
    }
    return limit;
  }

  /** Whether a reader other than {@code except} reads WAL frames of {@code st}'s generation. */
  private boolean walInUse(WalState st, WalSnapshot except) {
    for (WalSnapshot r : readers) {
      if (r != except && r.usesWal() && r.index() == st.index()) {
        return true;
      }
    }
    return false;
  }

  private boolean await(BooleanSupplier done, long deadline) {
    lock.lock();
    try {
      while (!done.getAsBoolean()) {
        if (!awaitUntil(deadline)) {
          return false;
        }
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * One bounded wait for a change; false when the deadline passed or the thread is interrupted.
   * Every caller loops, re-checking its condition after each return.
   */
  @SuppressWarnings("WaitNotInLoop")
  private boolean awaitUntil(long deadline) {
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

  private void checkOpen() {
    if (closed) {
      throw new StorageException(StorageException.Kind.MISUSE, "the WAL journal is closed");
    }
  }

  static long deadline(long timeoutMillis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
  }
}
