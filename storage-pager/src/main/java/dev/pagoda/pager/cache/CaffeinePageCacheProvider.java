package dev.pagoda.pager.cache;

import dev.pagoda.pager.PageCache;
import dev.pagoda.pager.PageCacheProvider;

/**
 * The default page cache, {@value #NAME}: Caffeine's W-TinyLFU eviction policy, which keeps
 * frequently used pages (b-tree interior pages, say) through a scan of a large table.
 */
public final class CaffeinePageCacheProvider implements PageCacheProvider {
  /** This provider's name. */
  public static final String NAME = "caffeine";

  public CaffeinePageCacheProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PageCache create(int pageSize, int capacity) {
    return new CaffeinePageCache(capacity);
  }
}
