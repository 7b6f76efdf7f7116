package dev.pagoda.pager;

/**
 * One pager's store of clean, unpinned pages: the part of the page cache a {@link
 * PageCacheProvider} plug-in supplies. It decides which pages stay in memory; the {@link Pager}
 * keeps everything that must not go (pinned pages, dirty pages, page 1) in its own table and never
 * hands those to the plug-in.
 *
 * <h2>Contract</h2>
 *
 * <ol>
 *   <li>The pager puts only pages that are clean, unpinned and not in the cache; while a page is in
 *       the cache the pager does not dirty or pin it without first {@link #remove removing} it.
 *   <li>{@link #get} returns a page that was {@link #put} and has since been neither removed nor
 *       evicted, or null. It never returns a page under another number or a page the pager removed.
 *   <li>The cache may evict (forget) any page it holds, at any time during {@link #put} or {@link
 *       #setCapacity}, including the page just put. Eviction only forgets: the page object is not
 *       touched (the pager keeps the identity of pages a caller still holds).
 *   <li>After {@code put} or {@code setCapacity} returns, {@link #size()} &lt;= {@link #capacity()}.
 *   <li>{@code get} on a page in the cache (a hit) allocates nothing: it is on every page access.
 *   <li>A plug-in never reads or writes page bytes and never calls back into the pager. Calls come
 *       from one thread at a time (the pager is not thread-safe).
 * </ol>
 *
 * <p>Counters are monotonic from creation: a hit or a miss is one {@link #get}; an eviction is one
 * page forgotten by the cache's own choice ({@link #remove} and {@link #clear} are not evictions).
 */
public interface PageCache {
  /** The cached page numbered {@code pgno}, or null; counts one hit or one miss. */
  Page get(int pgno);

  /** Adds {@code page} (clean, unpinned, not present); may evict pages to respect the capacity. */
  void put(Page page);

  /** Removes and returns page {@code pgno}, or returns null when it is not cached. */
  Page remove(int pgno);

  /** Removes every page. */
  void clear();

  /** The number of pages held. */
  int size();

  /** The most pages this cache holds (0 means it holds none). */
  int capacity();

  /** Changes the capacity, evicting pages at once when the cache holds more than {@code pages}. */
  void setCapacity(int pages);

  /** The number of {@link #get} calls that found their page. */
  long hitCount();

  /** The number of {@link #get} calls that did not. */
  long missCount();

  /** The number of pages this cache evicted. */
  long evictionCount();
}
