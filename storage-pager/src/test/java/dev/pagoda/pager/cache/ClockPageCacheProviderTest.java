package dev.pagoda.pager.cache;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.PageCache;
import dev.pagoda.pager.PageCacheProvider;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import dev.pagoda.pager.testing.AbstractPageCacheProviderTest;
import org.junit.jupiter.api.Test;

class ClockPageCacheProviderTest extends AbstractPageCacheProviderTest {
  @Override
  protected PageCacheProvider provider() {
    return new ClockPageCacheProvider();
  }

  @Test
  void evict_givesReferencedPagesASecondChance() {
    try (Pager pager = Pager.open(new MemoryFile(), new PagerOptions(512, false).withCacheSize(0))) {
      pager.beginWrite();
      for (int i = 0; i < 10; i++) {
        pager.allocatePage();
      }
      pager.commit();
      PageCache c = new ClockPageCacheProvider().create(512, 3);
      c.put(pager.getPage(2));
      c.put(pager.getPage(3));
      c.put(pager.getPage(4));
      assertNotNull(c.get(2)); // 2 is referenced: the hand passes it and takes 3
      c.put(pager.getPage(5));
      assertNotNull(c.get(2));
      assertNull(c.get(3));
      assertNotNull(c.get(4));
      assertNotNull(c.get(5));
    }
  }
}
