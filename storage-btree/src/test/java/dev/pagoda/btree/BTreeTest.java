package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import dev.pagoda.pager.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BTreeTest {
  private static Pager newPager(int pageSize) {
    Pager pager = Pager.open(new MemoryFile(), new PagerOptions(pageSize, false));
    pager.beginWrite();
    return pager;
  }

  private static byte[] payload(long rowid, long len) {
    byte[] b = new byte[(int) len];
    for (int i = 0; i < len; i++) {
      b[i] = (byte) (rowid * 31 + i);
    }
    return b;
  }

  @Test
  void createTable_returnsEmptyTableLeafRoot() {
    try (Pager pager = newPager(4096)) {
      int root = BTree.createTable(pager);
      assertEquals(2, root);
      assertEquals(BTreePage.TABLE_LEAF, pager.getPage(root).data()[0]);
      try (TableCursor c = BTree.openTable(pager, root)) {
        assertFalse(c.first());
        assertFalse(c.last());
        assertFalse(c.isValid());
        assertEquals(0, c.count());
      }
    }
  }

  @Test
  void insert_manyIncreasingRowids_allReadBackInOrder_andLeavesNearlyFull() {
    try (Pager pager = newPager(1024)) {
      int root = BTree.createTable(pager);
      try (TableCursor c = BTree.openTable(pager, root)) {
        for (long i = 1; i <= 5000; i++) {
          c.insert(i, payload(i, 40));
        }
        long expect = 1;
        for (boolean ok = c.first(); ok; ok = c.next()) {
          assertEquals(expect, c.rowid());
          assertArrayEquals(payload(expect, 40), c.payload());
          expect++;
        }
        assertEquals(5001, expect);
      }
      TreeStats s = TreeStats.of(pager, root);
      assertTrue(s.depth >= 3, s.toString());
      assertTrue(s.leafFill(pager.usableSize()) > 0.9, "fill " + s.leafFill(pager.usableSize()));
    }
  }

  @Test
  void insert_randomOrder_allReadBackInOrder() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createTable(pager);
      List<Long> keys = new ArrayList<>();
      for (long i = 0; i < 3000; i++) {
        keys.add(i * 7 - 5000);
      }
      java.util.Collections.shuffle(keys, new Random(42));
      try (TableCursor c = BTree.openTable(pager, root)) {
        for (long k : keys) {
          c.insert(k, payload(k, Math.floorMod(k, 60)));
        }
        long expect = -5000;
        for (boolean ok = c.first(); ok; ok = c.next()) {
          assertEquals(expect, c.rowid());
          assertArrayEquals(payload(expect, Math.floorMod(expect, 60)), c.payload());
          expect += 7;
        }
        assertEquals(3000 * 7 - 5000, expect);
      }
    }
  }

  @Test
  void insert_existingRowid_replacesPayloadAndFreesOldOverflow() {
    try (Pager pager = newPager(1024)) {
      int root = BTree.createTable(pager);
      try (TableCursor c = BTree.openTable(pager, root)) {
        c.insert(10, payload(10, 5000));
        int pagesWithOverflow = pager.pageCount();
        // U=1024: local = M + (5000-M) % (U-4) = 104 + 816 = 920, so 4080 bytes on 4 overflow pages
        assertEquals(6, pagesWithOverflow);
        c.insert(10, payload(11, 3));
        assertEquals(4, pager.freelistCount());
        assertTrue(c.seek(10));
        assertArrayEquals(payload(11, 3), c.payload());
        c.insert(10, payload(12, 4000));
        assertEquals(pagesWithOverflow, pager.pageCount());
        assertTrue(c.seek(10));
        assertArrayEquals(payload(12, 4000), c.payload());
        assertEquals(1, c.count());
      }
    }
  }

  @Test
  void insert_emptyPayload_readsBackEmpty() {
    try (Pager pager = newPager(4096)) {
      int root = BTree.createTable(pager);
      try (TableCursor c = BTree.openTable(pager, root)) {
        c.insert(1, new byte[0]);
        c.insert(2, new byte[0]);
        assertTrue(c.seek(2));
        assertEquals(0, c.payload().length);
        assertTrue(c.delete(1));
        assertTrue(c.first());
        assertEquals(2, c.rowid());
      }
    }
  }

  @Test
  void payload_aroundOverflowThresholds_roundTrips() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createTable(pager);
      int u = pager.usableSize();
      int[] sizes = {u - 36, u - 35, u - 34, u - 4, u, 2 * u, 2 * u + 7, 10 * u + 3};
      try (TableCursor c = BTree.openTable(pager, root)) {
        for (int i = 0; i < sizes.length; i++) {
          c.insert(i, payload(i, sizes[i]));
        }
        for (int i = 0; i < sizes.length; i++) {
          assertTrue(c.seek(i));
          assertEquals(sizes[i], c.payloadSize());
          assertArrayEquals(payload(i, sizes[i]), c.payload());
        }
      }
    }
  }

  @Test
  void delete_allRows_collapsesToEmptyRootAndFreesEveryOtherPage() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createTable(pager);
      Random rnd = new Random(3);
      try (TableCursor c = BTree.openTable(pager, root)) {
        for (long i = 0; i < 2000; i++) {
          c.insert(i, payload(i, rnd.nextInt(10) == 0 ? 1500 : 30));
        }
        List<Long> keys = new ArrayList<>();
        for (long i = 0; i < 2000; i++) {
          keys.add(i);
        }
        java.util.Collections.shuffle(keys, rnd);
        for (long k : keys) {
          assertTrue(c.delete(k));
          assertFalse(c.delete(k));
        }
        assertFalse(c.first());
      }
      assertEquals(pager.pageCount() - 2, pager.freelistCount());
      assertEquals(BTreePage.TABLE_LEAF, pager.getPage(root).data()[0]);
    }
  }

  @Test
  void seekVariants_andPrevious_positionCorrectly() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createTable(pager);
      try (TableCursor c = BTree.openTable(pager, root)) {
        for (long i = 10; i <= 5000; i += 10) {
          c.insert(i, payload(i, 20));
        }
        assertFalse(c.seek(15));
        assertFalse(c.isValid());
        assertTrue(c.seekAtOrAfter(15));
        assertEquals(20, c.rowid());
        assertTrue(c.seekAtOrBefore(15));
        assertEquals(10, c.rowid());
        assertFalse(c.seekAtOrBefore(9));
        assertFalse(c.seekAtOrAfter(5001));
        assertTrue(c.seekAtOrAfter(-100));
        assertEquals(10, c.rowid());
        assertTrue(c.seek(2500));
        assertTrue(c.previous());
        assertEquals(2490, c.rowid());
        assertTrue(c.next());
        assertTrue(c.next());
        assertEquals(2510, c.rowid());
        assertTrue(c.last());
        assertFalse(c.next());
        assertFalse(c.isValid());
        assertThrows(StorageException.class, c::rowid);
      }
    }
  }

  @Test
  void dropTable_freesEveryPageIncludingOverflow() {
    try (Pager pager = newPager(1024)) {
      int root = BTree.createTable(pager);
      try (TableCursor c = BTree.openTable(pager, root)) {
        for (long i = 0; i < 500; i++) {
          c.insert(i, payload(i, i % 7 == 0 ? 3000 : 50));
        }
      }
      BTree.dropTable(pager, root);
      assertEquals(pager.pageCount() - 1, pager.freelistCount());
      int again = BTree.createTable(pager);
      assertTrue(again <= pager.pageCount());
      assertEquals(pager.pageCount() - 2, pager.freelistCount());
    }
  }

  @Test
  void clearTable_leavesEmptyRoot() {
    try (Pager pager = newPager(1024)) {
      int root = BTree.createTable(pager);
      try (TableCursor c = BTree.openTable(pager, root)) {
        for (long i = 0; i < 500; i++) {
          c.insert(i, payload(i, 100));
        }
        BTree.clearTable(pager, root);
        assertFalse(c.first());
        c.insert(7, payload(7, 10));
        assertTrue(c.first());
        assertEquals(7, c.rowid());
      }
      assertEquals(pager.pageCount() - 2, pager.freelistCount());
    }
  }

  @Test
  void schemaRootOnPage1_splitsAndShrinks_headerUntouched() {
    try (Pager pager = newPager(1024)) {
      byte[] header = Arrays.copyOf(pager.getPage(1).data(), 100);
      try (TableCursor c = BTree.openTable(pager, 1)) {
        for (long i = 1; i <= 300; i++) {
          c.insert(i, payload(i, 120));
        }
        assertEquals(BTreePage.TABLE_INTERIOR, pager.getPage(1).data()[100]);
        for (long i = 1; i <= 299; i++) {
          assertTrue(c.delete(i));
        }
        assertTrue(c.first());
        assertEquals(300, c.rowid());
        assertFalse(c.next());
      }
      assertEquals(BTreePage.TABLE_LEAF, pager.getPage(1).data()[100]);
      byte[] after = Arrays.copyOf(pager.getPage(1).data(), 100);
      Arrays.fill(header, 32, 40, (byte) 0); // freelist head/count change
      Arrays.fill(after, 32, 40, (byte) 0);
      assertArrayEquals(header, after);
    }
  }

  @Test
  void rollback_afterInserts_restoresPreviousTree() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createTable(pager);
      try (TableCursor c = BTree.openTable(pager, root)) {
        for (long i = 0; i < 300; i++) {
          c.insert(i, payload(i, 50));
        }
      }
      pager.commit();
      int pages = pager.pageCount();
      pager.beginWrite();
      try (TableCursor c = BTree.openTable(pager, root)) {
        for (long i = 300; i < 900; i++) {
          c.insert(i, payload(i, 50));
        }
        for (long i = 0; i < 100; i++) {
          c.delete(i);
        }
      }
      pager.rollback();
      assertEquals(pages, pager.pageCount());
      try (TableCursor c = BTree.openTable(pager, root)) {
        assertEquals(300, c.count());
        assertTrue(c.seek(0));
        assertFalse(c.seek(300));
      }
    }
  }

  @Test
  void modifications_withoutWriteTransaction_throwMisuse() {
    try (Pager pager = newPager(4096)) {
      int root = BTree.createTable(pager);
      pager.commit();
      try (TableCursor c = BTree.openTable(pager, root)) {
        StorageException e = assertThrows(StorageException.class, () -> c.insert(1, new byte[1]));
        assertEquals(StorageException.Kind.MISUSE, e.kind());
        assertThrows(StorageException.class, () -> c.delete(1));
      }
      assertThrows(StorageException.class, () -> BTree.createTable(pager));
    }
  }

  @Test
  void modificationsThroughAnotherCursor_scanningCursorKeepsItsLogicalPosition() {
    try (Pager pager = newPager(512)) {
      int root = BTree.createTable(pager);
      try (TableCursor writer = BTree.openTable(pager, root);
          TableCursor scan = BTree.openTable(pager, root)) {
        for (long i = 1; i <= 1000; i++) {
          writer.insert(i, payload(i, 60));
        }
        List<Long> seen = new ArrayList<>();
        for (boolean ok = scan.first(); ok; ok = scan.next()) {
          long r = scan.rowid();
          seen.add(r);
          assertArrayEquals(payload(r, 60), scan.payload());
          if (r % 2 == 0) {
            assertTrue(writer.delete(r)); // delete the row under the scanning cursor
            assertEquals(r, scan.rowid());
            assertThrows(StorageException.class, scan::payload);
          }
          writer.insert(-r, payload(r, 200)); // splits pages before the scan position
        }
        assertEquals(1000, seen.size());
        for (int i = 0; i < 1000; i++) {
          assertEquals(i + 1L, seen.get(i));
        }
        assertEquals(1500, scan.count());
        assertTrue(scan.last());
        writer.delete(1000);
        writer.delete(999);
        assertTrue(scan.previous());
        assertEquals(997, scan.rowid());
      }
    }
  }

  @Test
  void openTable_onNonTablePage_throwsCorrupt() {
    try (Pager pager = newPager(4096)) {
      int pg = pager.allocatePage();
      pager.getPage(pg).data()[0] = 0x0A;
      try (TableCursor c = BTree.openTable(pager, pg)) {
        StorageException e = assertThrows(StorageException.class, c::first);
        assertEquals(StorageException.Kind.CORRUPT, e.kind());
      }
      assertThrows(StorageException.class, () -> BTree.openTable(pager, 99));
    }
  }
}
