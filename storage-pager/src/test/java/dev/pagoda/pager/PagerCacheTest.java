package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.ref.WeakReference;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pager with a bounded page cache: states and pin rules of the package documentation, run
 * against every installed provider.
 */
class PagerCacheTest {
  static Stream<String> providers() {
    return PageCacheProviders.installed().names().stream();
  }

  /** A database of {@code pages} pages of 512 bytes, committed, on a file that outlives pagers. */
  private static ReopenableFile database(int pages) {
    ReopenableFile f = new ReopenableFile();
    try (Pager p = Pager.open(f, new PagerOptions(512, false))) {
      p.beginWrite();
      for (int i = 1; i < pages; i++) {
        int pg = p.allocatePage();
        fill(p.getPage(pg), 0);
      }
      p.commit();
    }
    return f;
  }

  private static Pager open(DbFile f, String provider, int cacheSize) {
    return Pager.open(f, new PagerOptions(512, false).withPageCache(provider).withCacheSize(cacheSize));
  }

  /** The test pattern: every byte depends on the page number, the generation and the offset. */
  private static void fill(Page page, int generation) {
    byte[] d = page.data();
    int seed = page.number() * 31 + generation * 7919;
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) (seed + i * 13);
    }
  }

  private static void assertPattern(Page page, int generation) {
    byte[] d = page.data();
    int seed = page.number() * 31 + generation * 7919;
    for (int i = 0; i < d.length; i++) {
      if (d[i] != (byte) (seed + i * 13)) {
        throw new AssertionError("page " + page.number() + " byte " + i + " is not generation " + generation);
      }
    }
  }

  /** Reads {@code count} pages other than those listed, to push everything else out of the cache. */
  private static void flood(Pager p, int count) {
    for (int pg = p.pageCount() - count + 1; pg <= p.pageCount(); pg++) {
      p.getPage(pg);
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void tinyCache_thousandsOfPages_readAndWriteCorrectly(String provider) {
    int pages = 3000;
    ReopenableFile f = database(pages);
    int[] generation = new int[pages + 1];
    Random random = new Random(provider.hashCode());
    try (Pager p = open(f, provider, 10)) {
      assertEquals(10, p.cacheCapacity());
      boolean collected = true;
      for (int round = 0; round < 3; round++) {
        for (int pg = 2; pg <= pages; pg++) {
          assertPattern(p.getPage(pg), generation[pg]);
        }
        collected &= awaitGc(); // so that later rounds read forgotten pages from the file again
      }
      assertTrue(p.cacheStats().evictions() > 2 * pages, "the cache forgot pages: " + p.cacheStats());
      if (collected) {
        assertTrue(p.cacheStats().pagesRead() > 2 * pages, "and read them again: " + p.cacheStats());
      }
      for (int txn = 0; txn < 8; txn++) {
        boolean keep = txn != 5;
        int[] next = generation.clone();
        p.beginWrite();
        for (int i = 0; i < 400; i++) {
          int pg = 2 + random.nextInt(pages - 1);
          Page page = p.getPage(pg);
          p.makeWritable(page);
          next[pg] = txn + 1;
          fill(page, next[pg]);
          if (i % 7 == 0) {
            int other = 2 + random.nextInt(pages - 1);
            assertPattern(p.getPage(other), next[other]);
          }
        }
        p.checkInvariants();
        assertTrue(p.cacheStats().cached() <= 10);
        if (keep) {
          p.commit();
          generation = next;
        } else {
          p.rollback();
        }
        p.checkInvariants();
        assertEquals(0, p.cacheStats().owned());
        for (int i = 0; i < 500; i++) {
          int pg = 2 + random.nextInt(pages - 1);
          assertPattern(p.getPage(pg), generation[pg]);
        }
      }
    }
    try (Pager p = open(f, provider, 10)) {
      for (int pg = 2; pg <= pages; pg++) {
        assertPattern(p.getPage(pg), generation[pg]);
      }
      p.checkInvariants();
    }
  }

  /**
   * Runs the garbage collector until a weakly referenced canary is cleared (bounded), so that pages
   * nobody references lose their weak references. Returns whether it was cleared.
   */
  private static boolean awaitGc() {
    WeakReference<Object> canary = new WeakReference<>(new Object());
    for (int i = 0; i < 20 && canary.get() != null; i++) {
      System.gc();
    }
    return canary.get() == null;
  }

  @ParameterizedTest
  @MethodSource("providers")
  void unreferencedPage_forgottenByTheCache_isReadAgainAfterGc(String provider) {
    try (Pager p = open(database(200), provider, 4)) {
      byte[] before = p.getPage(5).data().clone();
      flood(p, 100);
      assumeTrue(awaitGc(), "the collector did not run");
      long reads = p.cacheStats().pagesRead();
      Page again = p.getPage(5);
      assertEquals(reads + 1, p.cacheStats().pagesRead(), "a page nobody held is read from the file");
      assertArrayEquals(before, again.data());
      p.checkInvariants();
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void heldPage_forgottenByTheCache_isTheSameObjectOnTheNextGet(String provider) {
    try (Pager p = open(database(200), provider, 4)) {
      Page held = p.getPage(5);
      flood(p, 100);
      long reads = p.cacheStats().pagesRead();
      assertSame(held, p.getPage(5));
      assertEquals(reads, p.cacheStats().pagesRead(), "a held page is not read again");
      p.checkInvariants();
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void heldPage_madeWritableAfterEviction_commitsTheCallersBytes(String provider) {
    ReopenableFile f = database(200);
    try (Pager p = open(f, provider, 4)) {
      Page held = p.getPage(7); // a cursor's page, kept across a statement that reads much else
      flood(p, 150);
      p.beginWrite();
      flood(p, 150);
      p.makeWritable(held);
      fill(held, 42);
      flood(p, 150);
      assertSame(held, p.getPage(7));
      p.commit();
      p.checkInvariants();
    }
    try (Pager p = open(f, provider, 4)) {
      assertPattern(p.getPage(7), 42);
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void pinnedPage_staysOwned_untilItsLastRelease(String provider) {
    try (Pager p = open(database(200), provider, 4)) {
      Page pinned = p.acquire(9);
      p.pin(pinned);
      assertEquals(2, pinned.pinCount());
      assertEquals(1, p.cacheStats().owned());
      flood(p, 100);
      assertSame(pinned, p.getPage(9));
      p.release(pinned);
      assertEquals(1, p.cacheStats().owned());
      p.checkInvariants();
      p.release(pinned);
      assertEquals(0, p.cacheStats().owned());
      assertEquals(0, pinned.pinCount());
      p.checkInvariants();
      StorageException e = assertThrows(StorageException.class, () -> p.release(pinned));
      assertEquals(StorageException.Kind.MISUSE, e.kind());
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void pins_surviveCommitAndRollback(String provider) {
    try (Pager p = open(database(50), provider, 2)) {
      Page a = p.acquire(3);
      Page b = p.acquire(4);
      p.beginWrite();
      p.makeWritable(a);
      fill(a, 1);
      p.makeWritable(b);
      fill(b, 1);
      p.commit();
      assertFalse(a.isDirty());
      assertEquals(2, p.cacheStats().owned());
      p.beginWrite();
      p.makeWritable(a);
      fill(a, 2);
      p.rollback();
      assertPattern(a, 1);
      assertEquals(2, p.cacheStats().owned());
      p.checkInvariants();
      p.release(a);
      p.release(b);
      assertEquals(0, p.cacheStats().owned());
      p.checkInvariants();
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void dirtyPages_stayOutOfTheCache_untilCommit(String provider) {
    try (Pager p = open(database(200), provider, 3)) {
      p.beginWrite();
      for (int pg = 2; pg < 60; pg++) {
        Page page = p.getPage(pg);
        p.makeWritable(page);
        fill(page, 5);
      }
      flood(p, 100);
      CacheStats s = p.cacheStats();
      assertEquals(58, s.owned());
      assertTrue(s.cached() <= 3);
      for (int pg = 2; pg < 60; pg++) {
        Page page = p.getPage(pg);
        assertTrue(page.isDirty());
        assertPattern(page, 5);
      }
      p.checkInvariants();
      p.commit();
      assertEquals(0, p.cacheStats().owned());
      assertTrue(p.cacheStats().cached() <= 3);
      p.checkInvariants();
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void rolledBackNewPage_isDiscarded_andItsObjectRefused(String provider) {
    try (Pager p = open(database(20), provider, 2)) {
      p.beginWrite();
      int pg = p.allocatePage();
      Page created = p.acquire(pg);
      p.rollback();
      p.beginWrite();
      StorageException e = assertThrows(StorageException.class, () -> p.makeWritable(created));
      assertEquals(StorageException.Kind.MISUSE, e.kind());
      assertEquals(StorageException.Kind.MISUSE, assertThrows(StorageException.class, () -> p.pin(created)).kind());
      p.release(created); // balances the pin; the page is gone anyway
      assertEquals(pg, p.allocatePage());
      assertNotSame(created, p.getPage(pg));
      p.commit();
      p.checkInvariants();
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void pageOfAnotherPager_isRefused(String provider) {
    ReopenableFile f = database(20);
    try (Pager a = open(f, provider, 2);
        Pager b = open(database(20), provider, 2)) {
      Page foreign = b.getPage(5);
      a.beginWrite();
      assertEquals(StorageException.Kind.MISUSE,
          assertThrows(StorageException.class, () -> a.makeWritable(foreign)).kind());
      a.getPage(5);
      assertEquals(StorageException.Kind.MISUSE,
          assertThrows(StorageException.class, () -> a.makeWritable(foreign)).kind());
      b.pin(foreign); // pinned (owned) in b: still not a's
      assertEquals(StorageException.Kind.MISUSE,
          assertThrows(StorageException.class, () -> a.makeWritable(foreign)).kind());
      assertEquals(StorageException.Kind.MISUSE, assertThrows(StorageException.class, () -> a.pin(foreign)).kind());
      assertEquals(StorageException.Kind.MISUSE, assertThrows(StorageException.class, () -> a.release(foreign)).kind());
      b.beginWrite();
      b.makeWritable(foreign); // dirty in b
      assertEquals(StorageException.Kind.MISUSE,
          assertThrows(StorageException.class, () -> a.makeWritable(foreign)).kind());
      b.rollback();
      b.release(foreign);
      b.checkInvariants();
      a.rollback();
      a.checkInvariants();
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void freelistPageHeldByACaller_isReusedAsTheSameObject(String provider) {
    try (Pager p = open(database(100), provider, 2)) {
      Page held = p.getPage(50);
      p.beginWrite();
      p.freePage(50);
      p.commit();
      flood(p, 60);
      p.beginWrite();
      assertEquals(50, p.allocatePage());
      assertSame(held, p.getPage(50));
      assertTrue(held.isDirty());
      assertEquals(0, held.data()[100]);
      p.commit();
      p.checkInvariants();
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void cacheHit_readsNothing_andCounts(String provider) {
    try (Pager p = open(database(20), provider, 10)) {
      Page five = p.getPage(5);
      CacheStats before = p.cacheStats();
      assertSame(five, p.getPage(5));
      CacheStats after = p.cacheStats();
      assertEquals(before.pagesRead(), after.pagesRead());
      assertEquals(before.hits() + 1, after.hits());
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void setCacheSize_followsPragmaCacheSize(String provider) {
    try (Pager p = Pager.open(new MemoryFile(), PagerOptions.defaults().withPageCache(provider))) {
      assertEquals(-2000, p.cacheSize());
      assertEquals(500, p.cacheCapacity()); // 2000 KiB of 4096-byte pages
      p.setCacheSize(100);
      assertEquals(100, p.cacheSize());
      assertEquals(100, p.cacheCapacity());
      p.setCacheSize(-1);
      assertEquals(0, p.cacheCapacity());
      p.setCacheSize(Integer.MIN_VALUE);
      assertEquals(Integer.MIN_VALUE, p.cacheSize());
      assertEquals((int) (-(long) Integer.MIN_VALUE * 1024 / 4096), p.cacheCapacity());
    }
    try (Pager p = open(database(100), provider, 50)) {
      flood(p, 90);
      assertTrue(p.cacheStats().cached() > 10);
      p.setCacheSize(10);
      assertTrue(p.cacheStats().cached() <= 10, p.cacheStats().toString());
      p.setCacheSize(-1);
      assertEquals(2, p.cacheCapacity()); // 1 KiB of 512-byte pages
      p.checkInvariants();
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void zeroCapacity_stillReadsAndWritesCorrectly(String provider) {
    ReopenableFile f = database(100);
    try (Pager p = open(f, provider, 0)) {
      p.beginWrite();
      for (int pg = 2; pg <= 100; pg += 3) {
        Page page = p.getPage(pg);
        p.makeWritable(page);
        fill(page, 9);
      }
      p.commit();
      assertEquals(0, p.cacheStats().cached());
      for (int pg = 2; pg <= 100; pg++) {
        assertPattern(p.getPage(pg), (pg - 2) % 3 == 0 ? 9 : 0);
      }
      p.checkInvariants();
    }
  }
}
