/**
 * Files, page cache and pager for the SQLite 3 database file. Knows nothing of SQL.
 *
 * <p>Page caches are plug-ins ({@link dev.pagoda.pager.PageCacheProvider}); the two shipped here
 * are listed below and, in the same order, in {@code META-INF/services} (a test checks both agree).
 */
module dev.pagoda.pager {
  requires com.github.benmanes.caffeine;

  exports dev.pagoda.pager;

  uses dev.pagoda.pager.PageCacheProvider;

  provides dev.pagoda.pager.PageCacheProvider with
      dev.pagoda.pager.cache.CaffeinePageCacheProvider,
      dev.pagoda.pager.cache.ClockPageCacheProvider;
}
