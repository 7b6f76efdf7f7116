package dev.pagoda.wal;

import dev.pagoda.pager.Checkpoint;
import dev.pagoda.pager.CheckpointMode;
import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.Synchronous;

/**
 * Copies committed frames back into the database file ({@code PRAGMA wal_checkpoint}, the
 * automatic checkpoint after a commit, and the final checkpoint at close).
 *
 * <p>The copy: for each page, its newest frame at or below the limit (the smallest {@code mxFrame}
 * of the live readers, see {@link WalCoordinator#limit}) and above what is already backfilled,
 * pages ascending. Before the database is written the WAL is synced, so every frame copied is
 * durable in the WAL first; after it, when every frame is backfilled, the database is truncated to
 * the last commit's size; then the database is synced (neither sync at OFF), and only then is the
 * new backfill published (so a reader that reads the file alone only ever starts on a complete
 * file). A failure publishes nothing: the frames are still in the WAL and readers read them there.
 *
 * <p>A checkpoint never writes a page a live reader may read from the file: a reader whose snapshot
 * includes frame {@code f} of a page reads that page from the WAL, and the limit is at most every
 * reader's {@code mxFrame}; a reader of an older generation (reading the file as it was when this
 * generation began) makes the limit 0.
 */
final class WalCheckpointer {
  private final WalCoordinator co;
  private final WalFile walFile;

  WalCheckpointer(WalCoordinator co, WalFile walFile) {
    this.co = co;
    this.walFile = walFile;
  }

  /** One checkpoint of {@code mode}; see {@link CheckpointMode} for what each waits for. */
  Checkpoint run(DbFile db, CheckpointMode mode, long timeoutMillis, Synchronous sync) {
    boolean passive = mode == CheckpointMode.PASSIVE;
    long deadline = WalCoordinator.deadline(passive ? 0 : timeoutMillis);
    if (!co.beginCheckpoint(deadline)) {
      return co.report(true); // another checkpoint is running
    }
    boolean holdsWriter = false;
    try {
      boolean busy = false;
      if (!passive) {
        holdsWriter = co.acquireWriterForCheckpoint(deadline);
        busy = !holdsWriter; // as SQLite: go on as PASSIVE, report busy
      }
      WalState st = co.state();
      if (holdsWriter && !co.awaitReaders(st, deadline)) {
        busy = true;
      }
      copy(db, st, co.backfill(st), co.limit(st), sync);
      if (holdsWriter && !busy && mode.compareTo(CheckpointMode.RESTART) >= 0) {
        if (!co.awaitNoWalReaders(st, deadline)) {
          busy = true;
        } else if (mode == CheckpointMode.TRUNCATE) {
          truncateWal(st);
        }
      }
      return co.report(busy);
    } finally {
      co.endCheckpoint(holdsWriter);
    }
  }

  /**
   * The checkpoint of {@code close}: copies every frame (no reader is left), truncates and syncs
   * the database. The caller then deletes the WAL.
   */
  void copyAll(DbFile db, Synchronous sync) {
    WalState st = co.state();
    int from = co.backfill(st);
    if (st.maxFrame() > from) {
      copy(db, st, from, st.maxFrame(), sync);
    } else if (sync != Synchronous.OFF) {
      db.sync();
    }
  }

  /** Copies frames {@code from+1 .. limit} of {@code st} (newest per page) into {@code db}. */
  private void copy(DbFile db, WalState st, int from, int limit, Synchronous sync) {
    if (limit <= from) {
      return;
    }
    DbFile wal = walFile.file();
    if (sync != Synchronous.OFF) {
      wal.sync();
    }
    WalIndex index = st.index();
    int ps = st.header().pageSize();
    int size = index.commitSizeAt(limit);
    byte[] buf = new byte[ps];
    for (int pgno : index.pagesBetween(from, limit)) {
      if (pgno > size) {
        continue; // beyond the database as of the limit: no reader reads it from here
      }
      walFile.readPage(index.find(pgno, limit), ps, buf);
      db.write((long) (pgno - 1) * ps, buf, 0, ps);
    }
    if (limit == st.maxFrame() && db.size() > (long) size * ps) {
      db.truncate((long) size * ps);
    }
    if (sync != Synchronous.OFF) {
      db.sync();
    }
    co.backfilled(st, limit);
  }

  /** TRUNCATE, with the writer lock and no WAL reader: a new empty generation, a 0-byte WAL. */
  private void truncateWal(WalState st) {
    co.publishEmptyGeneration(st);
    DbFile wal = walFile.file();
    if (wal != null && wal.size() > 0) {
      wal.truncate(0);
    }
  }
}
