package dev.pagoda.pager.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.pagoda.pager.Page;
import dev.pagoda.pager.PageCache;

/**
 * A {@link PageCache} whose eviction policy is a Caffeine cache.
 *
 * <p>How it is shaped, and why:
 *
 * <ol>
 *   <li>Lookups go through {@link IntObjectMap} {@code index}, page number to page: a Caffeine cache
 *       keyed by {@code Integer} would box every page number above 127 on every hit.
 *   <li>The Caffeine cache {@code policy} is keyed by the {@link Page} object itself (identity
 *       equality and hash: {@code Page} does not override them), so a hit records its access with
 *       {@code policy.getIfPresent(page)} without allocating. Values are a shared constant.
 *   <li>{@code executor(Runnable::run)}: Caffeine's maintenance (applying the write buffer, evicting)
 *       runs on the calling thread before {@code put} returns, so {@code size() <= capacity()} holds
 *       after every call, as the contract requires, and no Caffeine thread ever touches pages.
 *   <li>The eviction listener, called synchronously during eviction, removes the page from {@code
 *       index}; an explicit {@code invalidate} is not an eviction and does not call it.
 *   <li>Caffeine may reject the page just put (TinyLFU admission: a one-off page loses to a
 *       frequently used victim). That is what protects hot pages from a scan; the pager keeps the
 *       identity of a page that a caller still holds (package documentation of {@code
 *       dev.pagoda.pager}), so a rejected page is only a later miss.
 * </ol>
 *
 * <p>Not thread-safe beyond what the pager needs: one thread at a time.
 */
final class CaffeinePageCache implements PageCache {
  private final IntObjectMap<Page> index = new IntObjectMap<>(64);
  private final Cache<Page, Boolean> policy;
  private int capacity;
  private long hits;
  private long misses;
  private long evictions;

  CaffeinePageCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity " + capacity + " < 0");
    }
    this.capacity = capacity;
    this.policy =
        Caffeine.newBuilder()
            .maximumSize(capacity)
            .executor(Runnable::run)
            .evictionListener(this::evicted)
            .build();
  }

  @Override
  public Page get(int pgno) {
    Page p = index.get(pgno);
    if (p == null) {
      misses++;
      return null;
    }
    var unused = policy.getIfPresent(p); // records the access for the policy
    hits++;
    return p;
  }

  @Override
  public void put(Page page) {
    Page old = index.put(page.number(), page);
    if (old != null) {
      index.put(page.number(), old);
      throw new IllegalStateException("page " + page.number() + " is already cached");
    }
    policy.put(page, Boolean.TRUE);
  }

  @Override
  public Page remove(int pgno) {
    Page p = index.remove(pgno);
    if (p != null) {
      policy.invalidate(p);
    }
    return p;
  }

  @Override
  public void clear() {
    index.clear();
    policy.invalidateAll();
  }

  @Override
  public int size() {
    return index.size();
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public void setCapacity(int pages) {
    if (pages < 0) {
      throw new IllegalArgumentException("capacity " + pages + " < 0");
    }
    capacity = pages;
    policy.policy().eviction().orElseThrow().setMaximum(pages);
    policy.cleanUp();
  }

  @Override
  public long hitCount() {
    return hits;
  }

  @Override
  public long missCount() {
    return misses;
  }

  @Override
  public long evictionCount() {
    return evictions;
  }

  private void evicted(Page page, Boolean unused, RemovalCause cause) {
    if (cause.wasEvicted() && index.get(page.number()) == page) {
      index.remove(page.number());
      evictions++;
    }
  }
}
