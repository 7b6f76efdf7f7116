package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table and its index kept in step through insert-heavy and delete-heavy phases until the index
 * is four levels deep, so that interior pages split, merge and give up entries to deletes. After
 * each phase: a structural walk, the model, and SQLite's integrity_check (which matches every index
 * entry against the table).
 */
class IndexDeepTreeTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "seed={0} pageSize={1}")
  @CsvSource({"1, 512", "2, 1024"})
  void insertAndDeleteHeavyPhases_indexMatchesModelAndSqlite_depthBounded(long seed, int pageSize)
      throws Exception {
    Random rnd = new Random(seed);
    Path f = dir.resolve("deep.db");
    TreeMap<Long, byte[]> rows = new TreeMap<>();
    int maxDepth = 0;
    try (Pager pager = Pager.open(DiskFile.open(f, false), new PagerOptions(pageSize, false))) {
      pager.beginWrite();
      int table = BTree.createTable(pager);
      int index = BTree.createIndex(pager);
      try (TableCursor s = BTree.openTable(pager, 1)) {
        s.insert(1, Records.encode("table", "t", "t", table, "CREATE TABLE t(k BLOB)"));
        s.insert(2, Records.encode("index", "i", "t", index, "CREATE INDEX i ON t(k)"));
      }
      pager.setSchemaCookie(1);
      for (int phase = 0; phase < 4; phase++) {
        try (TableCursor t = BTree.openTable(pager, table);
            IndexCursor ix = BTree.openIndex(pager, index, RecordOrder.INSTANCE)) {
          runPhase(rnd, phase % 2 == 0 ? 20 : 75, rows, t, ix);
        }
        IndexTreeCheck check = IndexTreeCheck.of(pager, index, RecordOrder.INSTANCE);
        maxDepth = Math.max(maxDepth, check.depth);
        IndexCursorTest.assertEntries(expectedEntries(rows), check.entries());
        pager.commit();
        assertEquals("ok", Sqlite.integrityCheck(f), "after phase " + phase);
        pager.beginWrite();
      }
      pager.commit();
    }
    assertTrue(maxDepth >= 4, "depth " + maxDepth);
    // ~10k entries of <= 115 local bytes: even at 1/3 fill, 512-byte pages give 5 levels at most
    assertTrue(maxDepth <= 5, "depth " + maxDepth);
  }

  private static void runPhase(
      Random rnd, int deletePercent, TreeMap<Long, byte[]> rows, TableCursor t, IndexCursor ix) {
    for (int n = 0; n < 15000; n++) {
      long r = 1 + rnd.nextInt(20000);
      if (rnd.nextInt(100) < deletePercent) {
        byte[] old = rows.remove(r);
        assertEquals(old != null, t.delete(r));
        if (old != null) {
          assertTrue(ix.delete(Records.encode(old, r)));
        }
        continue;
      }
      byte[] k = new byte[rnd.nextInt(10) == 0 ? rnd.nextInt(2000) : rnd.nextInt(40)];
      rnd.nextBytes(k);
      if (k.length > 0) {
        k[0] = (byte) rnd.nextInt(3);
      }
      byte[] old = rows.put(r, k);
      if (old != null) {
        assertTrue(ix.delete(Records.encode(old, r)));
      }
      t.insert(r, Records.encode((Object) k));
      ix.insert(Records.encode(k, r));
    }
  }

  private static List<byte[]> expectedEntries(TreeMap<Long, byte[]> rows) {
    List<byte[]> expected = new ArrayList<>();
    for (Map.Entry<Long, byte[]> e : rows.entrySet()) {
      expected.add(Records.encode(e.getValue(), e.getKey()));
    }
    expected.sort((x, y) -> RecordOrder.INSTANCE.compare(x, y, 0, y.length));
    return expected;
  }
}
