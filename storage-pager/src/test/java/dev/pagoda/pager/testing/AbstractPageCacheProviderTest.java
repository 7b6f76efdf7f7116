package dev.pagoda.pager.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.Page;
import dev.pagoda.pager.PageCache;
import dev.pagoda.pager.PageCacheProvider;
import dev.pagoda.pager.PageCacheProviders;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PageCacheProvider} keeps (see {@link PageCache}). A provider's test
 * extends this class and overrides {@link #provider()}; nothing else. Shipped in the storage-pager
 * test jar.
 *
 * <p>"Pinning" in the pager's sense is seen by a cache as {@link PageCache#remove} (the pager takes
 * the page out before pinning or dirtying it) and a later {@link PageCache#put} (unpinned and clean
 * again): the tests check that a removed page is gone for good until put back, so the cache can
 * never hand out or evict a pinned page.
 */
public abstract class AbstractPageCacheProviderTest {
  private static final int PAGES = 600;

  private Pager pager;
  private Page[] pages;

  /** The provider under test. */
  protected abstract PageCacheProvider provider();

  /**
   * Real, clean, unpinned pages 2..PAGES+1 of a real pager, whose own cache holds none of them
   * (cache size 0), so that only the cache under test holds references the test does not.
   */
  @BeforeEach
  void makePages() {
    pager = Pager.open(new MemoryFile(), new PagerOptions(512, false).withCacheSize(0));
    pager.beginWrite();
    for (int i = 0; i < PAGES; i++) {
      pager.allocatePage();
    }
    pager.commit();
    pages = new Page[PAGES + 2];
    for (int n = 2; n < pages.length; n++) {
      pages[n] = pager.getPage(n);
    }
  }

  @AfterEach
  void closePager() {
    pager.close();
  }

  private PageCache create(int capacity) {
    PageCache c = provider().create(512, capacity);
    assertEquals(capacity, c.capacity());
    assertEquals(0, c.size());
    assertEquals(0, c.hitCount());
    assertEquals(0, c.missCount());
    assertEquals(0, c.evictionCount());
    return c;
  }

  @Test
  void name_isValid_andFoundByARegistry() {
    PageCacheProvider p = provider();
    assertTrue(p.name().matches("[a-z][a-z0-9_-]{0,31}"), p.name());
    assertSame(p, PageCacheProviders.of(p).get(p.name()));
  }

  @Test
  void get_afterPut_returnsTheSameObject_andCountsAHit() {
    PageCache c = create(10);
    c.put(pages[7]);
    assertSame(pages[7], c.get(7));
    assertEquals(1, c.hitCount());
    assertEquals(0, c.missCount());
    assertEquals(1, c.size());
  }

  @Test
  void get_absent_returnsNull_andCountsAMiss() {
    PageCache c = create(10);
    c.put(pages[7]);
    assertNull(c.get(8));
    assertNull(c.get(70_000));
    assertEquals(0, c.hitCount());
    assertEquals(2, c.missCount());
  }

  @Test
  void put_pastCapacity_keepsSizeWithinCapacity_andCountsEvictions() {
    PageCache c = create(10);
    for (int n = 2; n < pages.length; n++) {
      c.put(pages[n]);
      assertTrue(c.size() <= 10, "size " + c.size() + " after put " + n);
    }
    assertEquals(PAGES - c.size(), c.evictionCount());
    assertEquals(c.size(), countPresent(c));
  }

  @Test
  void put_belowCapacity_evictsNothing() {
    PageCache c = create(50);
    for (int n = 2; n < 52; n++) {
      c.put(pages[n]);
    }
    assertEquals(50, c.size());
    assertEquals(0, c.evictionCount());
    for (int n = 2; n < 52; n++) {
      assertSame(pages[n], c.get(n));
    }
  }

  @Test
  void remove_returnsThePage_andForgetsIt_withoutCountingAnEviction() {
    PageCache c = create(10);
    for (int n = 2; n < 7; n++) {
      c.put(pages[n]);
    }
    assertSame(pages[4], c.remove(4));
    assertNull(c.remove(4));
    assertNull(c.remove(99));
    assertEquals(4, c.size());
    assertEquals(0, c.evictionCount());
    assertNull(c.get(4));
  }

  @Test
  void removedPage_isNeverReturnedAgain_untilPutBack() {
    PageCache c = create(8);
    c.put(pages[3]);
    assertSame(pages[3], c.remove(3)); // the pager pins page 3
    for (int n = 4; n < pages.length; n++) {
      c.put(pages[n]);
      if (n % 50 == 0) {
        assertNull(c.get(3));
      }
    }
    assertNull(c.get(3));
    assertTrue(c.size() <= 8);
    c.put(pages[3]); // unpinned and clean again
    assertSame(pages[3], c.get(3));
  }

  @Test
  void evictedPage_staysGone_untilPutAgain() {
    PageCache c = create(4);
    for (int n = 2; n < 40; n++) {
      c.put(pages[n]);
    }
    List<Integer> gone = new ArrayList<>();
    for (int n = 2; n < 40; n++) {
      if (c.get(n) == null) {
        gone.add(n);
      }
    }
    assertTrue(gone.size() >= 40 - 2 - 4, "evicted " + gone);
    for (int n : gone) {
      assertNull(c.get(n));
    }
    int again = gone.get(0);
    assertNull(c.remove(again));
    c.put(pages[again]);
    assertTrue(c.size() <= 4);
  }

  @Test
  void setCapacity_shrink_evictsAtOnce_andGrowHoldsMore() {
    PageCache c = create(20);
    for (int n = 2; n < 22; n++) {
      c.put(pages[n]);
    }
    assertEquals(20, c.size());
    c.setCapacity(3);
    assertEquals(3, c.capacity());
    assertTrue(c.size() <= 3, "size " + c.size());
    assertEquals(20 - c.size(), c.evictionCount());
    assertEquals(c.size(), countPresent(c));
    c.setCapacity(100);
    for (int n = 100; n < 200; n++) {
      c.put(pages[n]);
    }
    assertTrue(c.size() <= 100);
    assertTrue(c.size() >= 97, "a grown cache holds more: " + c.size());
  }

  @Test
  void capacityZero_holdsNothing() {
    PageCache c = create(0);
    c.put(pages[2]);
    c.put(pages[3]);
    assertEquals(0, c.size());
    assertNull(c.get(2));
    assertEquals(2, c.evictionCount());
    c.setCapacity(2);
    c.put(pages[4]);
    assertSame(pages[4], c.get(4));
  }

  @Test
  void clear_removesEverything_withoutCountingEvictions() {
    PageCache c = create(10);
    for (int n = 2; n < 8; n++) {
      c.put(pages[n]);
    }
    c.clear();
    assertEquals(0, c.size());
    assertEquals(0, c.evictionCount());
    assertNull(c.get(2));
    c.put(pages[2]);
    assertSame(pages[2], c.get(2));
  }

  @Test
  void randomOperations_matchAModel_ofPagesPutAndNotRemoved() {
    Random random = new Random(20240601L);
    PageCache c = create(16);
    Map<Integer, Page> maybe = new HashMap<>();
    long puts = 0;
    long removed = 0;
    long cleared = 0;
    for (int step = 0; step < 20_000; step++) {
      int n = 2 + random.nextInt(PAGES);
      int op = random.nextInt(100);
      if (op < 45) {
        Page p = c.get(n);
        if (p != null) {
          assertSame(maybe.get(n), p, "get returns only the object put under that number");
        } else {
          maybe.remove(n); // evicted (or never put): must stay gone until put again
        }
      } else if (op < 80) {
        if (!maybe.containsKey(n)) {
          assertNull(c.get(n), "a page evicted or removed stays gone until put again");
          c.put(pages[n]);
          maybe.put(n, pages[n]);
          puts++;
        }
      } else if (op < 95) {
        Page p = c.remove(n);
        if (p != null) {
          assertSame(maybe.get(n), p);
          removed++;
        }
        maybe.remove(n);
      } else if (op < 99) {
        c.setCapacity(random.nextInt(40));
      } else {
        cleared += c.size();
        c.clear();
        maybe.clear();
      }
      assertTrue(c.size() <= c.capacity(), "size within capacity at step " + step);
    }
    int present = countPresent(c);
    assertEquals(c.size(), present, "size() counts exactly the pages get() returns");
    assertEquals(puts, removed + cleared + c.evictionCount() + c.size(),
        "every page put is removed, cleared, evicted or still there");
  }

  @Test
  void get_hit_allocatesNothing() throws ReflectiveOperationException {
    Method allocated = allocatedBytesMethod();
    Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
    PageCache c = create(64);
    for (int n = 2; n < 66; n++) {
      c.put(pages[n]);
    }
    int[] order = new int[4096];
    Random random = new Random(3);
    for (int i = 0; i < order.length; i++) {
      order[i] = 2 + random.nextInt(64);
    }
    long sink = hits(c, order, 20); // warm up: lazily sized buffers, JIT
    long before = (Long) allocated.invoke(bean);
    sink += hits(c, order, 50);
    long after = (Long) allocated.invoke(bean);
    assertTrue(sink > 0);
    long perHit = (after - before) / (50L * order.length);
    assertEquals(0, perHit, "bytes allocated per hit (total " + (after - before) + ")");
  }

  private static long hits(PageCache c, int[] order, int rounds) {
    long sum = 0;
    for (int r = 0; r < rounds; r++) {
      for (int n : order) {
        Page p = c.get(n);
        assertNotNull(p);
        sum += p.number();
      }
    }
    return sum;
  }

  private static Method allocatedBytesMethod() {
    try {
      return Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
    } catch (ReflectiveOperationException e) {
      assumeTrue(false, "no com.sun.management.ThreadMXBean on this JVM");
      throw new AssertionError(e);
    }
  }

  /** Counts the test's pages that {@code c} returns (counting hits and misses as it goes). */
  private int countPresent(PageCache c) {
    int n = 0;
    for (int pg = 2; pg < pages.length; pg++) {
      if (c.get(pg) != null) {
        n++;
      }
    }
    return n;
  }
}
