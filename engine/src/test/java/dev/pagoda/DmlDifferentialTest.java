package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagoda.spi.Value;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A random script of INSERT (every conflict clause, VALUES and SELECT), UPDATE (indexed columns,
 * the rowid) and DELETE statements, inside and outside transactions, run on Pagoda and on SQLite
 * (sqlite-jdbc): every statement must succeed or fail alike (same message, same change count),
 * and at the end the tables hold the same rows, every index the same entries in the same order
 * (read by SQLite from both files), and SQLite's integrity_check passes on Pagoda's file.
 *
 * <p>Column references in WHERE clauses carry a unary {@code +}, which keeps SQLite from using
 * an index: an UPDATE whose rows conflict with each other (OR IGNORE, OR REPLACE) gives results
 * that depend on the order it visits the rows, and Pagoda always visits them in rowid order.
 */
class DmlDifferentialTest {
  @TempDir Path dir;

  private static final String[] SCHEMA = {
    "CREATE TABLE t(id INTEGER PRIMARY KEY, a, b TEXT, c REAL, d INTEGER NOT NULL DEFAULT 0, e)",
    "CREATE UNIQUE INDEX t_a ON t(a)",
    "CREATE INDEX t_bc ON t(b, c DESC)",
    "CREATE UNIQUE INDEX t_de ON t(d, e)",
    "CREATE TABLE n(x, y CHECK (y IS NULL OR y <> 'bad'), z NUMERIC)",
    "CREATE INDEX n_x ON n(x)",
    "CREATE UNIQUE INDEX n_yz ON n(z, y)",
    "CREATE TABLE u(k TEXT PRIMARY KEY, v UNIQUE ON CONFLICT IGNORE, "
        + "w INT UNIQUE ON CONFLICT REPLACE, x NOT NULL ON CONFLICT REPLACE DEFAULT 'dx', "
        + "CHECK (w IS NULL OR w < 25))",
    "CREATE INDEX u_x ON u(x)",
  };

  /** Each index and the columns a covering scan of it reads. */
  private static final String[][] INDEXES = {
    {"t", "t_a", "a"}, {"t", "t_bc", "b, c"}, {"t", "t_de", "d, e"},
    {"n", "n_x", "x"}, {"n", "n_yz", "z, y"},
    {"u", "sqlite_autoindex_u_1", "k"}, {"u", "sqlite_autoindex_u_2", "v"},
    {"u", "sqlite_autoindex_u_3", "w"}, {"u", "u_x", "x"},
  };

  private static final String[] CONFLICT = {
    "INSERT", "INSERT", "INSERT", "INSERT OR REPLACE", "REPLACE", "INSERT OR IGNORE",
    "INSERT OR FAIL", "INSERT OR ABORT", "INSERT OR ROLLBACK",
  };

  private static final String[] UPDATE_CONFLICT = {
    "UPDATE", "UPDATE", "UPDATE OR REPLACE", "UPDATE OR IGNORE", "UPDATE OR FAIL",
  };

  private Random random;

  private String value() {
    return switch (random.nextInt(9)) {
      case 0 -> "NULL";
      case 1, 2 -> Integer.toString(random.nextInt(30) - 5);
      case 3 -> (random.nextInt(20) / 2.0) + "";
      case 4, 5 -> "'k" + random.nextInt(25) + "'";
      case 6 -> "'" + random.nextInt(12) + "'";
      case 7 -> "X'" + HexFormat.of().formatHex(new byte[] {(byte) random.nextInt(4)}) + "'";
      default -> random.nextBoolean() ? "'bad'" : "-" + random.nextInt(3) + ".5";
    };
  }

  private String id() {
    return random.nextInt(4) == 0 ? "NULL" : Integer.toString(random.nextInt(40) + 1);
  }

  private String statement() {
    return switch (random.nextInt(18)) {
      case 14, 15 -> pick(CONFLICT) + " INTO u VALUES (" + value() + ", " + value() + ", "
          + value() + ", " + value() + ")";
      case 16 -> pick(UPDATE_CONFLICT) + " u SET w = w + 1, v = " + value() + ", x = " + value()
          + " WHERE +k > " + value();
      case 17 -> random.nextBoolean()
          ? "DELETE FROM u WHERE v IS " + value()
          : pick(UPDATE_CONFLICT) + " u SET k = v, rowid = rowid * 2 WHERE +w IS NOT NULL";
      case 0, 1, 2 -> {
        StringBuilder sb = new StringBuilder(pick(CONFLICT)).append(" INTO t VALUES ");
        int rows = 1 + random.nextInt(3);
        for (int r = 0; r < rows; r++) {
          sb.append(r > 0 ? ", " : "").append('(').append(id()).append(", ").append(value())
              .append(", ").append(value()).append(", ").append(value()).append(", ")
              .append(random.nextInt(5) == 0 ? "NULL" : Integer.toString(random.nextInt(6)))
              .append(", ").append(value()).append(')');
        }
        yield sb.toString();
      }
      case 3 -> pick(CONFLICT) + " INTO t(a, e) VALUES (" + value() + ", " + value() + ")";
      case 4 -> pick(CONFLICT) + " INTO n VALUES (" + value() + ", " + value() + ", "
          + value() + ")";
      case 5 -> pick(CONFLICT) + " INTO n(rowid, x, z) VALUES (" + id() + ", " + value() + ", "
          + value() + ")";
      case 6 -> pick(CONFLICT) + " INTO t(a, b, d) SELECT x, y, rowid FROM n WHERE rowid % 3 = "
          + random.nextInt(3);
      case 7 -> pick(UPDATE_CONFLICT) + " t SET a = " + value() + " WHERE +id % 7 = "
          + random.nextInt(7);
      case 8 -> pick(UPDATE_CONFLICT) + " t SET id = id + " + (random.nextInt(7) - 3)
          + " WHERE +a IS NOT NULL AND +id > " + random.nextInt(30);
      case 9 -> pick(UPDATE_CONFLICT) + " t SET b = c, c = b, d = d + 1 WHERE +d = "
          + random.nextInt(6);
      case 10 -> pick(UPDATE_CONFLICT) + " n SET (y, z) = (" + value() + ", x), rowid = rowid + "
          + random.nextInt(3) + " WHERE +x < " + value();
      case 11 -> "DELETE FROM t WHERE +id % 5 = " + random.nextInt(5) + " OR a = " + value();
      case 12 -> "DELETE FROM n WHERE +z IS NULL OR +x > " + value();
      default -> pick(UPDATE_CONFLICT) + " t SET id = a WHERE +b IS " + value();
    };
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void randomScript_sameOutcomesRowsAndIndexes(long seed) throws SQLException {
    random = new Random(seed);
    Path pagodaFile = dir.resolve("pagoda.db");
    Path sqliteFile = dir.resolve("sqlite.db");
    try (Database db = Database.open(pagodaFile);
        Connection pagoda = db.connect();
        java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      try (Statement s = sqlite.createStatement()) {
        s.execute("PRAGMA synchronous = OFF");
      }
      for (String ddl : SCHEMA) {
        run(pagoda, sqlite, ddl);
      }
      for (int i = 0; i < 400; i++) {
        String sql;
        int r = random.nextInt(40);
        if (r == 0) {
          sql = "BEGIN";
        } else if (r == 1) {
          sql = "COMMIT";
        } else if (r == 2) {
          sql = "ROLLBACK";
        } else {
          sql = statement();
        }
        run(pagoda, sqlite, sql);
      }
      if (!pagoda.isAutoCommit()) {
        run(pagoda, sqlite, "COMMIT");
      }
      for (String table : new String[] {"t", "n", "u"}) {
        assertEquals(sorted(sqliteRows(sqlite, "SELECT rowid, * FROM " + table)),
            sorted(pagodaRows(pagoda, "SELECT rowid, * FROM " + table)), table);
      }
    }
    try (java.sql.Connection fromPagoda = DriverManager.getConnection("jdbc:sqlite:" + pagodaFile);
        java.sql.Connection fromSqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      assertEquals(List.of("TEXT:ok"), sqliteRows(fromPagoda, "PRAGMA integrity_check"));
      for (String[] index : INDEXES) {
        String sql = "SELECT " + index[2] + ", rowid FROM " + index[0] + " INDEXED BY " + index[1];
        assertEquals(sqliteRows(fromSqlite, sql), sqliteRows(fromPagoda, sql), index[1]);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void sqliteFileWithConstraintsAndViews_pagodaWrites_sqliteChecksOk() throws SQLException {
    Path file = dir.resolve("from-sqlite.db");
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE p(k TEXT PRIMARY KEY, v UNIQUE, w CHECK (w <> 0), UNIQUE(v, w))");
      s.execute("CREATE VIEW pv AS SELECT k, v FROM p");
      s.execute("INSERT INTO p VALUES ('a', 1, 1), ('b', 2, 2), ('c', NULL, 3)");
    }
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("INSERT INTO p VALUES ('d', 4, 4)");
      assertEquals("UNIQUE constraint failed: p.v", assertThrows(PagodaException.class,
          () -> conn.execute("INSERT INTO p VALUES ('e', 1, 5)")).getMessage());
      assertEquals("UNIQUE constraint failed: p.k", assertThrows(PagodaException.class,
          () -> conn.execute("INSERT INTO p VALUES ('a', 9, 9)")).getMessage());
      assertEquals("CHECK constraint failed: w <> 0", assertThrows(PagodaException.class,
          () -> conn.execute("UPDATE p SET w = 0")).getMessage());
      conn.execute("REPLACE INTO p VALUES ('b', 4, 7)");
      conn.execute("UPDATE p SET v = v + 10 WHERE v IS NOT NULL");
      conn.execute("DELETE FROM p WHERE k = 'c'");
      assertEquals("cannot modify pv because it is a view", assertThrows(PagodaException.class,
          () -> conn.execute("DELETE FROM pv")).getMessage());
      conn.execute("CREATE VIEW pw AS SELECT w FROM p");
      conn.execute("REINDEX p");
    }
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertEquals(List.of("TEXT:ok"), sqliteRows(c, "PRAGMA integrity_check"));
      assertEquals(List.of("TEXT:a | INTEGER:11", "TEXT:b | INTEGER:14"),
          sqliteRows(c, "SELECT * FROM pv ORDER BY k"));
      assertEquals(List.of("INTEGER:1", "INTEGER:7"), sqliteRows(c, "SELECT * FROM pw ORDER BY w"));
    }
  }

  /** Runs {@code sql} on both; both must succeed with the same change count or fail alike. */
  private static void run(Connection pagoda, java.sql.Connection sqlite, String sql) {
    String expected;
    try (Statement s = sqlite.createStatement()) {
      s.execute(sql);
      expected = "ok " + s.getUpdateCount();
    } catch (SQLException e) {
      String m = e.getMessage();
      expected = "error " + m.substring(m.indexOf('(') + 1, m.length() - 1);
    }
    String actual;
    try (PreparedStatement ps = pagoda.prepare(sql)) {
      actual = "ok " + ps.executeUpdate();
    } catch (PagodaException e) {
      actual = "error " + e.getMessage();
    }
    if (expected.startsWith("ok") && isControl(sql)) {
      expected = "ok 0"; // sqlite-jdbc reports the last statement's count for BEGIN and COMMIT
    }
    assertEquals(expected, actual, sql);
    OUTCOMES.merge(actual.startsWith("ok") ? "ok" : actual, 1, Integer::sum);
  }

  /** How often each outcome occurred, to show the script exercises what it should. */
  private static final java.util.Map<String, Integer> OUTCOMES = new java.util.TreeMap<>();

  @org.junit.jupiter.api.AfterAll
  static void printOutcomes() {
    System.out.println("DmlDifferentialTest outcomes: " + OUTCOMES);
  }

  private static boolean isControl(String sql) {
    return sql.startsWith("BEGIN") || sql.startsWith("COMMIT") || sql.startsWith("ROLLBACK")
        || sql.startsWith("CREATE");
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    copy.sort(null);
    return copy;
  }

  private static List<String> sqliteRows(java.sql.Connection c, String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          Object o = rs.getObject(i);
          Value v;
          if (o == null) {
            v = Value.NULL;
          } else if (o instanceof Integer x) {
            v = Value.of(x.longValue());
          } else if (o instanceof Long x) {
            v = Value.of(x);
          } else if (o instanceof Double x) {
            v = Value.of(x);
          } else if (o instanceof String x) {
            v = Value.of(x);
          } else {
            v = Value.of((byte[]) o);
          }
          sb.append(i > 1 ? " | " : "").append(render(v));
        }
        out.add(sb.toString());
      }
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
    return out;
  }

  private static List<String> pagodaRows(Connection c, String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepare(sql); Rows rows = ps.query()) {
      while (rows.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.columnCount(); i++) {
          sb.append(i > 0 ? " | " : "").append(render(rows.get(i)));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private static String render(Value v) {
    if (v instanceof Value.Blob b) {
      return "blob:" + HexFormat.of().formatHex(b.bytes());
    }
    return v.storageClass() + ":" + v;
  }
}
