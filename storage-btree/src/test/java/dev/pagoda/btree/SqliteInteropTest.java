package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte-level interoperability with real SQLite, both directions. */
class SqliteInteropTest {
  @TempDir Path dir;

  static String text(int i) {
    int len = i % 50 == 0 ? 5000 + 37 * i : 10 + i % 90;
    StringBuilder sb = new StringBuilder(len);
    while (sb.length() < len) {
      sb.append("row ").append(i).append(" \u00e9\u4e2d ");
    }
    return sb.substring(0, len);
  }

  static Pager open(Path file, boolean readOnly) {
    return Pager.open(DiskFile.open(file, readOnly), new PagerOptions(4096, readOnly));
  }

  @Test
  void pagodaWritesTable_sqliteIntegrityCheckOk_andRowsMatch() throws Exception {
    Path f = dir.resolve("p.db");
    long expectedLen = 0;
    try (Pager pager = open(f, false)) {
      pager.beginWrite();
      int root = BTree.createTable(pager);
      assertEquals(2, root);
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        schema.insert(1, Records.encode("table", "t", "t", root, "CREATE TABLE t(a,b)"));
      }
      pager.setSchemaCookie(pager.schemaCookie() + 1);
      try (TableCursor t = BTree.openTable(pager, root)) {
        for (int i = 1; i <= 600; i++) {
          t.insert(i, Records.encode(i, text(i)));
          expectedLen += text(i).length();
        }
      }
      pager.commit();
    }
    assertEquals("ok", Sqlite.integrityCheck(f));
    List<Object> row = Sqlite.query(f, "select count(*), sum(length(b)) from t").get(0);
    assertEquals(600L, ((Number) row.get(0)).longValue());
    assertEquals(expectedLen, ((Number) row.get(1)).longValue());
    assertEquals(text(450), Sqlite.query(f, "select b from t where a = 450").get(0).get(0));
  }

  @Test
  void pagodaDeletesAndDropsTable_sqliteIntegrityCheckStaysOk() throws Exception {
    Path f = dir.resolve("d.db");
    int root;
    try (Pager pager = open(f, false)) {
      pager.beginWrite();
      root = BTree.createTable(pager);
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        schema.insert(1, Records.encode("table", "t", "t", root, "CREATE TABLE t(a,b)"));
      }
      pager.setSchemaCookie(1);
      try (TableCursor t = BTree.openTable(pager, root)) {
        for (int i = 1; i <= 500; i++) {
          t.insert(i, Records.encode(i, text(i)));
        }
      }
      pager.commit();
    }
    long expectedLen = 0;
    int expectedCount = 0;
    try (Pager pager = open(f, false)) {
      pager.beginWrite();
      try (TableCursor t = BTree.openTable(pager, root)) {
        for (int i = 1; i <= 500; i++) {
          if (i % 3 == 0 || (i > 200 && i < 320)) {
            assertTrue(t.delete(i));
          } else {
            expectedLen += text(i).length();
            expectedCount++;
          }
        }
        assertFalse(t.delete(3));
      }
      pager.setSchemaCookie(2);
      pager.commit();
    }
    assertEquals("ok", Sqlite.integrityCheck(f));
    List<Object> row = Sqlite.query(f, "select count(*), sum(length(b)) from t").get(0);
    assertEquals((long) expectedCount, ((Number) row.get(0)).longValue());
    assertEquals(expectedLen, ((Number) row.get(1)).longValue());

    int pageCount;
    try (Pager pager = open(f, false)) {
      pager.beginWrite();
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        assertTrue(schema.delete(1));
      }
      BTree.dropTable(pager, root);
      pager.setSchemaCookie(3);
      pager.commit();
      pageCount = pager.pageCount();
      assertEquals(pageCount - 1, pager.freelistCount());
    }
    assertEquals("ok", Sqlite.integrityCheck(f));
    assertEquals(0L, Sqlite.queryLong(f, "select count(*) from sqlite_schema"));
    assertEquals(pageCount - 1L, Sqlite.queryLong(f, "pragma freelist_count"));
    // SQLite can reuse our freelist
    Sqlite.execute(f, "create table u(x)", "insert into u select zeroblob(3000) from (select 1 union select 2)");
    assertEquals("ok", Sqlite.integrityCheck(f));
  }

  @Test
  void sqliteWritesTable_pagodaCursorReadsAllRowsInOrder() throws Exception {
    Path f = dir.resolve("s.db");
    Random rnd = new Random(7);
    String[] expected = new String[801];
    try (Connection c = Sqlite.open(f)) {
      c.setAutoCommit(false);
      c.createStatement().execute("create table other(x)");
      c.createStatement().execute("create table t(a integer, b text)");
      try (PreparedStatement ps = c.prepareStatement("insert into t(rowid, a, b) values (?, ?, ?)")) {
        for (int i = 1; i <= 800; i++) {
          int len = rnd.nextInt(10) == 0 ? 4000 + rnd.nextInt(20000) : rnd.nextInt(300);
          StringBuilder sb = new StringBuilder();
          while (sb.length() < len) {
            sb.append((char) ('a' + rnd.nextInt(26)));
          }
          expected[i] = sb.toString();
          ps.setLong(1, i * 3L);
          ps.setLong(2, i);
          ps.setString(3, expected[i]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
    assertTrue(Sqlite.queryLong(f, "pragma page_count") > 100);
    try (Pager pager = open(f, true)) {
      int root = -1;
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        for (boolean ok = schema.first(); ok; ok = schema.next()) {
          List<Object> rec = Records.decode(schema.payload());
          if ("t".equals(rec.get(1))) {
            root = ((Long) rec.get(3)).intValue();
          }
        }
      }
      assertTrue(root > 1);
      try (TableCursor t = BTree.openTable(pager, root)) {
        int n = 0;
        for (boolean ok = t.first(); ok; ok = t.next()) {
          n++;
          assertEquals(n * 3L, t.rowid());
          List<Object> rec = Records.decode(t.payload());
          assertEquals((long) n, rec.get(0));
          assertEquals(expected[n], rec.get(1));
        }
        assertEquals(800, n);
        assertEquals(800, t.count());
        assertTrue(t.seek(1500));
        assertEquals(expected[500], Records.decode(t.payload()).get(1));
        assertFalse(t.seek(1501));
        assertTrue(t.last());
        assertEquals(2400L, t.rowid());
        assertArrayEquals(
            expected[800].getBytes(StandardCharsets.UTF_8), (byte[]) textBytes(t.payload()));
      }
    }
  }

  @Test
  void sqliteWritesTable_pagodaModifiesIt_sqliteIntegrityCheckOk() throws Exception {
    Path f = dir.resolve("m.db");
    Sqlite.execute(
        f,
        "create table t(a integer, b text)",
        "with recursive c(i) as (select 1 union all select i+1 from c where i < 700)"
            + " insert into t select i, printf('%.*c', case when i % 40 = 0 then 6000 else i % 200 end, 'x') from c");
    int root = (int) Sqlite.queryLong(f, "select rootpage from sqlite_schema where name = 't'");
    try (Pager pager = open(f, false)) {
      pager.beginWrite();
      try (TableCursor t = BTree.openTable(pager, root)) {
        for (int i = 1; i <= 700; i += 2) {
          assertTrue(t.delete(i));
        }
        for (int i = 1000; i < 1300; i++) {
          t.insert(i, Records.encode(i, text(i)));
        }
        t.insert(2, Records.encode(2, "replaced"));
      }
      pager.setSchemaCookie(pager.schemaCookie() + 1);
      pager.commit();
    }
    assertEquals("ok", Sqlite.integrityCheck(f));
    assertEquals(650L, Sqlite.queryLong(f, "select count(*) from t"));
    assertEquals("replaced", Sqlite.query(f, "select b from t where rowid = 2").get(0).get(0));
  }

  @Test
  void payloadSizesAroundOverflowThresholds_bothDirections() throws Exception {
    Path f = dir.resolve("o.db");
    int u = 1024;
    int[] lens = {u - 40, u - 39, u - 38, u - 37, u - 36, u - 35, u - 34, u - 30, u, 2 * u, 3 * u + 1, 9000};
    int root;
    try (Pager pager = Pager.open(DiskFile.open(f, false), new PagerOptions(1024, false))) {
      pager.beginWrite();
      root = BTree.createTable(pager);
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        schema.insert(1, Records.encode("table", "t", "t", root, "CREATE TABLE t(a,b)"));
      }
      pager.setSchemaCookie(1);
      try (TableCursor t = BTree.openTable(pager, root)) {
        for (int i = 0; i < lens.length; i++) {
          // a record whose total payload is exactly lens[i] bytes: header + int8(1) + blob
          byte[] rec = Records.encode(5, new byte[blobLength(lens[i])]);
          assertEquals(lens[i], rec.length);
          t.insert(i + 1, rec);
        }
      }
      pager.commit();
    }
    assertEquals("ok", Sqlite.integrityCheck(f));
    for (int i = 0; i < lens.length; i++) {
      assertEquals(blobLength(lens[i]), Sqlite.queryLong(f, "select length(b) from t where rowid = " + (i + 1)));
    }
    Sqlite.execute(f, "insert into t(rowid, a, b) select rowid + 100, a, b from t");
    try (Pager pager = open(f, true);
        TableCursor t = BTree.openTable(pager, root)) {
      for (int i = 0; i < lens.length; i++) {
        assertTrue(t.seek(i + 101));
        assertEquals(lens[i], t.payloadSize());
        assertArrayEquals(new byte[blobLength(lens[i])], (byte[]) Records.decode(t.payload()).get(1));
      }
    }
  }

  @Test
  void schemaTableOnPage1_growsPastOnePage_sqliteSeesEveryTable() throws Exception {
    Path f = dir.resolve("schema.db");
    try (Pager pager = Pager.open(DiskFile.open(f, false), new PagerOptions(1024, false))) {
      pager.beginWrite();
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        for (int i = 1; i <= 150; i++) {
          int root = BTree.createTable(pager);
          String name = "table_with_a_long_name_" + i;
          schema.insert(i, Records.encode("table", name, name, root,
              "CREATE TABLE " + name + "(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t)"));
        }
      }
      pager.setSchemaCookie(1);
      pager.commit();
    }
    assertEquals("ok", Sqlite.integrityCheck(f));
    assertEquals(150L, Sqlite.queryLong(f, "select count(*) from sqlite_schema"));
    Sqlite.execute(f, "insert into table_with_a_long_name_77(a) values (1)");
    assertEquals(1L, Sqlite.queryLong(f, "select count(*) from table_with_a_long_name_77"));
    try (Pager pager = open(f, false)) {
      pager.beginWrite();
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        for (int i = 1; i <= 149; i++) {
          assertTrue(schema.seek(i));
          int root = ((Long) Records.decode(schema.payload()).get(3)).intValue();
          assertTrue(schema.delete(i));
          BTree.dropTable(pager, root);
        }
      }
      pager.setSchemaCookie(2);
      pager.commit();
    }
    assertEquals("ok", Sqlite.integrityCheck(f));
    assertEquals(1L, Sqlite.queryLong(f, "select count(*) from sqlite_schema"));
  }

  @Test
  void dropLargeTableOn512BytePages_freelistSpansManyTrunks_sqliteReusesIt() throws Exception {
    Path f = dir.resolve("big.db");
    int root;
    try (Pager pager = Pager.open(DiskFile.open(f, false), new PagerOptions(512, false))) {
      pager.beginWrite();
      root = BTree.createTable(pager);
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        schema.insert(1, Records.encode("table", "t", "t", root, "CREATE TABLE t(a,b)"));
      }
      pager.setSchemaCookie(1);
      try (TableCursor t = BTree.openTable(pager, root)) {
        for (int i = 1; i <= 3000; i++) {
          t.insert(i, Records.encode(i, text(i)));
        }
      }
      pager.commit();
      assertTrue(pager.pageCount() > 1000, "pages " + pager.pageCount());
      pager.beginWrite();
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        assertTrue(schema.delete(1));
      }
      BTree.dropTable(pager, root);
      pager.setSchemaCookie(2);
      pager.commit();
      assertEquals(pager.pageCount() - 1, pager.freelistCount());
    }
    assertEquals("ok", Sqlite.integrityCheck(f));
    Sqlite.execute(f, "create table u(x)",
        "with recursive c(i) as (select 1 union all select i+1 from c where i < 2000)"
            + " insert into u select printf('%.*c', i % 700, 'y') from c");
    assertEquals("ok", Sqlite.integrityCheck(f));
    try (Pager pager = Pager.open(DiskFile.open(f, false), new PagerOptions(512, false))) {
      int uRoot = (int) Sqlite.queryLong(f, "select rootpage from sqlite_schema where name = 'u'");
      try (TableCursor t = BTree.openTable(pager, uRoot)) {
        assertEquals(2000, t.count());
      }
    }
  }

  /** The blob length that makes Records.encode(5, blob) exactly {@code total} bytes long. */
  private static int blobLength(int total) {
    int len = total;
    while (Records.encode(5, new byte[len]).length > total) {
      len--;
    }
    return len;
  }

  private static Object textBytes(byte[] record) {
    return ((String) Records.decode(record).get(1)).getBytes(StandardCharsets.UTF_8);
  }
}
