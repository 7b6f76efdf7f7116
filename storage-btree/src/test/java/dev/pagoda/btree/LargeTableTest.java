package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table of a million rows written by real SQLite, read back through {@link TableCursor}. */
class LargeTableTest {
  private static final int ROWS = 1_000_000;

  @TempDir Path dir;

  @Test
  void millionRowTableFromSqlite_depthAtLeastThree_readsBackFully() throws Exception {
    Path f = dir.resolve("big.db");
    Sqlite.execute(
        f,
        "create table big(a integer, b integer)",
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < " + ROWS + ")"
            + " insert into big select i, i % 1000 from n");
    long expectedSum = Sqlite.queryLong(f, "select sum(b) from big");
    int root = (int) Sqlite.queryLong(f, "select rootpage from sqlite_schema where name = 'big'");
    try (Pager pager = Pager.open(DiskFile.open(f, true), new PagerOptions(4096, true));
        TableCursor t = BTree.openTable(pager, root)) {
      assertTrue(TreeStats.of(pager, root).depth >= 3, TreeStats.of(pager, root).toString());
      long rows = 0;
      long sum = 0;
      long prev = 0;
      for (boolean ok = t.first(); ok; ok = t.next()) {
        long r = t.rowid();
        assertTrue(r > prev);
        prev = r;
        sum += secondColumn(t.payload());
        rows++;
      }
      assertEquals(ROWS, rows);
      assertEquals(expectedSum, sum);
      assertEquals(ROWS, t.count());
      assertTrue(t.first());
      assertEquals(1, t.rowid());
      assertTrue(t.last());
      assertEquals(ROWS, t.rowid());
      assertTrue(t.seekAtOrBefore(Long.MAX_VALUE));
      assertEquals(ROWS, t.rowid());
      assertTrue(t.seek(ROWS / 2 + 1));
      assertEquals((ROWS / 2 + 1) % 1000, secondColumn(t.payload()));
      assertFalse(t.seek(ROWS + 1));
    }
  }

  /** The second column of a two-integer record, decoded directly (a hot loop over a million rows). */
  private static long secondColumn(byte[] rec) {
    int headerLen = rec[0];
    int typeA = rec[1];
    int typeB = rec[2];
    int pos = headerLen + width(typeA);
    if (typeB == 8 || typeB == 9) {
      return typeB - 8;
    }
    long x = rec[pos];
    for (int i = 1; i < width(typeB); i++) {
      x = (x << 8) | (rec[pos + i] & 0xff);
    }
    return x;
  }

  private static int width(int serialType) {
    return serialType >= 8 ? 0 : new int[] {0, 1, 2, 3, 4, 6, 8}[serialType];
  }
}
