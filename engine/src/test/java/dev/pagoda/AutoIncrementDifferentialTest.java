package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code INTEGER PRIMARY KEY AUTOINCREMENT} against SQLite: scripts of DDL and DML compared
 * statement by statement and then table by table (with {@code sqlite_sequence}), SQLite's errors,
 * and files written by one read and extended by the other.
 */
class AutoIncrementDifferentialTest {
  @TempDir Path dir;

  private static final String T = "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, v)\n";
  private static final long MAX = Long.MAX_VALUE;

  static Stream<String> scripts() {
    return Stream.of(
        // the table appears with the first AUTOINCREMENT table, once
        T + "SELECT type, name, tbl_name, sql FROM sqlite_schema\nSELECT * FROM sqlite_sequence",
        "CREATE TABLE a(x)\nSELECT * FROM sqlite_sequence\n" + T
            + "CREATE TABLE u(id INTEGER PRIMARY KEY AUTOINCREMENT)\nSELECT name FROM sqlite_schema",
        // rowids never reuse one ever used
        T + "INSERT INTO t(v) VALUES ('a'), ('b'), ('c')\nSELECT * FROM sqlite_sequence\n"
            + "DELETE FROM t WHERE id = 3\nINSERT INTO t(v) VALUES ('d')\nDELETE FROM t\n"
            + "INSERT INTO t(v) VALUES ('e')\nSELECT * FROM t\nSELECT * FROM sqlite_sequence",
        // explicit rowids: larger ones raise seq, smaller ones leave it; negative ones
        T + "INSERT INTO t VALUES (-5, 'neg')\nSELECT * FROM sqlite_sequence\n"
            + "INSERT INTO t VALUES (10, 'x')\nINSERT INTO t VALUES (4, 'y')\n"
            + "INSERT INTO t(v) VALUES ('z')\nSELECT * FROM t\nSELECT * FROM sqlite_sequence",
        // an INSERT that inserts nothing still records the table; one with a row keeps it
        T + "INSERT INTO t SELECT 1, 2 WHERE 0\nSELECT * FROM sqlite_sequence\n"
            + "INSERT INTO t(v) SELECT 'q' WHERE 0\nSELECT * FROM sqlite_sequence",
        // seq edited by hand, as text, deleted
        T + "INSERT INTO t(v) VALUES (1)\nUPDATE sqlite_sequence SET seq = '7'\n"
            + "INSERT INTO t(v) VALUES (2)\nSELECT *, typeof(seq) FROM sqlite_sequence\n"
            + "UPDATE sqlite_sequence SET seq = 2\nINSERT INTO t(v) VALUES (3)\n"
            + "DELETE FROM sqlite_sequence\nINSERT INTO t(v) VALUES (4)\nSELECT * FROM t\n"
            + "SELECT * FROM sqlite_sequence",
        // the largest rowid: SQLITE_FULL, also after the row is gone
        T + "INSERT INTO t VALUES (" + MAX + ", 1)\nSELECT * FROM sqlite_sequence\n"
            + "INSERT INTO t(v) VALUES (2)\nDELETE FROM t\nINSERT INTO t(v) VALUES (3)\n"
            + "UPDATE sqlite_sequence SET seq = 5\nINSERT INTO t(v) VALUES (4)\nSELECT * FROM t",
        T + "UPDATE sqlite_sequence SET seq = " + MAX + "\nINSERT INTO t(v) VALUES (0)\n"
            + "INSERT INTO sqlite_sequence VALUES ('t', " + MAX + ")\nINSERT INTO t(v) VALUES (1)\n"
            + "INSERT INTO t VALUES (3, 3)\nSELECT * FROM sqlite_sequence",
        // transactions: the sequence row rolls back with the rows
        T + "BEGIN\nINSERT INTO t(v) VALUES (1), (2)\nSELECT * FROM sqlite_sequence\nROLLBACK\n"
            + "SELECT * FROM sqlite_sequence\nINSERT INTO t(v) VALUES (3)\nSELECT * FROM t",
        T + "INSERT INTO t(v) VALUES (1)\nBEGIN\nINSERT INTO t(v) VALUES (2)\nSAVEPOINT s\n"
            + "INSERT INTO t VALUES (50, 3)\nROLLBACK TO s\nINSERT INTO t(v) VALUES (4)\nCOMMIT\n"
            + "SELECT * FROM t\nSELECT * FROM sqlite_sequence",
        // a failing statement writes nothing
        "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, v NOT NULL)\n"
            + "INSERT INTO t(v) VALUES (1)\nINSERT INTO t(v) VALUES (2), (NULL)\n"
            + "SELECT * FROM sqlite_sequence\nINSERT INTO t(v) VALUES (3)\nSELECT * FROM t",
        // conflicts: IGNORE still counts the rowid it chose, REPLACE reuses none
        "CREATE TABLE t(a UNIQUE, id INTEGER PRIMARY KEY AUTOINCREMENT)\n"
            + "INSERT INTO t VALUES (1, NULL)\nINSERT OR IGNORE INTO t VALUES (1, 100)\n"
            + "SELECT * FROM sqlite_sequence\nINSERT OR REPLACE INTO t(a) VALUES (1)\n"
            + "REPLACE INTO t VALUES (2, 101)\nINSERT INTO t(a) VALUES (3)\nSELECT * FROM t\n"
            + "SELECT * FROM sqlite_sequence",
        // several tables, names with odd case, DROP TABLE removes only its own row
        T + "CREATE TABLE \"Odd Name\"(k INTEGER PRIMARY KEY AUTOINCREMENT)\n"
            + "INSERT INTO t(v) VALUES (1)\nINSERT INTO \"odd name\" VALUES (NULL), (NULL)\n"
            + "SELECT * FROM sqlite_sequence ORDER BY name\nDROP TABLE t\n"
            + "SELECT * FROM sqlite_sequence\nCREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT)\n"
            + "INSERT INTO t VALUES (NULL)\nSELECT * FROM t\nSELECT * FROM sqlite_sequence",
        // the table-constraint spelling, UPDATE does not touch seq, INSERT ... SELECT
        "CREATE TABLE t(id INTEGER, v, PRIMARY KEY (id AUTOINCREMENT))\n"
            + "INSERT INTO t(v) VALUES (1), (2)\nUPDATE t SET id = id + 100\n"
            + "SELECT * FROM sqlite_sequence\nINSERT INTO t(v) SELECT v * 10 FROM t\nSELECT * FROM t\n"
            + "SELECT * FROM sqlite_sequence",
        // triggers that insert into an AUTOINCREMENT table
        T + "CREATE TABLE log(n INTEGER PRIMARY KEY AUTOINCREMENT, what)\n"
            + "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log(what) VALUES (new.id); END\n"
            + "INSERT INTO t(v) VALUES (1), (2)\nDELETE FROM log\nINSERT INTO t(v) VALUES (3)\n"
            + "SELECT * FROM log\nSELECT * FROM sqlite_sequence ORDER BY name\n"
            + "SELECT last_insert_rowid()",
        // errors
        "CREATE TABLE x(a TEXT PRIMARY KEY AUTOINCREMENT)",
        "CREATE TABLE x(a INTEGER PRIMARY KEY AUTOINCREMENT, b) WITHOUT ROWID",
        "CREATE TABLE x(a INTEGER PRIMARY KEY DESC AUTOINCREMENT)",
        "CREATE TABLE x(a INTEGER, b, PRIMARY KEY (a, b AUTOINCREMENT))",
        "CREATE TABLE x(a INT PRIMARY KEY AUTOINCREMENT)",
        T + "DROP TABLE sqlite_sequence\nCREATE TABLE sqlite_sequence(name, seq)\n"
            + "CREATE INDEX i ON sqlite_sequence(name)\nSELECT * FROM sqlite_sequence");
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void sameOutcomes(String script) throws Exception {
    ScriptComparison.compare(dir, script);
  }

  /** Random inserts (with and without rowids), deletes, REPLACE, sequence edits, transactions. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void randomWrites(long seed) throws Exception {
    Random random = new Random(seed);
    List<String> script = new ArrayList<>(List.of(
        "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, k UNIQUE)",
        "CREATE TABLE u(id INTEGER PRIMARY KEY AUTOINCREMENT, v)"));
    for (int i = 0; i < 80; i++) {
      int a = random.nextInt(30);
      String table = random.nextBoolean() ? "t" : "u";
      script.add(switch (random.nextInt(11)) {
        case 0, 1, 2 -> "INSERT INTO t(k) VALUES (" + a + ")";
        case 3 -> "INSERT OR IGNORE INTO t VALUES (" + (a * 3) + ", " + random.nextInt(30) + ")";
        case 4 -> "REPLACE INTO t(k) VALUES (" + a + ")";
        case 5 -> "INSERT INTO u(v) SELECT k FROM t WHERE k < " + a;
        case 6 -> "DELETE FROM " + table + " WHERE id % 3 = " + (a % 3);
        case 7 -> "UPDATE sqlite_sequence SET seq = seq - " + a + " WHERE name = '" + table + "'";
        case 8 -> "DELETE FROM sqlite_sequence WHERE name = '" + table + "'";
        case 9 -> "SELECT * FROM sqlite_sequence ORDER BY name";
        default -> List.of("BEGIN", "COMMIT", "ROLLBACK").get(random.nextInt(3));
      });
    }
    script.add("COMMIT");
    ScriptComparison.compare(dir, script);
  }

  /** A file SQLite wrote, with its {@code sqlite_sequence}, read and extended by Pagoda. */
  @Test
  void readsSqliteFile() throws Exception {
    Path file = dir.resolve("from-sqlite.db");
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, v)");
      s.execute("INSERT INTO t(v) VALUES (1), (2), (3)");
      s.execute("DELETE FROM t WHERE id = 3");
    }
    try (Database db = Database.open(file); Connection pagoda = db.connect()) {
      assertEquals(List.of("Tt|I3|"), SqlOracle.pagoda(pagoda, "SELECT * FROM sqlite_sequence"));
      pagoda.execute("INSERT INTO t(v) VALUES (4)");
      assertEquals(List.of("I1|I1|", "I2|I2|", "I4|I4|"),
          SqlOracle.pagoda(pagoda, "SELECT * FROM t"));
    }
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      assertEquals(List.of("Tt | I4"), ScriptComparison.rows(c, "SELECT * FROM sqlite_sequence"));
      s.execute("DELETE FROM t WHERE id = 4");
      s.execute("INSERT INTO t(v) VALUES (5)");
      assertEquals(List.of("I5"), ScriptComparison.rows(c, "SELECT max(id) FROM t"));
      assertEquals(List.of("Tok"), ScriptComparison.rows(c, "PRAGMA integrity_check"));
    }
  }

  /** A file Pagoda wrote read by SQLite, which continues the sequence. */
  @Test
  void sqliteReadsPagodaFile() throws Exception {
    Path file = dir.resolve("from-pagoda.db");
    try (Database db = Database.open(file); Connection pagoda = db.connect()) {
      pagoda.execute("CREATE TABLE a(x)");
      pagoda.execute("CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, v)");
      pagoda.execute("INSERT INTO t VALUES (41, 'x')");
      pagoda.execute("DELETE FROM t");
    }
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      assertEquals(List.of("Tok"), ScriptComparison.rows(c, "PRAGMA integrity_check"));
      assertEquals(List.of("Tt | I41"), ScriptComparison.rows(c, "SELECT * FROM sqlite_sequence"));
      s.execute("INSERT INTO t(v) VALUES ('y')");
      assertEquals(List.of("I42 | Ty"), ScriptComparison.rows(c, "SELECT * FROM t"));
      s.execute("CREATE TABLE u(id INTEGER PRIMARY KEY AUTOINCREMENT)");
      assertEquals(List.of("Ttable | Tsqlite_sequence | TCREATE TABLE sqlite_sequence(name,seq)"),
          ScriptComparison.rows(c,
              "SELECT type, name, sql FROM sqlite_schema WHERE name = 'sqlite_sequence'"));
    }
  }
}
