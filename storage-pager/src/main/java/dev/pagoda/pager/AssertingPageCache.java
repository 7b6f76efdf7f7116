package dev.pagoda.pager;

/**
 * Checks the {@link PageCache} contract around a plug-in at run time, in both directions: that the
 * pager only gives it clean, unpinned pages, and that the plug-in only returns what it was given
 * and respects its capacity. The pager wraps its cache in one when Java assertions are enabled for
 * this package ({@code -ea}, as in every test run), so every test of every module checks the
 * plug-in it runs with; production runs have no wrapper and no cost.
 */
final class AssertingPageCache implements PageCache {
  private final PageCache delegate;

  AssertingPageCache(PageCache delegate) {
    this.delegate = delegate;
  }

  @Override
  public Page get(int pgno) {
    long hits = delegate.hitCount();
    long misses = delegate.missCount();
    Page p = delegate.get(pgno);
    if (p != null) {
      check(p.number() == pgno, "get(" + pgno + ") returned page " + p.number());
      checkClean(p, "get(" + pgno + ") returned");
      check(delegate.hitCount() == hits + 1 && delegate.missCount() == misses, "a hit counts one hit");
    } else {
      check(delegate.missCount() == misses + 1 && delegate.hitCount() == hits, "a miss counts one miss");
    }
    return p;
  }

  @Override
  public void put(Page page) {
    checkClean(page, "the pager put");
    delegate.put(page);
    checkSize("put");
  }

  @Override
  public Page remove(int pgno) {
    Page p = delegate.remove(pgno);
    check(p == null || p.number() == pgno, "remove(" + pgno + ") returned page " + (p == null ? 0 : p.number()));
    return p;
  }

  @Override
  public void clear() {
    delegate.clear();
    check(delegate.size() == 0, "clear() empties the cache");
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public int capacity() {
    return delegate.capacity();
  }

  @Override
  public void setCapacity(int pages) {
    check(pages >= 0, "capacity " + pages + " >= 0");
    delegate.setCapacity(pages);
    check(delegate.capacity() == pages, "setCapacity(" + pages + ") sets capacity()");
    checkSize("setCapacity");
  }

  @Override
  public long hitCount() {
    return delegate.hitCount();
  }

  @Override
  public long missCount() {
    return delegate.missCount();
  }

  @Override
  public long evictionCount() {
    return delegate.evictionCount();
  }

  private void checkSize(String op) {
    check(delegate.size() <= delegate.capacity(),
        "after " + op + ", size " + delegate.size() + " <= capacity " + delegate.capacity());
  }

  private void checkClean(Page p, String what) {
    check(!p.dirty && p.pins == 0 && !p.discarded, what + " " + p + ": the cache holds only clean, unpinned pages");
  }

  private void check(boolean ok, String rule) {
    if (!ok) {
      throw new IllegalStateException("page cache contract broken ("
          + delegate.getClass().getName() + "): " + rule);
    }
  }
}
