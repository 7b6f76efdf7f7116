package dev.pagoda.pager;

/**
 * A snapshot of a pager's page cache activity ({@link Pager#cacheStats()}).
 *
 * @param hits page cache lookups that found their page
 * @param misses page cache lookups that did not
 * @param evictions pages the page cache chose to forget
 * @param pagesRead pages read from the file (a cache miss whose page no caller held)
 * @param cached pages in the page cache now
 * @param capacity the page cache's capacity in pages
 * @param owned pinned or dirty pages the pager holds outside the cache (page 1 not counted)
 */
public record CacheStats(
    long hits, long misses, long evictions, long pagesRead, int cached, int capacity, int owned) {}
