package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index b-trees written by real SQLite read through {@link IndexCursor}, and the reverse. */
class IndexInteropTest {
  private static final int ROWS = 3000;

  @TempDir Path dir;
  private Path file;

  /**
   * t(a INTEGER, b TEXT, c) on 512-byte pages: a UNIQUE index on b (some texts long enough to spill
   * to overflow pages) and an index on (c, a) where c mixes NULL, integers, reals, text and blobs.
   */
  @BeforeEach
  void sqliteWritesIndexedTable() throws Exception {
    file = dir.resolve("indexed.db");
    Random rnd = new Random(11);
    try (Connection c = Sqlite.open(file)) {
      c.createStatement().execute("pragma page_size = 512");
      c.setAutoCommit(false);
      c.createStatement().execute("create table t(a integer, b text not null, c)");
      c.createStatement().execute("create unique index t_b on t(b)");
      c.createStatement().execute("create index t_ca on t(c, a)");
      try (PreparedStatement ps = c.prepareStatement("insert into t(a, b, c) values (?, ?, ?)")) {
        for (int i = 0; i < ROWS; i++) {
          ps.setLong(1, rnd.nextInt(50) == 0 ? rnd.nextLong() : rnd.nextInt(2000) - 1000);
          ps.setString(2, text(rnd, i));
          ps.setObject(3, mixed(rnd));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

  private static String text(Random rnd, int i) {
    int len = rnd.nextInt(30) == 0 ? 150 + rnd.nextInt(900) : 1 + rnd.nextInt(20);
    StringBuilder sb = new StringBuilder();
    while (sb.length() < len) {
      sb.append((char) ('a' + rnd.nextInt(26)));
      if (rnd.nextInt(40) == 0) {
        sb.append('\u00e9');
      }
    }
    return sb.append('#').append(i).toString();
  }

  private static Object mixed(Random rnd) {
    switch (rnd.nextInt(6)) {
      case 0:
        return null;
      case 1:
        return (long) rnd.nextInt(40) - 20;
      case 2:
        return rnd.nextInt(40) - 20 + 0.5;
      case 3:
        return "s" + rnd.nextInt(30);
      case 4:
        byte[] b = new byte[rnd.nextInt(4)];
        rnd.nextBytes(b);
        return b;
      default:
        return (long) rnd.nextInt(5);
    }
  }

  private Pager openReadOnly() {
    return Pager.open(DiskFile.open(file, true), new PagerOptions(512, true));
  }

  @Test
  void uniqueTextIndex_scansInSqliteOrder_bothDirections() throws Exception {
    List<List<Object>> expected = sqliteRows("select b, rowid from t order by b");
    try (Pager pager = openReadOnly();
        IndexCursor c = BTree.openIndex(pager, rootOf("t_b"), RecordOrder.INSTANCE)) {
      assertEquals(expected, scan(c, true));
      assertEquals(expected, scan(c, false));
      assertEquals(ROWS, c.count());
      IndexTreeCheck shape = IndexTreeCheck.of(pager, rootOf("t_b"), RecordOrder.INSTANCE);
      assertTrue(shape.depth >= 3, "depth " + shape.depth);
    }
  }

  @Test
  void multiColumnIndexOverMixedTypes_scansInSqliteOrder() throws Exception {
    List<List<Object>> expected = sqliteRows("select c, a, rowid from t order by c, a, rowid");
    try (Pager pager = openReadOnly();
        IndexCursor c = BTree.openIndex(pager, rootOf("t_ca"), RecordOrder.INSTANCE)) {
      assertEquals(expected, scan(c, true));
      assertEquals(expected, scan(c, false));
    }
  }

  @Test
  void seekAtOrAfterAndAtOrBefore_onTextPrefixKeys_landWhereSqliteOrderBySays() throws Exception {
    List<List<Object>> all = sqliteRows("select b from t order by b");
    List<String> probes = new ArrayList<>(List.of("", "a", "m", "zzzz", "\u00e9"));
    for (int i = 0; i < all.size(); i += 97) {
      String b = (String) all.get(i).get(0);
      probes.add(b);
      probes.add(b + "!");
      probes.add(b.substring(0, b.length() - 1));
    }
    try (Pager pager = openReadOnly();
        IndexCursor c = BTree.openIndex(pager, rootOf("t_b"), RecordOrder.INSTANCE)) {
      for (String p : probes) {
        byte[] key = Records.encode(p);
        assertLanding(c.seekAtOrAfter(key), c, "select b, rowid from t where b >= ? order by b limit 1", p);
        assertLanding(c.seekAtOrBefore(key), c, "select b, rowid from t where b <= ? order by b desc limit 1", p);
        assertEquals(all.contains(List.of(p)), c.seek(key), "seek " + p);
      }
    }
  }

  @Test
  void seekOnFirstColumnOfMultiColumnIndex_landsOnFirstAndLastOfEqualRun() throws Exception {
    try (Pager pager = openReadOnly();
        IndexCursor c = BTree.openIndex(pager, rootOf("t_ca"), RecordOrder.INSTANCE)) {
      for (long v = -22; v <= 22; v++) {
        byte[] key = Records.encode(v);
        assertLanding(
            c.seekAtOrAfter(key), c, "select c, a, rowid from t where c >= ? order by c, a, rowid limit 1", v);
        assertLanding(
            c.seekAtOrBefore(key),
            c,
            "select c, a, rowid from t where c <= ? or c is null order by c desc, a desc, rowid desc limit 1",
            v);
      }
    }
  }

  @Test
  void pagodaWritesTableAndIndex_sqliteIntegrityCheckOk_andQueriesThroughIt() throws Exception {
    Path f = dir.resolve("p.db");
    Random rnd = new Random(5);
    int table;
    int index;
    try (Pager pager = Pager.open(DiskFile.open(f, false), new PagerOptions(1024, false))) {
      pager.beginWrite();
      table = BTree.createTable(pager);
      index = BTree.createIndex(pager);
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        schema.insert(1, Records.encode("table", "t", "t", table, "CREATE TABLE t(k, v)"));
        schema.insert(2, Records.encode("index", "t_k", "t", index, "CREATE INDEX t_k ON t(k)"));
      }
      pager.setSchemaCookie(1);
      try (TableCursor t = BTree.openTable(pager, table);
          IndexCursor i = BTree.openIndex(pager, index, RecordOrder.INSTANCE)) {
        for (long r = 1; r <= 3000; r++) {
          String k = "key" + rnd.nextInt(500) + "x".repeat(rnd.nextInt(10) == 0 ? 700 : 3);
          t.insert(r, Records.encode(k, r * 2));
          i.insert(Records.encode(k, r));
        }
        for (long r = 1; r <= 3000; r += 3) {
          String k = (String) Records.decode(payloadOf(t, r)).get(0);
          assertTrue(t.delete(r));
          assertTrue(i.delete(Records.encode(k, r)));
        }
      }
      pager.commit();
    }
    assertEquals("ok", Sqlite.integrityCheck(f));
    assertEquals(2000L, Sqlite.queryLong(f, "select count(*) from t indexed by t_k where k >= ''"));
    assertEquals(
        Sqlite.query(f, "select rowid from t not indexed where k = 'key7xxx' order by rowid"),
        Sqlite.query(f, "select rowid from t indexed by t_k where k = 'key7xxx'"));
    Sqlite.execute(f, "insert into t select k || 'z', v from t where rowid % 2 = 0");
    assertEquals("ok", Sqlite.integrityCheck(f));
    List<List<Object>> expected = Sqlite.query(f, "select k, rowid from t order by k, rowid");
    try (Pager pager = Pager.open(DiskFile.open(f, true), new PagerOptions(1024, true));
        IndexCursor c = BTree.openIndex(pager, index, RecordOrder.INSTANCE)) {
      assertEquals(normalize(expected), scan(c, true));
    }
  }

  @Test
  void autoVacuumFullFile_withPointerMapPages_readsBackThroughCursors() throws Exception {
    Path f = dir.resolve("av.db");
    try (Connection c = Sqlite.open(f)) {
      c.createStatement().execute("pragma page_size = 1024");
      c.createStatement().execute("pragma auto_vacuum = full");
      c.setAutoCommit(false);
      c.createStatement().execute("create table t(a integer, b text)");
      c.createStatement().execute("create index t_b on t(b)");
      c.createStatement()
          .execute(
              "with recursive n(i) as (select 1 union all select i + 1 from n where i < 4000)"
                  + " insert into t select i, printf('%05d', (i * 7919) % 4000)"
                  + " || case when i % 50 = 0 then printf('%.*c', 3000, 'q') else '' end from n");
      c.commit();
      c.createStatement().execute("delete from t where a % 3 = 0");
      c.commit();
    }
    assertEquals(1L, Sqlite.queryLong(f, "pragma auto_vacuum"));
    List<List<Object>> rows = Sqlite.query(f, "select rowid, a, b from t order by rowid");
    List<List<Object>> indexOrder = Sqlite.query(f, "select b, rowid from t order by b, rowid");
    try (Pager pager = Pager.open(DiskFile.open(f, true), new PagerOptions(1024, true))) {
      byte[] header = pager.getPage(1).data();
      assertTrue(dev.pagoda.pager.BigEndian.i32(header, 52) > 0, "largest root page (auto-vacuum) is set");
      try (TableCursor t = BTree.openTable(pager, rootOf(f, "t"))) {
        List<List<Object>> read = new ArrayList<>();
        for (boolean ok = t.first(); ok; ok = t.next()) {
          List<Object> row = new ArrayList<>();
          row.add(t.rowid());
          row.addAll(Records.decode(t.payload()));
          read.add(normalizeRow(row));
        }
        assertEquals(normalize(rows), read);
      }
      try (IndexCursor c = BTree.openIndex(pager, rootOf(f, "t_b"), RecordOrder.INSTANCE)) {
        assertEquals(normalize(indexOrder), scan(c, true));
      }
    }
  }

  private void assertLanding(boolean found, IndexCursor c, String sql, Object probe) throws Exception {
    List<List<Object>> expected = normalize(sqliteRows(sql, probe));
    assertEquals(!expected.isEmpty(), found, sql + " with " + probe);
    if (found) {
      assertEquals(expected.get(0), normalizeRow(Records.decode(c.entry())), sql + " with " + probe);
    } else {
      assertFalse(c.isValid());
    }
  }

  private static byte[] payloadOf(TableCursor t, long rowid) {
    assertTrue(t.seek(rowid));
    return t.payload();
  }

  private static List<List<Object>> scan(IndexCursor c, boolean forward) {
    List<List<Object>> out = new ArrayList<>();
    for (boolean ok = forward ? c.first() : c.last(); ok; ok = forward ? c.next() : c.previous()) {
      out.add(normalizeRow(Records.decode(c.entry())));
    }
    if (!forward) {
      java.util.Collections.reverse(out);
    }
    return out;
  }

  private int rootOf(String name) throws Exception {
    return rootOf(file, name);
  }

  private static int rootOf(Path f, String name) throws Exception {
    return (int) Sqlite.queryLong(f, "select rootpage from sqlite_schema where name = '" + name + "'");
  }

  private List<List<Object>> sqliteRows(String sql, Object... args) throws Exception {
    try (Connection c = Sqlite.open(file);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getObject(i));
          }
          rows.add(normalizeRow(row));
        }
      }
      return rows;
    }
  }

  private static List<List<Object>> normalize(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : rows) {
      out.add(normalizeRow(r));
    }
    return out;
  }

  /** Integers as Long, blobs as a hex string, so that rows compare with equals. */
  private static List<Object> normalizeRow(List<Object> row) {
    List<Object> out = new ArrayList<>();
    for (Object v : row) {
      if (v instanceof Integer i) {
        out.add(i.longValue());
      } else if (v instanceof byte[] b) {
        out.add("blob:" + HexFormat.of().formatHex(b));
      } else {
        out.add(v);
      }
    }
    return out;
  }
}
