package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.ResultCode;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that SQLite writes, at every page size, with overflow rows, indexes and a freelist left by
 * large deletes, read back through Pagoda's SQL exactly as SQLite reads them; rows Pagoda then
 * adds keep the file valid for SQLite.
 */
class SqliteFilesTest {
  @TempDir Path dir;

  private static List<String> sqliteRows(Path file, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          Object o = rs.getObject(i);
          sb.append(i > 1 ? "|" : "").append(o instanceof byte[] b ? hex(b) : String.valueOf(o));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private static List<String> pagodaRows(Path file, String sql) {
    List<String> out = new ArrayList<>();
    try (Database db = Database.open(file);
        Connection conn = db.connect();
        PreparedStatement ps = conn.prepare(sql);
        Rows r = ps.query()) {
      while (r.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.columnCount(); i++) {
          String text = switch (r.type(i)) {
            case NULL -> "null";
            case INTEGER -> Long.toString(r.getLong(i));
            case REAL -> Double.toString(r.getDouble(i));
            case TEXT -> r.getString(i);
            case BLOB -> hex(r.getBytes(i));
          };
          sb.append(i > 0 ? "|" : "").append(text);
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder("x'");
    for (byte x : b) {
      sb.append(String.format("%02x", x));
    }
    return sb.append('\'').toString();
  }

  private static void build(Path file, int pageSize) throws SQLException {
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = " + pageSize);
      s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB, n INT)");
      s.execute("CREATE UNIQUE INDEX t_name ON t(name)");
      s.execute("CREATE INDEX t_multi ON t(n, score DESC)");
      s.execute("BEGIN");
      s.execute("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 3000) "
          + "INSERT INTO t(name, score, data, n) SELECT "
          + "CASE WHEN i % 101 = 0 THEN printf('%.*c', 3000 + i, 'w') || i ELSE 'n' || i END, "
          + "CASE WHEN i % 3 = 0 THEN NULL ELSE i * 0.25 END, randomblob(i % 17), i % 50 FROM k");
      s.execute("COMMIT");
      s.execute("DELETE FROM t WHERE id % 4 = 0 OR id BETWEEN 1000 AND 1800");
    }
  }

  @Test
  void autoVacuumFile_readsBackAndRefusesWritesClearly() throws SQLException {
    Path file = dir.resolve("autovacuum.db");
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = 1024");
      s.execute("PRAGMA auto_vacuum = FULL");
      s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
      s.execute("CREATE INDEX t_v ON t(v)");
      s.execute("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 2000) "
          + "INSERT INTO t(v) SELECT printf('%.*c', i % 300, 'q') || i FROM k");
      s.execute("DELETE FROM t WHERE id % 3 = 0");
    }
    assertEquals(List.of("1"), sqliteRows(file, "PRAGMA auto_vacuum"));
    assertEquals(sqliteRows(file, "SELECT id, v FROM t ORDER BY id"), pagodaRows(file, "SELECT id, v FROM t"));

    try (Database db = Database.open(file); Connection conn = db.connect()) {
      PagodaException e = assertThrows(PagodaException.class,
          () -> conn.execute("INSERT INTO t(v) VALUES ('x')"));
      assertEquals(ResultCode.READONLY, e.code());
      assertTrue(e.getMessage().contains("auto-vacuum"), e.getMessage());
    }
    assertEquals(List.of("ok"), sqliteRows(file, "PRAGMA integrity_check"));
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {512, 1024, 4096, 65536})
  void sqliteFile_readsBackIdentically_andStaysValidAfterPagodaInserts(int pageSize)
      throws SQLException {
    Path file = dir.resolve("p" + pageSize + ".db");
    build(file, pageSize);
    assertEquals(List.of(String.valueOf(pageSize)), sqliteRows(file, "PRAGMA page_size"));
    String query = "SELECT id, name, score, data, n FROM t";

    assertEquals(sqliteRows(file, query + " ORDER BY id"), pagodaRows(file, query));

    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("INSERT INTO t(name, score, data, n) VALUES ('added', 1.5, x'00ff', 7)");
      conn.execute("INSERT INTO t(name, score, data, n) VALUES ('" + "y".repeat(5000) + "', NULL, NULL, 8)");
    }
    assertEquals(List.of("ok"), sqliteRows(file, "PRAGMA integrity_check"));
    assertEquals(sqliteRows(file, query + " ORDER BY id"), pagodaRows(file, query));
  }
}
