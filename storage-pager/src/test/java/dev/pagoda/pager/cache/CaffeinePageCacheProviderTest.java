package dev.pagoda.pager.cache;

import dev.pagoda.pager.PageCacheProvider;
import dev.pagoda.pager.testing.AbstractPageCacheProviderTest;

class CaffeinePageCacheProviderTest extends AbstractPageCacheProviderTest {
  @Override
  protected PageCacheProvider provider() {
    return new CaffeinePageCacheProvider();
  }
}
