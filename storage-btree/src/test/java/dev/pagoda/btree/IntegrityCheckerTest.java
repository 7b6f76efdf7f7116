package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.btree.IntegrityChecker.Root;
import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IntegrityChecker} on sound files: written by real SQLite and by Pagoda; and its API. */
class IntegrityCheckerTest {
  @TempDir Path dir;

  /** The roots sqlite_schema lists; WITHOUT ROWID tables and indexes are index b-trees. */
  static List<Root> rootsOf(Path f) throws SQLException {
    List<Root> roots = new ArrayList<>();
    for (List<Object> row : Sqlite.query(f, "SELECT type, rootpage, sql FROM sqlite_schema WHERE rootpage > 0")) {
      int root = ((Number) row.get(1)).intValue();
      boolean index = "index".equals(row.get(0))
          || String.valueOf(row.get(2)).toUpperCase(java.util.Locale.ROOT).contains("WITHOUT ROWID");
      roots.add(index ? Root.index(root, RecordOrder.INSTANCE) : Root.table(root));
    }
    return roots;
  }

  static Pager openReadOnly(Path f) {
    return Pager.open(DiskFile.open(f, true), new PagerOptions(4096, true));
  }

  /** A file exercising every structure: overflow, indexes, WITHOUT ROWID, freeblocks, freelist. */
  static void writeWithSqlite(Path f, int pageSize, String autoVacuum) throws SQLException {
    try (Connection c = Sqlite.open(f);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = " + pageSize);
      s.execute("PRAGMA auto_vacuum = " + autoVacuum);
      s.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c BLOB)");
      s.execute("CREATE INDEX tb ON t(b)");
      s.execute("CREATE INDEX tcb ON t(c, b)");
      s.execute("CREATE TABLE w(k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID");
      s.execute("CREATE TABLE u(x UNIQUE, y)");
      c.setAutoCommit(false);
      Random rnd = new Random(pageSize);
      try (PreparedStatement t = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)");
          PreparedStatement w = c.prepareStatement("INSERT INTO w VALUES (?, ?)");
          PreparedStatement u = c.prepareStatement("INSERT INTO u VALUES (?, ?)")) {
        for (int i = 1; i <= 1200; i++) {
          int len = i % 61 == 0 ? 3 * pageSize + rnd.nextInt(pageSize) : rnd.nextInt(120);
          t.setInt(1, i * 3);
          t.setString(2, "b" + i + "#".repeat(len));
          t.setBytes(3, new byte[rnd.nextInt(i % 97 == 0 ? 2 * pageSize : 60)]);
          t.executeUpdate();
          w.setString(1, "key" + rnd.nextInt(1_000_000) + "-" + i);
          w.setInt(2, i);
          w.executeUpdate();
          u.setDouble(1, i * 1.5);
          u.setString(2, "y".repeat(i % 300));
          u.executeUpdate();
        }
      }
      s.execute("DELETE FROM t WHERE a % 5 = 1");
      s.execute("DELETE FROM u WHERE rowid BETWEEN 100 AND 900");
      c.commit();
    }
  }

  @ParameterizedTest(name = "pageSize={0} auto_vacuum={1}")
  @CsvSource({"512, none", "1024, none", "4096, none", "8192, none", "65536, none", "1024, full",
      "4096, incremental"})
  void sqliteWrittenFile_withIndexesOverflowAndFreelist_checksClean(int pageSize, String autoVacuum)
      throws Exception {
    Path f = dir.resolve("s" + pageSize + autoVacuum + ".db");
    writeWithSqlite(f, pageSize, autoVacuum);
    assertEquals("ok", Sqlite.integrityCheck(f));
    assertTrue(Sqlite.queryLong(f, "PRAGMA freelist_count") > 0 || !"none".equals(autoVacuum),
        "the deletes should leave free pages");
    try (Pager pager = openReadOnly(f)) {
      assertEquals(List.of(), IntegrityChecker.check(pager, rootsOf(f), 100));
    }
  }

  @Test
  void report_countsTableRowsAndIndexEntries_perRoot() throws Exception {
    Path f = dir.resolve("counts.db");
    writeWithSqlite(f, 1024, "none");
    List<Root> roots = rootsOf(f);
    int t = (int) Sqlite.queryLong(f, "SELECT rootpage FROM sqlite_schema WHERE name = 't'");
    int tb = (int) Sqlite.queryLong(f, "SELECT rootpage FROM sqlite_schema WHERE name = 'tb'");
    try (Pager pager = openReadOnly(f)) {
      IntegrityChecker.Report report = IntegrityChecker.run(pager, roots, 100);
      assertTrue(report.ok(), report.errors()::toString);
      long rows = Sqlite.queryLong(f, "SELECT count(*) FROM t");
      assertEquals(Sqlite.queryLong(f, "SELECT count(*) FROM sqlite_schema"), report.entries().get(0));
      for (int i = 0; i < roots.size(); i++) {
        if (roots.get(i).page() == t || roots.get(i).page() == tb) {
          assertEquals(rows, report.entries().get(i + 1), "root " + roots.get(i).page());
        }
      }
    }
  }

  @ParameterizedTest(name = "seed={0} pageSize={1}")
  @CsvSource({"1, 512", "2, 1024", "3, 4096", "4, 65536"})
  void pagodaWrittenFile_randomWorkload_checksClean_andSqliteAgrees(long seed, int pageSize) throws Exception {
    Path f = dir.resolve("p" + seed + ".db");
    Random rnd = new Random(seed);
    List<Root> roots = new ArrayList<>();
    try (Pager pager = Pager.open(DiskFile.open(f, false), new PagerOptions(pageSize, false))) {
      pager.beginWrite();
      int table = BTree.createTable(pager);
      int index = BTree.createIndex(pager);
      int dropped = BTree.createTable(pager);
      try (TableCursor schema = BTree.openTable(pager, 1)) {
        schema.insert(1, Records.encode("table", "t", "t", table, "CREATE TABLE t(a,b)"));
        schema.insert(2, Records.encode("index", "tb", "t", index, "CREATE INDEX tb ON t(b)"));
      }
      pager.setSchemaCookie(1);
      roots.add(Root.table(table));
      roots.add(Root.index(index, RecordOrder.INSTANCE));
      TreeMap<Long, String> rows = new TreeMap<>();
      for (int round = 0; round < 4; round++) {
        randomRound(pager, table, index, rows, rnd, pageSize);
        randomRound(pager, dropped, 0, new TreeMap<>(), rnd, pageSize);
      }
      BTree.dropTable(pager, dropped);
      pager.commit();
      assertEquals(List.of(), IntegrityChecker.check(pager, roots, 100));
    }
    assertEquals("ok", Sqlite.integrityCheck(f));
  }

  /** Random inserts, replaces and deletes of rows (a, b) in table {@code table} and index (b, rowid). */
  private static void randomRound(
      Pager pager, int table, int index, Map<Long, String> rows, Random rnd, int pageSize) {
    try (TableCursor t = BTree.openTable(pager, table)) {
      for (int i = 0; i < 400; i++) {
        long rowid = rnd.nextInt(2000) - 100L;
        String old = rows.remove(rowid);
        if (old != null && index != 0) {
          try (IndexCursor ix = BTree.openIndex(pager, index, RecordOrder.INSTANCE)) {
            assertTrue(ix.delete(Records.encode(old, rowid)));
          }
        }
        if (rnd.nextInt(4) == 0) {
          t.delete(rowid);
          continue;
        }
        int len = rnd.nextInt(20) == 0 ? pageSize * (1 + rnd.nextInt(3)) + rnd.nextInt(pageSize) : rnd.nextInt(200);
        String b = rnd.nextInt(1000) + "v".repeat(len);
        t.insert(rowid, Records.encode(rowid, b));
        rows.put(rowid, b);
        if (index != 0) {
          try (IndexCursor ix = BTree.openIndex(pager, index, RecordOrder.INSTANCE)) {
            ix.insert(Records.encode(b, rowid));
          }
        }
      }
    }
  }

  @Test
  void newEmptyDatabase_checksClean() {
    try (Pager pager = Pager.open(new MemoryFile(), PagerOptions.defaults())) {
      IntegrityChecker.Report report = IntegrityChecker.run(pager, List.of(), 100);
      assertEquals(List.of(), report.errors());
      assertEquals(List.of(0L), report.entries(), "sqlite_schema is checked even when not listed");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void maxErrors_mustBePositive(int maxErrors) {
    try (Pager pager = Pager.open(new MemoryFile(), PagerOptions.defaults())) {
      assertThrows(IllegalArgumentException.class, () -> IntegrityChecker.check(pager, List.of(), maxErrors));
    }
  }

  @Test
  void root_comparatorOnATable_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Root(2, false, RecordOrder.INSTANCE));
  }

  @Test
  void rootOutOfRange_isReportedAsInvalidPageNumber_notThrown() {
    try (Pager pager = Pager.open(new MemoryFile(), PagerOptions.defaults())) {
      assertEquals(List.of("invalid page number 99", "invalid page number 4294967295"),
          IntegrityChecker.check(pager, List.of(Root.table(99), Root.index(-1)), 100));
    }
  }

  @Test
  void sameRootListedTwice_isA2ndReference() throws Exception {
    Path f = dir.resolve("twice.db");
    writeWithSqlite(f, 4096, "none");
    List<Root> roots = new ArrayList<>(rootsOf(f));
    roots.add(roots.get(0));
    try (Pager pager = openReadOnly(f)) {
      assertEquals(List.of("2nd reference to page " + roots.get(0).page()),
          IntegrityChecker.check(pager, roots, 100));
    }
  }

  @Test
  void indexListedAsTable_isReportedAsTheWrongPageKind() throws Exception {
    Path f = dir.resolve("kind.db");
    writeWithSqlite(f, 4096, "none");
    int tb = (int) Sqlite.queryLong(f, "SELECT rootpage FROM sqlite_schema WHERE name = 'tb'");
    List<Root> roots = new ArrayList<>();
    for (Root r : rootsOf(f)) {
      roots.add(r.page() == tb ? Root.table(tb) : r);
    }
    try (Pager pager = openReadOnly(f)) {
      List<String> errors = IntegrityChecker.check(pager, roots, 100);
      assertTrue(errors.get(0).startsWith("Tree " + tb + " page " + tb + ": index b-tree page (type 0x0"),
          errors::toString);
    }
  }
}
