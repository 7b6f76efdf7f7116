package dev.pagoda.pager;

import java.util.ArrayList;
import java.util.List;

/**
 * The pages one {@link Pager}'s write transaction made writable or created, and what commit and
 * rollback do to those page objects. A dirty page keeps its image from before the
 * transaction in {@link Page#original} (null: created in the transaction, the file still holds the
 * old image) and stays in the {@link PageTable}'s owned table until the transaction ends; then it
 * goes to the page cache unless it is pinned (page 1 never goes there).
 */
final class DirtyPages {
  private final List<Page> list = new ArrayList<>();
  private final PageTable pages;
  private final Page page1;
  private final int pageSize;

  DirtyPages(PageTable pages, Page page1) {
    this.pages = pages;
    this.page1 = page1;
    this.pageSize = page1.data().length;
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  /**
   * Makes owned {@code page} dirty, keeping its current bytes as its original image, unless it is
   * dirty already.
   */
  void track(Page page) {
    if (!page.dirty) {
      page.original = page.data().clone();
      page.dirty = true;
      list.add(page);
    }
  }

  /** Adds page {@code pgno} as a new zeroed page, dirty with no original image. */
  Page addNew(int pgno) {
    Page p = pages.addNew(pgno);
    list.add(p);
    return p;
  }

  /**
   * The journal's view of the transaction ({@link CommitBatch#of}; sorts the dirty list by page
   * number), the file being {@code fileSize} bytes before it and the database {@code pageCount}
   * pages after it.
   */
  Journal.Commit batch(long fileSize, int pageCount) {
    return CommitBatch.of(list, pageSize, fileSize, pageCount);
  }

  /** After the journal committed them: every dirty page is clean, cached unless pinned. */
  void committed() {
    for (Page p : list) {
      p.dirty = false;
      p.original = null;
      if (p.pins == 0 && p != page1) {
        pages.toCache(p);
      }
    }
    list.clear();
  }

  /**
   * Rollback: every dirty page gets its original image back in place and is clean again (cached
   * unless pinned); pages created in the transaction are dropped (DISCARDED).
   */
  void rollBack() {
    for (Page p : list) {
      p.dirty = false;
      if (p.original != null) {
        System.arraycopy(p.original, 0, p.data(), 0, pageSize);
        p.original = null;
        if (p.pins == 0 && p != page1) {
          pages.toCache(p);
        }
      } else {
        // Created in this transaction (appended, or reused from the freelist without being read):
        // the file still has the old image, so the object goes and a later read makes a new one.
        pages.forget(p);
      }
    }
    list.clear();
  }

  /** Takes the pages after {@code n} off the list (a truncation is discarding them). */
  void dropBeyond(int n) {
    list.removeIf(p -> p.number() > n);
  }

  /** Checks the dirty list's invariants ({@code inWrite}: a write transaction is open). */
  void checkInvariants(boolean inWrite) {
    for (Page p : list) {
      PageTable.check(p.dirty, "page " + p.number() + " in the dirty list is dirty");
      PageTable.check(
          p == page1 || pages.owned.get(p.number()) == p, "dirty page " + p.number() + " is owned");
    }
    PageTable.check(inWrite || list.isEmpty(), "no dirty page outside a write transaction");
  }
}
