package dev.pagoda.pager;

/**
 * Options for {@link Pager#open}.
 *
 * @param pageSize page size used only when creating a new database (an empty file): a power of two
 *     in 512..65536
 * @param readOnly whether the pager refuses write transactions
 * @param pageCache the name of the {@link PageCacheProvider} holding clean pages
 * @param cacheSize the page cache's size as {@code PRAGMA cache_size} gives it: N &gt;= 0 is N
 *     pages, a negative N is |N| KiB of page bytes (see {@link Pager#setCacheSize})
 */
public record PagerOptions(int pageSize, boolean readOnly, String pageCache, int cacheSize) {
  /** The default page size, as in SQLite. */
  public static final int DEFAULT_PAGE_SIZE = 4096;

  /** The default cache size, as in SQLite: 2000 KiB. */
  public static final int DEFAULT_CACHE_SIZE = -2000;

  public PagerOptions {
    if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
      throw new IllegalArgumentException("page size must be a power of two in 512..65536: " + pageSize);
    }
    PageCacheProviders.checkName(pageCache, "PagerOptions");
  }

  /**
   * The given page size and mode, the default cache size, and the default page cache ({@link
   * PageCacheProviders#defaultName()}: the {@code pagoda.pageCache} system property, else
   * Caffeine's).
   */
  public PagerOptions(int pageSize, boolean readOnly) {
    this(pageSize, readOnly, PageCacheProviders.defaultName(), DEFAULT_CACHE_SIZE);
  }

  /** Page size 4096, read-write, default page cache and cache size. */
  public static PagerOptions defaults() {
    return new PagerOptions(DEFAULT_PAGE_SIZE, false);
  }

  /** These options with the page cache provider named {@code name}. */
  public PagerOptions withPageCache(String name) {
    return new PagerOptions(pageSize, readOnly, name, cacheSize);
  }

  /** These options with {@code PRAGMA cache_size} semantics {@code size}. */
  public PagerOptions withCacheSize(int size) {
    return new PagerOptions(pageSize, readOnly, pageCache, size);
  }
}
