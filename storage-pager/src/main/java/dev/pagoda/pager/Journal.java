package dev.pagoda.pager;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * A database file's durability and concurrency strategy: how write transactions reach the file so
 * that a crash at any point leaves either the old or the new database, never a mix, and how the
 * pagers sharing the file (one per connection) are kept apart. Implementations: {@link
 * RollbackJournal} (SQLite's {@code -journal} file, with SQLite's SHARED / RESERVED / PENDING /
 * EXCLUSIVE lock levels between the pagers), {@code dev.pagoda.wal.WalJournal} (storage-wal:
 * SQLite's write-ahead log, where readers keep a snapshot and never block the writer), and {@link
 * #none()} (write in place, one pager; for in-memory databases).
 *
 * <p>One journal serves every {@link Pager} on its file in this JVM ({@link PagerFile} holds it),
 * so implementations are thread-safe: each pager is used by one thread at a time, but different
 * pagers call in from different threads at once. Waits (for a lock another pager holds) last at
 * most the {@code busyTimeoutMillis} given, then fail with {@link StorageException.Kind#BUSY}; a
 * wait never holds a monitor and is interruptible only in that it fails with BUSY early.
 *
 * <h2>Protocol</h2>
 *
 * <pre>
 * recover              once, before any pager reads (PagerFile.open)
 * beginRead  -&gt; s      a pager starts a read transaction and gets the snapshot it reads
 * readPage(s, n)       the page as of s, when the journal holds it (a WAL does); else the file
 * changedPages(s0, s)  which pages may differ between the pager's previous snapshot and s
 * beginWrite(s)        the pager (reading s) becomes the one writer
 * commit(s, c) -&gt; s'   makes c durable; the writer now reads s'
 * endWrite(s)          after commit or rollback: the writer lock is released, the read goes on
 * endRead(s)           the read transaction ends; s is never used again
 * checkpoint           WAL only: copy frames back into the file
 * close                the last pager is gone (a WAL checkpoints and deletes its file)
 * </pre>
 *
 * <p>A write transaction always runs inside a read transaction of the same pager. The journal
 * calls back into no pager.
 */
public interface Journal extends AutoCloseable {
  /**
   * Brings {@code db} back to its last committed state after a crash (a hot rollback journal is
   * played back; a WAL's committed prefix is found and indexed), before any pager reads it. Called
   * once, by {@link PagerFile} when the file opens, with no reader or writer active.
   *
   * @return whether anything was rolled back or recovered
   */
  boolean recover(DbFile db);

  /**
   * Starts a read transaction: the caller will read the database as of the returned snapshot until
   * {@link #endRead}. A rollback journal takes a SHARED lock (waiting while a writer holds PENDING
   * or EXCLUSIVE); a WAL registers the reader at the last committed frame and never waits for a
   * writer.
   *
   * @throws StorageException BUSY when the snapshot cannot be taken within the timeout
   */
  Snapshot beginRead(DbFile db, long busyTimeoutMillis);

  /** Ends the read transaction that read {@code s}. */
  void endRead(Snapshot s);

  /**
   * Reads the image of page {@code pgno} as of snapshot {@code s} into {@code buf} when this
   * journal holds one (a WAL does, for pages committed to it but not yet checkpointed); returns
   * false to let the pager read the database file. A rollback journal never does.
   */
  default boolean readPage(DbFile db, Snapshot s, int pgno, byte[] buf) {
    return false;
  }

  /**
   * The database size in pages as of {@code s} when the journal knows it (a WAL: the commit size
   * of the snapshot's last commit frame), or 0: the file's header and size tell.
   */
  default int pageCount(Snapshot s) {
    return 0;
  }

  /**
   * The page size of the pages this journal holds (a WAL's header says it), or 0 when it holds
   * none: the pager reads the page size from the database file's header.
   */
  default int pageSize() {
    return 0;
  }

  /**
   * Lists the pages whose content may differ between snapshot {@code from} (an earlier snapshot of
   * the same pager, already ended) and {@code to}, so that the pager drops only those from its
   * cache. Page 1 is listed whenever anything changed.
   *
   * @return true when exactly the pages passed to {@code changed} may differ (possibly none); false
   *     when the caller must assume that any page changed
   */
  boolean changedPages(Snapshot from, Snapshot to, IntConsumer changed);

  /**
   * Makes the pager reading {@code s} the one writer. A rollback journal takes RESERVED; a WAL its
   * writer lock.
   *
   * @throws StorageException BUSY when another pager holds the write lock past the timeout (at
   *     once when waiting could deadlock: the other writer waits for this reader to finish);
   *     BUSY_SNAPSHOT when {@code s} is not the last committed state (another pager committed
   *     since this read transaction began; it must restart to write)
   */
  void beginWrite(DbFile db, Snapshot s, long busyTimeoutMillis);

  /**
   * Makes {@code commit} durable in {@code db} as the journal's synchronous level promises, and
   * returns the snapshot the writer reads from now on (its own commit). A rollback journal first
   * takes EXCLUSIVE, waiting for the other readers to finish (up to the busy timeout, then BUSY
   * with nothing written). When it throws after writing began, the journal has already tried to
   * put the file back as it was (a rollback journal plays itself back before it gives up
   * EXCLUSIVE; a WAL simply does not publish the frames), and the published state is unchanged;
   * the pager then checks the file and refuses further work if it is not as before.
   */
  Snapshot commit(DbFile db, Snapshot s, Commit commit, long busyTimeoutMillis);

  /**
   * {@code BEGIN EXCLUSIVE}: the writer reading {@code s} keeps every other reader out until its
   * transaction ends. A rollback journal takes EXCLUSIVE now (waiting, up to the timeout, for the
   * other readers to finish; BUSY if they do not); a WAL does nothing (EXCLUSIVE is IMMEDIATE in
   * WAL mode, as in SQLite).
   */
  default void lockExclusive(DbFile db, Snapshot s, long busyTimeoutMillis) {}

  /** Releases the write lock taken by {@link #beginWrite} (after commit or rollback). */
  void endWrite(Snapshot s);

  /**
   * Copies committed WAL frames back into the database file ({@code PRAGMA wal_checkpoint}). Not
   * in WAL mode: {@link Checkpoint#NOT_WAL}, nothing done.
   */
  default Checkpoint checkpoint(DbFile db, CheckpointMode mode, long busyTimeoutMillis) {
    return Checkpoint.NOT_WAL;
  }

  /** The synchronous level that commits (and a WAL's checkpoints) follow. */
  Synchronous synchronous();

  /** Sets the synchronous level for later commits and checkpoints ({@code PRAGMA synchronous}). */
  void setSynchronous(Synchronous level);

  /** {@code PRAGMA journal_mode}'s name for this journal: delete, truncate, persist, wal, memory. */
  String modeName();

  /**
   * Releases the journal's files; called once, when no pager is left. A WAL checkpoints and deletes
   * its file first, as SQLite does when the last connection closes.
   */
  @Override
  void close();

  /** Writes pages straight into the database file and syncs it: no crash safety, one pager. */
  static Journal none() {
    return new DirectJournal();
  }

  /**
   * What one read transaction sees; opaque to the pager, meaningful to the journal that made it.
   * Immutable.
   */
  interface Snapshot {}

  /**
   * One write transaction, as the pager hands it to {@link #commit}. The arrays are the pager's
   * own (no copies): a journal reads them during {@code commit} only.
   */
  final class Commit {
    private final int pageSize;
    private final int originalPageCount;
    private final int pageCount;
    private final int[] pages;
    private final byte[][] data;
    private final IntFunction<byte[]> original;

    /**
     * @param pageSize the page size
     * @param originalPageCount the pages in the database file before the transaction (its size in
     *     pages, rounded up)
     * @param pageCount the pages after it (the file is truncated to this when it shrank)
     * @param pages the page numbers to write, ascending, each at most {@code pageCount}
     * @param data the new images, parallel to {@code pages}
     * @param original the image of a page at the start of the transaction, or null when the file
     *     still holds it (read it there); only asked for pages up to {@code originalPageCount}
     */
    public Commit(int pageSize, int originalPageCount, int pageCount, int[] pages, byte[][] data,
        IntFunction<byte[]> original) {
      this.pageSize = pageSize;
      this.originalPageCount = originalPageCount;
      this.pageCount = pageCount;
      this.pages = pages;
      this.data = data;
      this.original = original;
    }

    public int pageSize() {
      return pageSize;
    }

    public int originalPageCount() {
      return originalPageCount;
    }

    public int pageCount() {
      return pageCount;
    }

    /** The number of pages to write. */
    public int size() {
      return pages.length;
    }

    /** The page number of the {@code i}-th page to write (ascending in i). */
    public int page(int i) {
      return pages[i];
    }

    /** The new image of the {@code i}-th page to write. */
    public byte[] data(int i) {
      return data[i];
    }

    /** The image of {@code pgno} before the transaction, or null: the file still holds it. */
    public byte[] original(int pgno) {
      return original.apply(pgno);
    }
  }
}
