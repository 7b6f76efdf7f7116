package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Random inserts, replaces and deletes checked against a TreeMap model and real SQLite. */
class RandomizedModelTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "seed={0} pageSize={1}")
  @CsvSource({"1, 512", "2, 1024", "3, 4096", "4, 512", "5, 65536"})
  void randomOperations_cursorWalkMatchesTreeMapModel_andSqliteIntegrityOk(long seed, int pageSize)
      throws Exception {
    run(seed, pageSize, 1500);
  }

  /** Heavier soak run, enabled with -Dpagoda.soak=N (number of seeds). */
  @Test
  @EnabledIfSystemProperty(named = "pagoda.soak", matches = "\\d+")
  void soak() throws Exception {
    int seeds = Integer.getInteger("pagoda.soak", 0);
    int[] sizes = {512, 1024, 2048, 4096, 8192, 65536};
    for (int s = 0; s < seeds; s++) {
      run(1000 + s, sizes[s % sizes.length], 4000);
    }
  }

  private void run(long seed, int pageSize, int ops) throws Exception {
    Random rnd = new Random(seed);
    Path f = dir.resolve("r" + seed + ".db");
    TreeMap<Long, byte[]> model = new TreeMap<>();
    int root;
    try (Pager pager = Pager.open(DiskFile.open(f, false), new PagerOptions(pageSize, false))) {
      pager.beginWrite();
      root = BTree.createTable(pager);
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        schema.insert(1, Records.encode("table", "t", "t", root, "CREATE TABLE t(a,b)"));
      }
      pager.setSchemaCookie(1);
      pager.commit();
      for (int round = 0; round < 6; round++) {
        pager.beginWrite();
        TreeMap<Long, byte[]> before = new TreeMap<>(model);
        try (TableCursor c = BTree.openTable(pager, root)) {
          runOps(rnd, c, model, pageSize, round, ops);
          verify(c, model);
        }
        if (round == 3) {
          pager.rollback();
          model = before;
          try (TableCursor c = BTree.openTable(pager, root)) {
            verify(c, model);
          }
        } else {
          pager.commit();
          assertEquals("ok", Sqlite.integrityCheck(f), "after round " + round);
        }
      }
    }
    assertEquals("ok", Sqlite.integrityCheck(f));
    assertEquals((long) model.size(), Sqlite.queryLong(f, "select count(*) from t"));
    long len = 0;
    for (byte[] v : model.values()) {
      len += Records.decode(v).get(1) instanceof byte[] b ? b.length : 0;
    }
    assertEquals(len, Sqlite.queryLong(f, "select total(length(b)) from t"));
  }

  private static void runOps(
      Random rnd, TableCursor c, NavigableMap<Long, byte[]> model, int pageSize, int round, int ops) {
    boolean deleteHeavy = round == 4;
    for (int i = 0; i < ops; i++) {
      int op = rnd.nextInt(10);
      if (deleteHeavy ? op < 7 : op < 3) {
        long key = pickKey(rnd, model);
        boolean had = model.remove(key) != null;
        assertEquals(had, c.delete(key), "delete " + key);
      } else {
        long key = rnd.nextInt(4) == 0 ? pickKey(rnd, model) : rnd.nextInt(20000) - 2000L;
        if (rnd.nextInt(50) == 0) {
          key = rnd.nextBoolean() ? Long.MAX_VALUE - rnd.nextInt(3) : Long.MIN_VALUE + rnd.nextInt(3);
        }
        byte[] payload = Records.encode(key, blob(rnd, pageSize));
        model.put(key, payload);
        c.insert(key, payload);
      }
    }
  }

  private static byte[] blob(Random rnd, int pageSize) {
    int kind = rnd.nextInt(20);
    int len = kind == 0 ? rnd.nextInt(pageSize * 3) : kind == 1 ? 0 : rnd.nextInt(Math.min(200, pageSize / 4));
    byte[] b = new byte[len];
    rnd.nextBytes(b);
    return b;
  }

  private static long pickKey(Random rnd, NavigableMap<Long, byte[]> model) {
    if (model.isEmpty() || rnd.nextInt(10) == 0) {
      return rnd.nextInt(20000) - 2000L;
    }
    Long k = model.ceilingKey(rnd.nextInt(20000) - 2000L);
    return k != null ? k : model.firstKey();
  }

  static void verify(TableCursor c, NavigableMap<Long, byte[]> model) {
    List<Long> keys = new ArrayList<>();
    for (boolean ok = c.first(); ok; ok = c.next()) {
      long k = c.rowid();
      keys.add(k);
      assertArrayEquals(model.get(k), c.payload(), "payload of " + k);
    }
    assertEquals(new ArrayList<>(model.keySet()), keys);
    assertEquals(model.size(), c.count());
    List<Long> back = new ArrayList<>();
    for (boolean ok = c.last(); ok; ok = c.previous()) {
      back.add(0, c.rowid());
    }
    assertEquals(keys, back);
    if (!model.isEmpty()) {
      for (Map.Entry<Long, byte[]> e : List.of(model.firstEntry(), model.lastEntry())) {
        assertTrue(c.seek(e.getKey()));
        assertArrayEquals(e.getValue(), c.payload());
      }
      long probe = model.firstKey() + 1;
      Long ceil = model.ceilingKey(probe);
      assertEquals(ceil != null, c.seekAtOrAfter(probe));
      if (ceil != null) {
        assertEquals((long) ceil, c.rowid());
      }
    } else {
      assertFalse(c.first());
      assertFalse(c.last());
    }
  }
}
