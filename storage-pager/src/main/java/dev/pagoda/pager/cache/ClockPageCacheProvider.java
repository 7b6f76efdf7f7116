package dev.pagoda.pager.cache;

import dev.pagoda.pager.PageCache;
import dev.pagoda.pager.PageCacheProvider;

/**
 * The {@value #NAME} page cache: CLOCK (second chance), the classic buffer-pool policy, in plain
 * arrays. Cheaper per access than Caffeine; no scan resistance beyond giving new pages no second
 * chance.
 */
public final class ClockPageCacheProvider implements PageCacheProvider {
  /** This provider's name. */
  public static final String NAME = "clock";

  public ClockPageCacheProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PageCache create(int pageSize, int capacity) {
    return new ClockPageCache(capacity);
  }
}
