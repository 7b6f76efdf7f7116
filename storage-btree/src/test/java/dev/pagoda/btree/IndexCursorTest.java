package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import dev.pagoda.pager.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IndexCursorTest {
  /** Unsigned lexicographic order of the whole entry. */
  static final KeyComparator BYTES =
      (key, e, off, len) -> Arrays.compareUnsigned(key, 0, key.length, e, off, off + len);

  /** Orders entries by a big-endian signed long in their first 8 bytes; the rest is a value. */
  static final KeyComparator LONG_KEY = (key, e, off, len) -> Long.compare(getLong(key, 0), getLong(e, off));

  static long getLong(byte[] b, int off) {
    return ((long) BigEndian.i32(b, off) << 32) | (BigEndian.i32(b, off + 4) & 0xffffffffL);
  }

  static void putLong(byte[] b, int off, long v) {
    BigEndian.putI32(b, off, (int) (v >>> 32));
    BigEndian.putI32(b, off + 4, (int) v);
  }

  private static Pager newPager(int pageSize) {
    Pager pager = Pager.open(new MemoryFile(), new PagerOptions(pageSize, false));
    pager.beginWrite();
    return pager;
  }

  /** An entry: 8-byte big-endian key, then {@code len} value bytes derived from key and tag. */
  static byte[] keyed(long key, int len, int tag) {
    byte[] b = new byte[8 + len];
    putLong(b, 0, key);
    for (int i = 0; i < len; i++) {
      b[8 + i] = (byte) (key * 31 + i + tag);
    }
    return b;
  }

  static byte[] key(long k) {
    byte[] b = new byte[8];
    putLong(b, 0, k);
    return b;
  }

  private static List<byte[]> scanForward(IndexCursor c) {
    List<byte[]> out = new ArrayList<>();
    for (boolean ok = c.first(); ok; ok = c.next()) {
      out.add(c.entry());
    }
    return out;
  }

  private static List<byte[]> scanBackward(IndexCursor c) {
    List<byte[]> out = new ArrayList<>();
    for (boolean ok = c.last(); ok; ok = c.previous()) {
      out.add(c.entry());
    }
    Collections.reverse(out);
    return out;
  }

  static void assertEntries(List<byte[]> expected, List<byte[]> actual) {
    assertEquals(expected.size(), actual.size(), "entry count");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "entry " + i);
    }
  }

  @Test
  void createIndex_returnsEmptyIndexLeafRoot() {
    try (Pager pager = newPager(4096)) {
      int root = BTree.createIndex(pager);
      assertEquals(BTreePage.INDEX_LEAF, pager.getPage(root).data()[0]);
      try (IndexCursor c = BTree.openIndex(pager, root, BYTES)) {
        assertFalse(c.first());
        assertFalse(c.last());
        assertFalse(c.seekAtOrAfter(new byte[] {1}));
        assertFalse(c.seekAtOrBefore(new byte[] {1}));
        assertFalse(c.isValid());
        assertEquals(0, c.count());
        assertThrows(StorageException.class, c::entry);
      }
    }
  }

  @Test
  void insert_randomKeys_scanReturnsSortedOrder() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createIndex(pager);
      List<Long> keys = new ArrayList<>();
      for (long i = 0; i < 4000; i++) {
        keys.add(i * 3 - 6000);
      }
      Collections.shuffle(keys, new Random(1));
      List<byte[]> expected = new ArrayList<>();
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        for (long k : keys) {
          c.insert(keyed(k, (int) Math.floorMod(k, 40), 0));
        }
        for (long i = 0; i < 4000; i++) {
          long k = i * 3 - 6000;
          expected.add(keyed(k, (int) Math.floorMod(k, 40), 0));
        }
        assertEntries(expected, scanForward(c));
        assertEntries(expected, scanBackward(c));
        assertEquals(4000, c.count());
      }
      IndexTreeCheck check = IndexTreeCheck.of(pager, root, LONG_KEY);
      assertEntries(expected, check.entries());
      assertTrue(check.depth >= 3, "depth " + check.depth);
      assertTrue(IndexTreeCheck.hasInteriorEntries(pager, root));
    }
  }

  @Test
  void insert_ascendingKeys_leafPagesStayNearlyFull() {
    try (Pager pager = newPager(1024)) {
      int root = BTree.createIndex(pager);
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        for (long k = 0; k < 5000; k++) {
          c.insert(keyed(k, 20, 0));
        }
        assertEquals(5000, c.count());
      }
      TreeStats s = TreeStats.of(pager, root);
      assertTrue(s.leafFill(pager.usableSize()) > 0.85, "fill " + s.leafFill(pager.usableSize()));
      assertEquals(5000, IndexTreeCheck.of(pager, root, LONG_KEY).entries().size());
    }
  }

  @Test
  void insert_entryEqualByComparator_replacesItAndFreesOldOverflow() {
    try (Pager pager = newPager(1024)) {
      int root = BTree.createIndex(pager);
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        for (long k = 0; k < 300; k++) {
          c.insert(keyed(k, 30, 0));
        }
        int pages = pager.pageCount();
        c.insert(keyed(150, 5000, 1)); // replaces, with overflow pages
        assertEquals(300, c.count());
        assertTrue(c.seek(key(150)));
        assertArrayEquals(keyed(150, 5000, 1), c.entry());
        assertEquals(5008, c.entrySize());
        int withOverflow = pager.pageCount();
        assertTrue(withOverflow > pages);
        c.insert(keyed(150, 3, 2)); // replaces again: the overflow chain goes to the freelist
        assertTrue(c.seek(key(150)));
        assertArrayEquals(keyed(150, 3, 2), c.entry());
        assertTrue(pager.freelistCount() >= withOverflow - pages - 1, "freelist " + pager.freelistCount());
        assertEquals(300, c.count());
      }
    }
  }

  @Test
  void entriesAroundTheOverflowThreshold_roundTrip() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createIndex(pager);
      int u = pager.usableSize();
      int x = IndexCellCodec.maxLocal(u);
      int[] sizes = {0, 1, 2, 3, x - 9, x - 8, x - 7, x - 1, x, x + 1, u - 4, u, 2 * u + 5, 20 * u};
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        for (int round = 0; round < 30; round++) {
          for (int i = 0; i < sizes.length; i++) {
            c.insert(keyed(round * 100L + i, sizes[i], round));
          }
        }
        for (int round = 0; round < 30; round++) {
          for (int i = 0; i < sizes.length; i++) {
            assertTrue(c.seek(key(round * 100L + i)));
            assertEquals(8 + sizes[i], c.entrySize());
            assertArrayEquals(keyed(round * 100L + i, sizes[i], round), c.entry());
          }
        }
      }
      assertEquals(30 * sizes.length, IndexTreeCheck.of(pager, root, LONG_KEY).entries().size());
    }
  }

  @Test
  void delete_allEntriesInRandomOrder_collapsesToEmptyRootAndFreesEveryOtherPage() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createIndex(pager);
      Random rnd = new Random(3);
      List<Long> keys = new ArrayList<>();
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        for (long k = 0; k < 2500; k++) {
          c.insert(keyed(k, rnd.nextInt(10) == 0 ? 900 : rnd.nextInt(60), 0));
          keys.add(k);
        }
        Collections.shuffle(keys, rnd);
        int n = keys.size();
        for (long k : keys) {
          assertTrue(c.delete(key(k)), "delete " + k);
          assertFalse(c.delete(key(k)));
          n--;
          if (n % 500 == 0) {
            assertEquals(n, IndexTreeCheck.of(pager, root, LONG_KEY).entries().size());
          }
        }
        assertFalse(c.first());
      }
      assertEquals(pager.pageCount() - 2, pager.freelistCount());
      assertEquals(BTreePage.INDEX_LEAF, pager.getPage(root).data()[0]);
    }
  }

  @Test
  void delete_entriesInInteriorCells_replacedByPredecessor_orderKept() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createIndex(pager);
      TreeMap<Long, byte[]> model = new TreeMap<>();
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        for (long k = 0; k < 3000; k++) {
          byte[] e = keyed(k, (int) (k % 50), 0);
          c.insert(e);
          model.put(k, e);
        }
        for (int round = 0; round < 200; round++) {
          BTreePage r = new BTreePage(pager.getPage(root), pager.usableSize());
          assertFalse(r.isLeaf());
          // delete whatever entry sits in the root's middle interior cell
          int mid = r.cellCount() / 2;
          byte[] cell = r.copyCell(mid);
          long k = getLong(cell, 4 + Varint.length(cell, 4));
          assertTrue(c.delete(key(k)));
          model.remove(k);
        }
        assertEntries(new ArrayList<>(model.values()), scanForward(c));
      }
      assertEntries(new ArrayList<>(model.values()), IndexTreeCheck.of(pager, root, LONG_KEY).entries());
    }
  }

  @Test
  void seekVariants_withKeysBetweenAndOnEntries_landAsTreeMapSays() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createIndex(pager);
      TreeMap<Long, byte[]> model = new TreeMap<>();
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        for (long k = 10; k <= 20000; k += 10) {
          byte[] e = keyed(k, 16, 0);
          c.insert(e);
          model.put(k, e);
        }
        for (long probe = -5; probe <= 20015; probe += 5) {
          Long ceil = model.ceilingKey(probe);
          assertEquals(ceil != null, c.seekAtOrAfter(key(probe)), "ceil " + probe);
          if (ceil != null) {
            assertArrayEquals(model.get(ceil), c.entry());
          }
          Long floor = model.floorKey(probe);
          assertEquals(floor != null, c.seekAtOrBefore(key(probe)), "floor " + probe);
          if (floor != null) {
            assertArrayEquals(model.get(floor), c.entry());
          }
          assertEquals(model.containsKey(probe), c.seek(key(probe)), "seek " + probe);
          assertEquals(model.containsKey(probe), c.isValid());
        }
        assertTrue(c.seek(key(5000)));
        assertTrue(c.previous());
        assertArrayEquals(model.get(4990L), c.entry());
        assertTrue(c.next());
        assertTrue(c.next());
        assertArrayEquals(model.get(5010L), c.entry());
        assertTrue(c.last());
        assertFalse(c.next());
        assertFalse(c.isValid());
        assertTrue(c.first());
        assertFalse(c.previous());
      }
    }
  }

  @Test
  void seekWithPrefixKey_atOrAfterLandsOnFirstEqual_atOrBeforeOnLast() {
    // entries: (group, member) as two big-endian longs; the comparator compares the fields the key has
    KeyComparator prefix =
        (key, e, off, len) -> {
          for (int f = 0; f < key.length / 8; f++) {
            int c = Long.compare(getLong(key, 8 * f), getLong(e, off + 8 * f));
            if (c != 0) {
              return c;
            }
          }
          return 0;
        };
    try (Pager pager = newPager(512)) {
      int root = BTree.createIndex(pager);
      try (IndexCursor c = BTree.openIndex(pager, root, prefix)) {
        for (long g = 0; g < 60; g++) {
          for (long m = 0; m < 40; m++) {
            byte[] e = new byte[16];
            putLong(e, 0, g * 2);
            putLong(e, 8, m);
            c.insert(e);
          }
        }
        for (long g = 0; g < 60; g++) {
          assertTrue(c.seekAtOrAfter(key(g * 2)));
          assertEquals(g * 2, getLong(c.entry(), 0));
          assertEquals(0, getLong(c.entry(), 8));
          assertTrue(c.seek(key(g * 2)));
          assertEquals(0, getLong(c.entry(), 8));
          assertTrue(c.seekAtOrBefore(key(g * 2)));
          assertEquals(g * 2, getLong(c.entry(), 0));
          assertEquals(39, getLong(c.entry(), 8));
          assertFalse(c.seek(key(g * 2 + 1)));
          int n = 0;
          for (boolean ok = c.seekAtOrAfter(key(g * 2)); ok && getLong(c.entry(), 0) == g * 2; ok = c.next()) {
            n++;
          }
          assertEquals(40, n);
        }
      }
    }
  }

  @Test
  void comparator_receivesPageBytesInPlace_forLocalEntries() {
    try (Pager pager = newPager(1024)) {
      int root = BTree.createIndex(pager);
      AtomicInteger inPlace = new AtomicInteger();
      Set<byte[]> otherArrays = Collections.newSetFromMap(new IdentityHashMap<>());
      KeyComparator spy =
          (key, e, off, len) -> {
            if (e.length == pager.pageSize()) {
              inPlace.incrementAndGet();
            } else {
              otherArrays.add(e);
            }
            return LONG_KEY.compare(key, e, off, len);
          };
      try (IndexCursor c = BTree.openIndex(pager, root, spy)) {
        for (long k = 0; k < 2000; k++) {
          c.insert(keyed(k, k == 777 ? 3000 : 20, 0));
        }
        inPlace.set(0);
        otherArrays.clear();
        for (long k = 0; k < 2000; k += 7) {
          assertTrue(c.seek(key(k)));
        }
        assertTrue(inPlace.get() > 2000, "in place " + inPlace.get());
        // the cursor's own saved-entry buffer, plus an assembled copy per visit of entry 777
        assertTrue(otherArrays.size() <= 4, "arrays " + otherArrays.size());
      }
    }
  }

  @Test
  void modificationsThroughAnotherCursor_scanningCursorKeepsItsLogicalPosition() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createIndex(pager);
      try (IndexCursor writer = BTree.openIndex(pager, root, LONG_KEY);
          IndexCursor scan = BTree.openIndex(pager, root, LONG_KEY)) {
        for (long k = 1; k <= 1000; k++) {
          writer.insert(keyed(k, 40, 0));
        }
        List<Long> seen = new ArrayList<>();
        for (boolean ok = scan.first(); ok; ok = scan.next()) {
          long k = getLong(scan.entry(), 0);
          seen.add(k);
          if (k % 2 == 0) {
            assertTrue(writer.delete(key(k))); // delete the entry under the scanning cursor
            assertThrows(StorageException.class, scan::entry);
          }
          writer.insert(keyed(-k, 150, 0)); // splits pages before the scan position
        }
        assertEquals(1000, seen.size());
        for (int i = 0; i < 1000; i++) {
          assertEquals(i + 1L, seen.get(i));
        }
        assertEquals(1500, scan.count());
        assertTrue(scan.last());
        writer.delete(key(999));
        writer.delete(key(997));
        assertTrue(scan.previous());
        assertEquals(995, getLong(scan.entry(), 0));
      }
    }
  }

  @Test
  void clearAndDrop_freeEveryIndexPage() {
    try (Pager pager = newPager(1024)) {
      int root = BTree.createIndex(pager);
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        for (long k = 0; k < 800; k++) {
          c.insert(keyed(k, k % 9 == 0 ? 2500 : 40, 0));
        }
        BTree.clear(pager, root);
        assertFalse(c.first());
        assertEquals(pager.pageCount() - 2, pager.freelistCount());
        c.insert(keyed(5, 5, 0));
        assertTrue(c.first());
      }
      assertEquals(BTreePage.INDEX_LEAF, pager.getPage(root).data()[0]);
      BTree.drop(pager, root);
      assertEquals(pager.pageCount() - 1, pager.freelistCount());
    }
  }

  @Test
  void rollback_afterIndexChanges_restoresPreviousTree() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createIndex(pager);
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        for (long k = 0; k < 500; k++) {
          c.insert(keyed(k, 30, 0));
        }
      }
      pager.commit();
      pager.beginWrite();
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        for (long k = 500; k < 1500; k++) {
          c.insert(keyed(k, 30, 0));
        }
        for (long k = 0; k < 300; k++) {
          assertTrue(c.delete(key(k)));
        }
      }
      pager.rollback();
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        assertEquals(500, c.count());
        assertTrue(c.seek(key(0)));
        assertFalse(c.seek(key(500)));
      }
    }
  }

  @Test
  void modifications_withoutWriteTransaction_throwMisuse() {
    try (Pager pager = newPager(4096)) {
      int root = BTree.createIndex(pager);
      pager.commit();
      try (IndexCursor c = BTree.openIndex(pager, root, LONG_KEY)) {
        StorageException e = assertThrows(StorageException.class, () -> c.insert(key(1)));
        assertEquals(StorageException.Kind.MISUSE, e.kind());
        assertThrows(StorageException.class, () -> c.delete(key(1)));
      }
      assertThrows(StorageException.class, () -> BTree.createIndex(pager));
    }
  }

  @Test
  void openIndex_onTablePage_throwsCorrupt() {
    try (Pager pager = newPager(4096)) {
      int table = BTree.createTable(pager);
      try (IndexCursor c = BTree.openIndex(pager, table, LONG_KEY)) {
        StorageException e = assertThrows(StorageException.class, c::first);
        assertEquals(StorageException.Kind.CORRUPT, e.kind());
      }
      assertThrows(StorageException.class, () -> BTree.openIndex(pager, 99, LONG_KEY));
      int index = BTree.createIndex(pager);
      try (TableCursor t = BTree.openTable(pager, index)) {
        assertThrows(StorageException.class, t::first);
      }
    }
  }
}
