package dev.pagoda.pager;

import dev.pagoda.pager.cache.IntObjectMap;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * The page objects of one {@link Pager} in memory: which object is the page for a number, and where
 * it lives. Page 1 is held here for the pager's life and is never in any of the tables below.
 *
 * <pre>
 * owned   pinned or dirty pages (never page 1), an IntObjectMap kept strongly
 * cache   clean, unpinned pages, in the PageCache plug-in, which may forget any of them
 * live    a weak reference to every page object made, so that a page the cache forgot but a
 *         caller still holds is found again instead of being read into a second object
 * </pre>
 *
 * <p>A page is in at most one of owned and cache; every page object made by {@link #newPage} is in
 * {@code live} until the garbage collector clears its weak reference (the reference queue {@code
 * collected} then lets {@link #held} drop the entry) or the page is discarded. Lookups go owned,
 * cache, then (on a cache miss only) live, then the file; the pager's hit path reads {@link #owned}
 * and {@link #cache} directly and allocates nothing.
 *
 * <p>{@link #adopt} moves a clean, unpinned page into the owned table when it is pinned or made
 * writable, checking that it is the current object for its number (a stale object a caller kept
 * across a rollback or eviction is refused with MISUSE); {@link #toCache} moves it back when it is
 * clean and unpinned again.
 *
 * <p>{@link #fetch} reads a page after a cache miss, through the pager's {@link Journal} (which
 * may hold a newer image, as a WAL would) and else from its {@link DbFile}; the pager owns and
 * closes both.
 *
 * <p>The cache capacity follows {@code PRAGMA cache_size} ({@link #cachePages}); pinned and dirty
 * pages are not counted. {@link #stats} snapshots the cache's counters and the pages read.
 */
final class PageTable {
  /** Clean, unpinned pages; the plug-in decides which stay. Read directly on the hit path. */
  final PageCache cache;
  /** Pinned or dirty pages (never page 1), held strongly. Read directly on the hit path. */
  final IntObjectMap<Page> owned = new IntObjectMap<>();

  private final DbFile file;
  /** The journal and read snapshot pages are fetched at (the pager's current ones). */
  private Journal journal;
  private Journal.Snapshot source;
  private final IntObjectMap<PageRef> live = new IntObjectMap<>(64);
  private final ReferenceQueue<Page> collected = new ReferenceQueue<>();
  private final Page page1;
  private final int pageSize;
  private int cacheSize;
  private long pagesRead;

  PageTable(DbFile file, Page page1, PageCacheProvider provider, int cacheSize) {
    this.file = file;
    this.page1 = page1;
    this.pageSize = page1.data().length;
    this.cacheSize = cacheSize;
    PageCache c = provider.create(pageSize, cachePages(cacheSize, pageSize));
    this.cache = Pager.class.desiredAssertionStatus() ? new AssertingPageCache(c) : c;
  }

  /** The page cache capacity in pages for a {@code PRAGMA cache_size} value. */
  static int cachePages(int cacheSize, int pageSize) {
    if (cacheSize >= 0) {
      return cacheSize;
    }
    return (int) Math.min(Integer.MAX_VALUE, -(long) cacheSize * 1024 / pageSize);
  }

  /** Sets the cache size ({@code PRAGMA cache_size} semantics); shrinking evicts at once. */
  void setCacheSize(int n) {
    cacheSize = n;
    cache.setCapacity(cachePages(n, pageSize));
  }

  int cacheSize() {
    return cacheSize;
  }

  int cacheCapacity() {
    return cache.capacity();
  }

  CacheStats stats() {
    return new CacheStats(
        cache.hitCount(), cache.missCount(), cache.evictionCount(), pagesRead, cache.size(),
        cache.capacity(), owned.size());
  }

  /**
   * Reads page {@code pgno} after a page cache miss (through the journal, else from the file), or
   * finds the object a caller still holds; either way the page goes to the cache.
   *
   * @param pageCount the database's page count: pgno must be in 1..pageCount
   * @param brokenReason non-null when the pager refuses file reads (IOERR with this message)
   */
  Page fetch(int pgno, int pageCount, String brokenReason) {
    if (pgno < 1 || pgno > pageCount) {
      throw StorageException.corrupt("page number out of range: " + pgno + " (page count " + pageCount + ")");
    }
    Page p = held(pgno);
    if (p == null) {
      if (brokenReason != null) {
        throw new StorageException(StorageException.Kind.IOERR, brokenReason);
      }
      byte[] data = new byte[pageSize];
      if (!journal.readPage(file, source, pgno, data)) {
        readFully(file, pgno, data);
      }
      pagesRead++;
      p = newPage(pgno, data);
    }
    cache.put(p);
    return p;
  }

  /** Reads page {@code pgno} of {@code file} into {@code data}, zero-filling past the end. */
  static void readFully(DbFile file, int pgno, byte[] data) {
    long pos = (long) (pgno - 1) * data.length;
    int n = file.read(pos, data, 0, data.length);
    if (n <= 0 && pgno > 1) {
      // open() checked the page count against the file: the file shrank under us
      throw StorageException.corrupt(
          "database disk image is malformed: page " + pgno + " lies beyond the end of the file");
    }
    if (n < data.length) {
      Arrays.fill(data, Math.max(n, 0), data.length, (byte) 0);
    }
  }

  /** The page's object if one is in memory (owned, cached or held by a caller), else null. */
  Page inMemory(int pgno) {
    if (pgno == 1) {
      return page1;
    }
    Page p = owned.get(pgno);
    if (p == null) {
      p = cache.get(pgno);
    }
    return p != null ? p : held(pgno);
  }

  /** The live object for {@code pgno} that only callers (not the cache) reference, or null. */
  Page held(int pgno) {
    for (Reference<? extends Page> r; (r = collected.poll()) != null; ) {
      PageRef gone = (PageRef) r;
      if (live.get(gone.pgno) == gone) {
        live.remove(gone.pgno);
      }
    }
    PageRef ref = live.get(pgno);
    if (ref == null) {
      return null;
    }
    Page p = ref.get();
    if (p == null) {
      live.remove(pgno);
    }
    return p;
  }

  /**
   * Moves a clean, unpinned page of this pager from the cache (or from callers only) into the owned
   * table, checking that it is the current object for its number.
   */
  void adopt(Page page) {
    if (page.discarded) {
      throw discardedPage(page);
    }
    if (page == page1) {
      return;
    }
    int n = page.number();
    Page c = owned.get(n);
    if (c == null) {
      c = cache.remove(n);
      if (c == null) {
        c = held(n);
      } else if (c != page) {
        cache.put(c);
      }
    }
    if (c != page) {
      throw new StorageException(
          StorageException.Kind.MISUSE, "stale page object " + n + ": not this pager's page " + n);
    }
    owned.put(n, page);
  }

  /** Checks that a pinned or dirty {@code page} is this pager's (page 1, or in the owned table). */
  void checkOwned(Page page) {
    if (page.discarded) {
      throw discardedPage(page);
    }
    if (page != page1 && owned.get(page.number()) != page) {
      throw new StorageException(StorageException.Kind.MISUSE,
          "stale page object " + page.number() + ": not this pager's page " + page.number());
    }
  }

  /** Moves an owned page that became clean and unpinned to the page cache. */
  void toCache(Page p) {
    unown(p);
    cache.put(p);
  }

  /**
   * Drops an owned page created in this transaction (the file still has the old image): the
   * object goes, and a later read makes a new one.
   */
  void forget(Page p) {
    unown(p);
    PageRef ref = live.get(p.number());
    if (ref != null && ref.get() == p) {
      live.remove(p.number());
    }
    p.discarded = true;
  }

  /** Drops every in-memory object of page {@code pgno}, marking each DISCARDED. */
  void discard(int pgno) {
    Page p = owned.remove(pgno);
    Page c = cache.remove(pgno);
    Page h = held(pgno);
    live.remove(pgno);
    for (Page q : new Page[] {p, c, h}) {
      if (q != null) {
        q.dirty = false;
        q.original = null;
        q.discarded = true;
      }
    }
  }

  /** A new zeroed page {@code pgno}, dirty with no original image, in the owned table. */
  Page addNew(int pgno) {
    Page p = newPage(pgno, new byte[pageSize]);
    p.dirty = true;
    p.original = null;
    owned.put(pgno, p);
    return p;
  }

  /** Sets the journal and snapshot that later fetches read at. */
  void source(Journal j, Journal.Snapshot s) {
    journal = j;
    source = s;
  }

  /**
   * At a new snapshot {@code s}: drops the pages that changed since snapshot {@code from} (all of
   * them when {@code from} is null or the journal cannot tell) and returns whether page 1 did.
   */
  boolean dropChanged(Journal journal, Journal.Snapshot from, Journal.Snapshot s) {
    boolean[] page1Changed = {false};
    boolean exact = from != null && journal.changedPages(from, s, pgno -> {
      if (pgno == 1) {
        page1Changed[0] = true;
      } else {
        discard(pgno);
      }
    });
    if (!exact) {
      discardAll();
      page1Changed[0] = true;
    }
    return page1Changed[0];
  }

  /**
   * Drops every page object but page 1, marking each DISCARDED: another pager changed the file
   * and any of them may be stale. Called between read transactions, when no page is dirty.
   */
  void discardAll() {
    cache.clear();
    live.forEachValue(ref -> {
      Page p = ref.get();
      if (p != null) {
        p.discarded = true;
        p.original = null;
      }
    });
    live.clear();
    owned.clear();
  }

  /** Forgets every page object (on close). */
  void clear() {
    cache.clear();
    owned.clear();
    live.clear();
  }

  /** Checks the owned table's invariants (package documentation, "Page states"). */
  void checkOwnedPages() {
    owned.forEachValue(p -> {
      check(p != page1, "page 1 is never in the owned table");
      check(!p.discarded, "owned page " + p.number() + " is not discarded");
      check(p.pins > 0 || p.dirty, "owned page " + p.number() + " is pinned or dirty");
      PageRef ref = live.get(p.number());
      check(ref != null && ref.get() == p, "owned page " + p.number() + " is its number's live object");
    });
  }

  /** Checks that the page cache holds no more than its capacity. */
  void checkCacheSize() {
    check(cache.size() <= cache.capacity(), "page cache size " + cache.size() + " <= capacity");
  }

  static void check(boolean ok, String invariant) {
    if (!ok) {
      throw new IllegalStateException("pager invariant broken: " + invariant);
    }
  }

  private void unown(Page p) {
    Page removed = owned.remove(p.number());
    check(removed == p, "page " + p.number() + " leaving the owned table was in it");
  }

  private Page newPage(int pgno, byte[] data) {
    Page p = new Page(pgno, data);
    PageRef old = live.put(pgno, new PageRef(p, collected));
    check(old == null || old.get() == null, "one live object per page number (page " + pgno + ")");
    return p;
  }

  private static StorageException discardedPage(Page page) {
    return new StorageException(StorageException.Kind.MISUSE,
        "stale page object " + page.number() + ": discarded by a rollback");
  }

  /** A weak reference to a page object, remembering the page number for cleanup. */
  private static final class PageRef extends WeakReference<Page> {
    final int pgno;

    PageRef(Page page, ReferenceQueue<Page> queue) {
      super(page, queue);
      this.pgno = page.number();
    }
  }
}
