package dev.pagoda.pager;

import java.util.function.IntFunction;

/**
 * The pager's durability strategy: how a write transaction's pages reach the database file so that
 * a crash at any point leaves either the old or the new database, never a mix. Implementations:
 * {@link RollbackJournal} (SQLite's {@code -journal} file), {@link #none()} (write in place; for
 * in-memory databases, where a crash loses everything anyway). The WAL will be another one.
 *
 * <p>The pager calls {@link #recover} once in {@link Pager#open}, before it reads anything, and
 * {@link #commit} for each write transaction that changed something. The pager keeps its dirty pages
 * and their original images in memory until commit (no spilling yet), so a journal sees the whole
 * transaction at once.
 */
public interface Journal extends AutoCloseable {
  /**
   * Brings {@code db} back to its last committed state after a crash (a hot rollback journal is
   * played back), before the pager reads it.
   *
   * @return whether anything was rolled back
   */
  boolean recover(DbFile db);

  /**
   * Makes {@code commit} durable in {@code db} (as the journal's synchronous level promises). When
   * it throws, the database file may be partly written; the pager then calls {@link #recover}.
   */
  void commit(DbFile db, Commit commit);

  /**
   * Reads the current image of page {@code pgno} (2 or more) into {@code buf} when this journal
   * holds a newer one than {@code db} (a WAL does, for pages committed to it but not yet
   * checkpointed); returns false to let the pager read the database file. A rollback journal
   * never does: it holds only old images.
   */
  default boolean readPage(DbFile db, int pgno, byte[] buf) {
    return false;
  }

  /** Releases the journal's files. Idempotent. */
  @Override
  void close();

  /** Writes pages straight into the database file and syncs it: no crash safety. */
  static Journal none() {
    return DirectJournal.INSTANCE;
  }

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
