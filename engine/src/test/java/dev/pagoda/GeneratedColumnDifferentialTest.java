package dev.pagoda;

import static dev.pagoda.ScriptComparison.Codes.EXTENDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated columns ({@code AS (expr) [VIRTUAL|STORED]}) on Pagoda and on SQLite (sqlite-jdbc),
 * each on its own file: every statement must succeed alike (the same change count, the same rows
 * for a query) or fail with the same result code and message; at the end SQLite reads both files
 * alike and Pagoda's passes its integrity check. Files cross both ways: one SQLite wrote with
 * VIRTUAL columns between stored ones (so the record field of a column is not its index) is read
 * and written by Pagoda, and SQLite reads it back.
 */
class GeneratedColumnDifferentialTest {
  @TempDir Path dir;

  private static final String T = "CREATE TABLE t(a INTEGER PRIMARY KEY, b, v AS (b * 2), "
      + "s INT AS (b + 1) STORED, c TEXT, w AS (c || '-' || v) VIRTUAL)\n"
      + "INSERT INTO t(b, c) VALUES (1, 'x'), (2, 'y'), (NULL, 'z'), (5, NULL)\n";

  static Stream<String> scripts() {
    return Stream.of(
        // virtual and stored, SELECT *, rowid, typeof
        T + "SELECT * FROM t\nSELECT rowid, typeof(v), typeof(s), typeof(w) FROM t",
        T + "SELECT a, v, s, w FROM t WHERE v > 2 ORDER BY w DESC",
        T + "SELECT sum(v), max(s), group_concat(w) FROM t",
        T + "SELECT * FROM t ORDER BY s DESC, v",
        // UPDATE of base columns recomputes both kinds
        T + "UPDATE t SET b = b * 10 WHERE a < 3\nSELECT * FROM t\nUPDATE t SET c = 'q'\n"
            + "SELECT * FROM t",
        T + "UPDATE t SET a = a + 10 WHERE b = 2\nSELECT * FROM t",
        T + "DELETE FROM t WHERE v = 4\nSELECT * FROM t\nDELETE FROM t WHERE w IS NULL\n"
            + "SELECT * FROM t",
        // chains, in any declaration order
        "CREATE TABLE t(x, c AS (b + 1), b AS (a * 10) STORED, a AS (x + 1))\n"
            + "INSERT INTO t VALUES (1), (2)\nSELECT * FROM t\nUPDATE t SET x = 5 WHERE x = 1\n"
            + "SELECT * FROM t",
        "CREATE TABLE t(x, y, d AS (c || '!'), c AS (b || a) STORED, b AS (upper(y)),"
            + " a AS (x + 0) STORED)\n"
            + "INSERT INTO t VALUES (1, 'p'), ('2', 'q')\nSELECT *, typeof(a) FROM t",
        // affinity of the declared type applies to the computed value
        "CREATE TABLE t(x, i INTEGER AS (x), r REAL AS (x), tx TEXT AS (x) STORED,"
            + " n NUMERIC AS (x) STORED, bl BLOB AS (x))\n"
            + "INSERT INTO t VALUES (1), ('2'), ('3.0'), (4.5), ('abc'), (NULL), (x'01')\n"
            + "SELECT typeof(i), i, typeof(r), r, typeof(tx), tx, typeof(n), n, typeof(bl) FROM t",
        "CREATE TABLE t(x, r REAL AS (x) STORED)\nINSERT INTO t VALUES (1), (2)\n"
            + "SELECT r, typeof(r) FROM t\nSELECT * FROM t WHERE r = 1",
        // collation of a generated column
        "CREATE TABLE t(x, g TEXT COLLATE NOCASE AS (x))\n"
            + "INSERT INTO t VALUES ('a'), ('B'), ('A'), ('b')\n"
            + "SELECT g FROM t ORDER BY g, x\nSELECT count(*) FROM t WHERE g = 'A'",
        // indexes on generated columns, kept in step; queries through them
        "CREATE TABLE t(a, v AS (abs(a)) VIRTUAL, s AS (a % 3) STORED)\n"
            + "CREATE INDEX tv ON t(v)\nCREATE INDEX ts ON t(s, v)\n"
            + "INSERT INTO t VALUES (-3), (2), (-7), (9), (-2)\n"
            + "SELECT * FROM t WHERE v = 3\nSELECT * FROM t WHERE v BETWEEN 2 AND 7 ORDER BY v\n"
            + "UPDATE t SET a = a * 2 WHERE v > 5\nSELECT * FROM t WHERE v = 14\n"
            + "SELECT * FROM t WHERE s = 1 ORDER BY v\nDELETE FROM t WHERE v = 2\n"
            + "SELECT * FROM t ORDER BY v",
        "CREATE TABLE t(a, v AS (a * 2))\nINSERT INTO t VALUES (1), (2), (3)\n"
            + "CREATE INDEX tv ON t(v)\nSELECT * FROM t WHERE v = 4\nSELECT v FROM t ORDER BY v DESC",
        "CREATE TABLE t(a, v AS (lower(a)), UNIQUE (v))\nINSERT INTO t VALUES ('X')\n"
            + "INSERT INTO t VALUES ('x')\nINSERT OR IGNORE INTO t VALUES ('x')\n"
            + "INSERT OR REPLACE INTO t VALUES ('x')\nSELECT rowid, * FROM t",
        "CREATE TABLE t(a, s AS (a + 1) STORED UNIQUE)\nINSERT INTO t VALUES (1), (2)\n"
            + "UPDATE t SET a = 2 WHERE a = 1\nUPDATE OR REPLACE t SET a = 2 WHERE a = 1\n"
            + "SELECT * FROM t",
        "CREATE TABLE t(a, v AS (a + 1))\nCREATE INDEX tx ON t(v * 2) WHERE v > 1\n"
            + "INSERT INTO t VALUES (0), (1), (2)\nSELECT * FROM t WHERE v * 2 = 6 AND v > 1",
        // NOT NULL and CHECK on generated columns
        "CREATE TABLE t(a, b NOT NULL AS (nullif(a, 1)))\nINSERT INTO t VALUES (2)\n"
            + "INSERT INTO t VALUES (1)\nINSERT OR IGNORE INTO t VALUES (1)\nUPDATE t SET a = 1\n"
            + "SELECT * FROM t",
        "CREATE TABLE t(a, b AS (a * 2) STORED CHECK (b < 10), CHECK (b > 0))\n"
            + "INSERT INTO t VALUES (1)\nINSERT INTO t VALUES (5)\nINSERT INTO t VALUES (0)\n"
            + "UPDATE t SET a = 4\nUPDATE t SET a = 7\nSELECT * FROM t",
        // INSERT forms: column lists, defaults, INSERT ... SELECT, REPLACE, rowid alias
        "CREATE TABLE t(a INTEGER PRIMARY KEY, b AS (a * 10), c DEFAULT 'd')\n"
            + "INSERT INTO t VALUES (NULL, 'x')\nINSERT INTO t(a) VALUES (7)\n"
            + "INSERT INTO t DEFAULT VALUES\nINSERT INTO t(c, a) VALUES ('y', 3)\nSELECT * FROM t",
        "CREATE TABLE t(a, b AS (a + 1), c)\nINSERT INTO t VALUES (1, 2)\n"
            + "INSERT INTO t(c, a) VALUES (5, 6)\nINSERT INTO t SELECT c, a FROM t\n"
            + "SELECT * FROM t\nREPLACE INTO t(rowid, a) VALUES (1, 100)\nSELECT rowid, * FROM t",
        "CREATE TABLE t(a, b AS (a + 1) STORED)\nCREATE TABLE u(x, y)\n"
            + "INSERT INTO t VALUES (1), (2)\nINSERT INTO u SELECT * FROM t\nSELECT * FROM u",
        // triggers see the computed values
        "CREATE TABLE t(a, b AS (a * 3), s AS (a + 1) STORED)\nCREATE TABLE log(x)\n"
            + "CREATE TRIGGER ti AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.b || ',' || new.s);"
            + " END\n"
            + "CREATE TRIGGER tu AFTER UPDATE ON t BEGIN INSERT INTO log VALUES (old.b || '>' || new.b);"
            + " END\n"
            + "CREATE TRIGGER tb BEFORE INSERT ON t BEGIN INSERT INTO log VALUES ('before ' || new.s);"
            + " END\n"
            + "INSERT INTO t VALUES (2)\nUPDATE t SET a = 5\nSELECT * FROM log",
        "CREATE TABLE t(a, b AS (a * 3), s AS (a + 1) STORED)\nCREATE TABLE log(x)\n"
            + "CREATE TRIGGER tb BEFORE UPDATE ON t BEGIN INSERT INTO log VALUES (old.b || '>' || new.b"
            + " || ',' || new.s); END\n"
            + "INSERT INTO t VALUES (2)\nUPDATE t SET a = 5\nSELECT * FROM log\nSELECT * FROM t",
        // joins and subqueries over generated columns
        T + "CREATE TABLE u(k, g AS (k % 2))\nINSERT INTO u VALUES (2), (3), (4)\n"
            + "SELECT t.a, u.k FROM t JOIN u ON u.g = t.v % 2 ORDER BY 1, 2\n"
            + "SELECT (SELECT max(v) FROM t), (SELECT count(*) FROM u WHERE g = 1)",
        // errors: writing a generated column
        T + "INSERT INTO t(a, v) VALUES (9, 1)\nINSERT INTO t(s) VALUES (1)\n"
            + "UPDATE t SET v = 1\nUPDATE t SET b = 1, s = 2\nINSERT INTO t VALUES (1, 2, 3)\n"
            + "INSERT INTO t VALUES (1, 2, 3, 4, 5, 6)\nINSERT INTO t VALUES (8, 2, 'k')\nSELECT * FROM t",
        // errors: CREATE TABLE
        "CREATE TABLE t(a, b AS (random()))\nCREATE TABLE t(a, b AS ((SELECT 1)))\n"
            + "CREATE TABLE t(a, b AS (?))\nCREATE TABLE t(a, b AS (c))\n"
            + "CREATE TABLE t(a AS (1))\nCREATE TABLE t(a, b AS (1) DEFAULT 3)\n"
            + "CREATE TABLE t(a, b INTEGER PRIMARY KEY AS (1))\nCREATE TABLE t(a, b AS (t.a))\n"
            + "CREATE TABLE t(a, b AS (x.a))\nCREATE TABLE t(a, b AS (rowid))\n"
            + "CREATE TABLE t(a, b AS (a), PRIMARY KEY (b))\nCREATE TABLE t(a, b AS (changes()))",
        "CREATE TABLE t(a, b AS (count(a)))\nCREATE TABLE t(a, b AS (max(a) OVER ()))\n"
            + "CREATE TABLE t(a, b AS (a) STORED, c AS (b) STORED)\nSELECT * FROM t",
        // foreign keys read the record fields of child columns after a VIRTUAL one
        "PRAGMA foreign_keys = ON\nCREATE TABLE p(id INTEGER PRIMARY KEY)\n"
            + "CREATE TABLE c(x, v AS (x * 2), s AS (x + 1) STORED, pid REFERENCES p ON DELETE CASCADE)\n"
            + "INSERT INTO p VALUES (1), (2)\nINSERT INTO c(x, pid) VALUES (5, 1), (6, 2)\n"
            + "INSERT INTO c(x, pid) VALUES (7, 3)\nDELETE FROM p WHERE id = 1\nSELECT * FROM c",
        // loops are refused (SQLite 3.40 refused them only where the table is used)
        "CREATE TABLE t(a, b AS (b))\nSELECT * FROM t\nINSERT INTO t VALUES (1)",
        "CREATE TABLE t(a, b AS (c), c AS (b), d AS (a))\nINSERT INTO t VALUES (1)\n"
            + "SELECT a FROM t\nDELETE FROM t",
        // introspection
        T + "PRAGMA table_info(t)\nPRAGMA table_xinfo(t)\n"
            + "SELECT name, hidden FROM pragma_table_xinfo('t')",
        // generated columns in a transaction rolled back
        T + "BEGIN\nUPDATE t SET b = 100\nSELECT * FROM t\nROLLBACK\nSELECT * FROM t",
        // deterministic built-ins of every family
        "CREATE TABLE t(d, j, x, g1 AS (date(d, '+1 day')), g2 AS (json_extract(j, '$.k')),"
            + " g3 AS (printf('%05.1f', x)) STORED, g4 AS (coalesce(x, 'none')))\n"
            + "INSERT INTO t VALUES ('2024-01-31', '{\"k\": [1, 2]}', 3.14159), (NULL, NULL, NULL)\n"
            + "SELECT * FROM t");
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void sameOutcomes(String script) throws Exception {
    compare(script.lines().filter(l -> !l.isBlank()).toList());
  }

  /** A file SQLite wrote, with VIRTUAL columns before stored ones, read and written by Pagoda. */
  @Test
  void sqliteFileReadAndWrittenByPagoda() throws Exception {
    Path file = dir.resolve("from-sqlite.db");
    List<String> queries = List.of(
        "SELECT rowid, * FROM t ORDER BY rowid",
        "SELECT * FROM t WHERE v = 6",
        "SELECT * FROM t WHERE s > 3 ORDER BY s",
        "SELECT * FROM u ORDER BY x",
        "SELECT x, typeof(r) FROM u WHERE g = 'a1' ORDER BY x");
    List<List<String>> expected = new ArrayList<>();
    try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = sqlite.createStatement()) {
      s.execute("CREATE TABLE t(v AS (b * 3), a INTEGER PRIMARY KEY, w AS (v + 1) VIRTUAL,"
          + " b, s AS (b + w) STORED, c TEXT)");
      s.execute("CREATE INDEX tv ON t(v)");
      s.execute("INSERT INTO t(b, c) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (NULL, 'd')");
      s.execute("CREATE TABLE u(x, g AS ('a' || x), r REAL AS (x) STORED, y)");
      s.execute("INSERT INTO u(x, y) VALUES (1, 'p'), (2, 'q')");
      for (String q : queries) {
        expected.add(rows(sqlite, q));
      }
    }
    List<String> writes = List.of("INSERT INTO t(b, c) VALUES (10, 'e')",
        "UPDATE t SET b = b + 1 WHERE a = 2", "DELETE FROM t WHERE c = 'c'",
        "INSERT INTO u(y, x) VALUES ('r', 3)", "UPDATE u SET x = 7 WHERE x = 1");
    try (Database db = Database.open(file); Connection pagoda = db.connect()) {
      for (int i = 0; i < queries.size(); i++) {
        assertEquals("rows " + expected.get(i), pagodaOutcome(pagoda, queries.get(i)),
            queries.get(i));
      }
      for (String w : writes) {
        pagoda.execute(w);
      }
    }
    Path twin = dir.resolve("twin.db");
    try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + twin);
        Statement s = sqlite.createStatement();
        java.sql.Connection back = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      s.execute("ATTACH '" + file + "' AS f");
      for (String table : List.of("t", "u")) {
        s.execute("CREATE TABLE " + table + " AS SELECT rowid AS rid, * FROM f." + table);
      }
      assertEquals(List.of("Tok"), rows(back, "PRAGMA integrity_check"));
      assertEquals(rows(back, "SELECT rowid, * FROM t ORDER BY rowid").size(), 4);
    }
    try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = sqlite.createStatement();
        java.sql.Connection back = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      s.execute("CREATE TABLE t(v AS (b * 3), a INTEGER PRIMARY KEY, w AS (v + 1) VIRTUAL,"
          + " b, s AS (b + w) STORED, c TEXT)");
      s.execute("CREATE TABLE u(x, g AS ('a' || x), r REAL AS (x) STORED, y)");
      s.execute("INSERT INTO t(b, c) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (NULL, 'd')");
      s.execute("INSERT INTO u(x, y) VALUES (1, 'p'), (2, 'q')");
      for (String w : writes) {
        s.execute(w);
      }
      for (String q : List.of("SELECT rowid, * FROM t ORDER BY rowid",
          "SELECT rowid, * FROM u ORDER BY rowid", "SELECT * FROM t WHERE v = 9")) {
        assertEquals(rows(sqlite, q), rows(back, q), q);
      }
    }
  }

  /**
   * A loop among generated columns in a file (as SQLite before 3.41 let CREATE TABLE write it):
   * the schema loads, the other tables work, and any use of the table fails with SQLite's error.
   */
  @Test
  void loopInAFileIsRefusedWhereTheTableIsUsed() throws Exception {
    Path file = dir.resolve("loop.db");
    try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = sqlite.createStatement()) {
      s.execute("CREATE TABLE t(a, b, c)");
      s.execute("CREATE TABLE ok(x, y AS (x + 1))");
      s.execute("INSERT INTO ok(x) VALUES (1)");
      s.execute("PRAGMA writable_schema = ON");
      s.execute("UPDATE sqlite_schema SET sql = 'CREATE TABLE t(a, b AS (c), c AS (b))'"
          + " WHERE name = 't'");
    }
    try (Database db = Database.open(file); Connection pagoda = db.connect()) {
      assertEquals("rows [I1 | I2]", pagodaOutcome(pagoda, "SELECT * FROM ok"));
      String loop = "error 1: generated column loop on \"c\"";
      assertEquals(loop, pagodaOutcome(pagoda, "SELECT a FROM t"));
      assertEquals(loop, pagodaOutcome(pagoda, "INSERT INTO t VALUES (1)"));
      assertEquals(loop, pagodaOutcome(pagoda, "DELETE FROM t"));
    }
  }

  private void compare(List<String> script) throws Exception {
    ScriptComparison.compare(dir, script, EXTENDED);
    // and Pagoda reads SQLite's file as SQLite does
    Path sqliteFile = dir.resolve("sqlite.db");
    try (Database db = Database.open(sqliteFile); Connection pagoda = db.connect();
        java.sql.Connection fromSqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      String tables = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
      for (String table : rows(fromSqlite, tables)) {
        table = table.substring(1); // the name without its storage class
        String all = "SELECT rowid, * FROM \"" + table + "\" ORDER BY rowid";
        assertEquals(sqliteOutcome(fromSqlite, all), pagodaOutcome(pagoda, all), table);
      }
    }
  }

  private static String sqliteOutcome(java.sql.Connection sqlite, String sql) {
    return ScriptComparison.sqliteOutcome(sqlite, sql, EXTENDED);
  }

  private static String pagodaOutcome(Connection pagoda, String sql) {
    return ScriptComparison.pagodaOutcome(pagoda, sql, EXTENDED);
  }

  private static List<String> rows(java.sql.Connection c, String sql) throws SQLException {
    return ScriptComparison.rows(c, sql);
  }
}
