package dev.pagoda.pager;

import java.util.Arrays;

/**
 * One {@link Pager}'s page count and how its write transaction changes it: allocation (a freelist
 * page first, through {@link FreeList}, else a new page at the end, skipping the lock-byte page),
 * the checks before freeing, truncation, and putting pages and the page count back for a rollback
 * or a savepoint rollback. Allocated pages are zeroed and writable; a page a savepoint may have to
 * restore keeps its image there first.
 *
 * <p>Works through the pager's {@link Pager#makeWritable} and {@link Pager#getPage}, as {@link
 * FreeList} does; the pager checks the write transaction and counts modifications first.
 */
final class PageAllocator {
  /** Offset of the lock-byte page (the page holding byte 2^30 is never used for data). */
  private static final long LOCK_BYTE_OFFSET = 1L << 30;

  private final Pager pager;
  private final PageTable pages;
  private final DirtyPages dirty;
  private final SavepointStack savepoints;
  private final DbFile file;
  private final int pageSize;
  private final int lockBytePage;
  /** The number of pages in the database, including uncommitted growth. */
  private int pageCount;
  /** The page count when the write transaction began, for its rollback. */
  private int pageCountAtBegin;

  PageAllocator(
      Pager pager, PageTable pages, DirtyPages dirty, SavepointStack savepoints, DbFile file,
      int pageSize) {
    this.pager = pager;
    this.pages = pages;
    this.dirty = dirty;
    this.savepoints = savepoints;
    this.file = file;
    this.pageSize = pageSize;
    this.lockBytePage = (int) (LOCK_BYTE_OFFSET / pageSize) + 1;
  }

  int pageCount() {
    return pageCount;
  }

  /** The page count as page 1 (or the journal, or the file size) says, on loading page 1. */
  void setPageCount(int n) {
    pageCount = n;
  }

  int lockBytePage() {
    return lockBytePage;
  }

  /** A write transaction begins: its rollback puts the current page count back. */
  void beginWrite() {
    pageCountAtBegin = pageCount;
  }

  /** The write transaction rolled back (its pages are already restored or dropped). */
  void rollBack() {
    pageCount = pageCountAtBegin;
  }

  /** {@link Pager#allocatePage}: a freelist page, else a new one at the end; zeroed, writable. */
  int allocate() {
    int pgno = FreeList.allocate(pager);
    if (pgno != 0) {
      reuse(pgno);
      return pgno;
    }
    if (pageCount == Integer.MAX_VALUE - 1) {
      throw new StorageException(StorageException.Kind.FULL, "database is full");
    }
    pageCount++;
    if (pageCount == lockBytePage) {
      pageCount++;
    }
    dirty.addNew(pageCount);
    return pageCount;
  }

  /** Makes page {@code pgno}, just taken off the freelist, zeroed and writable. */
  private void reuse(int pgno) {
    Page p = pages.inMemory(pgno);
    if (p != null) {
      pager.makeWritable(p);
      Arrays.fill(p.data(), (byte) 0);
      return;
    }
    if (!savepoints.isEmpty()) {
      // the file holds the page's current image: a savepoint must be able to put it back
      byte[] old = new byte[pageSize];
      int n = file.read((long) (pgno - 1) * pageSize, old, 0, pageSize);
      Arrays.fill(old, Math.max(n, 0), pageSize, (byte) 0);
      savepoints.record(pgno, old);
    }
    dirty.addNew(pgno);
  }

  /**
   * Checks that page {@code pgno} may go on the freelist (2..pageCount, not the lock-byte page).
   *
   * @throws StorageException CORRUPT when it may not
   */
  void checkFreeable(int pgno) {
    if (pgno < 2 || pgno > pageCount || pgno == lockBytePage) {
      throw StorageException.corrupt("cannot free page " + pgno);
    }
  }

  /**
   * Checks that the database may be truncated to {@code nPages} pages.
   *
   * @throws StorageException MISUSE when {@code nPages} is not in 1..pageCount
   */
  void checkTruncation(int nPages) {
    if (nPages < 1 || nPages > pageCount) {
      throw new StorageException(StorageException.Kind.MISUSE,
          "cannot truncate to " + nPages + " pages (page count " + pageCount + ")");
    }
  }

  /**
   * {@link Pager#truncateTo} a checked {@code nPages} below the page count: page 1 becomes
   * writable, the innermost savepoint keeps the images of the pages cut off, and they are
   * discarded.
   */
  void truncateTo(int nPages) {
    pager.makeWritable(pager.page1());
    savepoints.recordTruncation(nPages, pageCount, lockBytePage, pgno -> pager.getPage(pgno).data());
    discardBeyond(nPages);
    pageCount = nPages;
  }

  /** For a savepoint rollback: the page count back to {@code n}, pages beyond discarded. */
  void restorePageCount(int n) {
    if (pageCount > n) {
      discardBeyond(n);
    }
    pageCount = n;
  }

  /**
   * For a savepoint rollback: page {@code pgno}'s content back to {@code image}, the page made
   * writable.
   */
  void restorePage(byte[] image, int pgno) {
    Page p = pages.inMemory(pgno);
    if (p != null) {
      pager.makeWritable(p);
    } else {
      // not in memory (discarded by a truncation since): write over it without reading it;
      // as for a page reused from the freelist, the file still holds its original image
      p = dirty.addNew(pgno);
    }
    System.arraycopy(image, 0, p.data(), 0, pageSize);
  }

  /** Drops every in-memory object of pages after {@code n}: the file or a savepoint has them. */
  private void discardBeyond(int n) {
    dirty.dropBeyond(n);
    for (int pgno = n + 1; pgno <= pageCount; pgno++) {
      pages.discard(pgno);
    }
  }
}
