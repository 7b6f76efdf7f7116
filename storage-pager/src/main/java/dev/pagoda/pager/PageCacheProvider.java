package dev.pagoda.pager;

/**
 * A page-cache plug-in, found with {@link java.util.ServiceLoader} and looked up by {@link
 * #name()} in a {@link PageCacheProviders} registry. An implementation is a public class with a
 * public no-argument constructor, registered both with {@code provides
 * dev.pagoda.pager.PageCacheProvider with ...} in its {@code module-info.java} and in {@code
 * META-INF/services/dev.pagoda.pager.PageCacheProvider}. Its test extends {@code
 * dev.pagoda.pager.testing.AbstractPageCacheProviderTest} from the storage-pager test jar.
 *
 * <p>See {@link PageCache} for what a cache may and may not do: it only ever holds clean, unpinned
 * pages, so it is never responsible for durability.
 */
public interface PageCacheProvider {
  /**
   * The name {@link PagerOptions#pageCache()} selects this provider by: 1 to 32 characters of
   * lower-case ASCII letters, digits, '-' and '_', starting with a letter.
   */
  String name();

  /**
   * A new, empty cache for one pager.
   *
   * @param pageSize the page size in bytes (for providers that size memory by bytes)
   * @param capacity the most pages to hold, &gt;= 0
   */
  PageCache create(int pageSize, int capacity);
}
