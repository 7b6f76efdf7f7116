package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagoda.spi.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by Pagoda open in real SQLite (through sqlite-jdbc) with integrity_check = ok and
 * the same rows; files written by SQLite read back identically in Pagoda.
 */
class FileInteropTest {
  @TempDir Path dir;

  /** A row as typed values, in column order. */
  private static List<Value> sqliteRow(ResultSet rs, int width) throws SQLException {
    List<Value> row = new ArrayList<>();
    for (int i = 1; i <= width; i++) {
      Object o = rs.getObject(i);
      if (o == null) {
        row.add(Value.NULL);
      } else if (o instanceof Integer n) {
        row.add(Value.of(n.longValue()));
      } else if (o instanceof Long n) {
        row.add(Value.of(n));
      } else if (o instanceof Double d) {
        row.add(Value.of(d));
      } else if (o instanceof String s) {
        row.add(Value.of(s));
      } else if (o instanceof byte[] b) {
        row.add(Value.of(b));
      } else {
        throw new AssertionError("unexpected " + o.getClass());
      }
    }
    return row;
  }

  /** Asserts equal row lists, reporting the first differing row rather than every row. */
  private static void assertSameRows(List<List<Value>> expected, List<List<Value>> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), "row " + i);
    }
    assertEquals(expected.size(), actual.size(), "row count");
  }

  private static List<List<Value>> readWithSqlite(Path file, String sql, int width)
      throws SQLException {
    List<List<Value>> rows = new ArrayList<>();
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(sqliteRow(rs, width));
      }
    }
    return rows;
  }

  private static String integrityCheck(Path file) throws SQLException {
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      StringBuilder sb = new StringBuilder();
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
      return sb.toString().strip();
    }
  }

  private static List<List<Value>> readWithPagoda(Path file, String sql) {
    List<List<Value>> rows = new ArrayList<>();
    try (Database db = Database.open(file);
        Connection conn = db.connect();
        PreparedStatement ps = conn.prepare(sql);
        Rows r = ps.query()) {
      while (r.next()) {
        List<Value> row = new ArrayList<>();
        for (int i = 0; i < r.columnCount(); i++) {
          row.add(r.get(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Rows of (id, name, score, data) with long texts now and then, to force overflow pages. */
  private static List<List<Value>> sampleRows(int count, long seed) {
    Random random = new Random(seed);
    List<List<Value>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String name = i % 37 == 0 ? "long-" + "x".repeat(3000 + random.nextInt(9000)) : "name " + i;
      Value score = i % 5 == 0 ? Value.NULL : Value.of(random.nextInt(100000) / 4.0);
      byte[] data = new byte[random.nextInt(20)];
      random.nextBytes(data);
      rows.add(List.of(Value.of((long) i), Value.of(name), score, Value.of(data)));
    }
    return rows;
  }

  @Test
  void pagodaWrites_sqliteReadsSameRowsAndIntegrityOk() throws SQLException {
    Path file = dir.resolve("pagoda.db");
    List<List<Value>> expected = sampleRows(600, 1);
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE doomed(x)");
      conn.execute("INSERT INTO doomed VALUES ('" + "z".repeat(5000) + "'), (1), (2)");
      conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB)");
      try (PreparedStatement ps = conn.prepare("INSERT INTO t VALUES (?, ?, ?, ?)")) {
        for (List<Value> row : expected) {
          for (int i = 0; i < 4; i++) {
            ps.bind(i + 1, row.get(i));
          }
          ps.executeUpdate();
        }
      }
      conn.execute("DROP TABLE doomed");
      conn.execute("CREATE TABLE after_drop(y TEXT)");
      conn.execute("INSERT INTO after_drop VALUES ('reuses freed pages')");
    }

    assertEquals("ok", integrityCheck(file));
    assertSameRows(expected, readWithSqlite(file, "SELECT id, name, score, data FROM t ORDER BY id", 4));
    assertEquals(List.of(List.of(Value.of("reuses freed pages"))),
        readWithSqlite(file, "SELECT y FROM after_drop", 1));
  }

  @Test
  void sqliteWrites_pagodaReadsSameRows() throws SQLException {
    Path file = dir.resolve("sqlite.db");
    List<List<Value>> expected = sampleRows(400, 2);
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB)");
      }
      try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)")) {
        for (List<Value> row : expected) {
          ps.setLong(1, ((Value.Int) row.get(0)).value());
          ps.setString(2, ((Value.Text) row.get(1)).value());
          if (row.get(2) instanceof Value.Real r) {
            ps.setDouble(3, r.value());
          } else {
            ps.setNull(3, java.sql.Types.REAL);
          }
          ps.setBytes(4, ((Value.Blob) row.get(3)).bytes());
          ps.executeUpdate();
        }
      }
      c.commit();
    }

    assertSameRows(expected, readWithPagoda(file, "SELECT id, name, score, data FROM t"));
    assertEquals(List.of(List.of(Value.of(400L))),
        readWithPagoda(file, "SELECT id FROM t WHERE id >= 400"));
  }

  @Test
  void failedStatements_leaveFileBytesUnchanged() throws IOException {
    Path file = dir.resolve("unchanged.db");
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b NOT NULL)");
      conn.execute("INSERT INTO t VALUES (1, 'x')");
    }
    byte[] before = Files.readAllBytes(file);
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      assertThrows(PagodaException.class, () -> conn.execute("SELEC * FROM t"));
      assertThrows(PagodaException.class, () -> conn.execute("INSERT INTO nope VALUES (1)"));
      assertThrows(PagodaException.class, () -> conn.execute("SELECT * FROM nope"));
      assertThrows(PagodaException.class,
          () -> conn.execute("INSERT INTO t VALUES (2, 'y'), (3, NULL)"));
      assertThrows(PagodaException.class, () -> conn.execute("INSERT INTO t VALUES (1, 'dup')"));
      assertThrows(PagodaException.class, () -> conn.execute("CREATE TABLE t(z)"));
    }
    assertArrayEquals(before, Files.readAllBytes(file));
  }
}
