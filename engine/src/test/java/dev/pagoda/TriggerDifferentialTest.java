package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripts with triggers run on Pagoda and on SQLite (sqlite-jdbc), each on its own file: every
 * statement must succeed alike (the same change count for INSERT, UPDATE and DELETE) or fail with
 * the same message; at the end both files, read by SQLite, hold the same schema rows and the same
 * table contents, and Pagoda's file passes SQLite's integrity check.
 */
class TriggerDifferentialTest {
  @TempDir Path dir;

  private static final String TABLES = """
      CREATE TABLE t(id INTEGER PRIMARY KEY, a, b TEXT UNIQUE, c REAL CHECK (c IS NULL OR c < 100));
      CREATE TABLE log(n INTEGER PRIMARY KEY, what, x, y);
      CREATE TABLE cnt(k TEXT PRIMARY KEY, v INTEGER);
      INSERT INTO cnt VALUES ('ins', 0), ('upd', 0), ('del', 0);
      """;

  static Stream<String> scripts() {
    return Stream.of(
        // BEFORE and AFTER for each event, NEW and OLD, the rowid and its alias
        TABLES + """
        CREATE TRIGGER bi BEFORE INSERT ON t BEGIN INSERT INTO log(what, x, y) VALUES ('bi', new.id, new.rowid); END;
        CREATE TRIGGER ai AFTER INSERT ON t BEGIN INSERT INTO log(what, x, y) VALUES ('ai', new.id, new.a); END;
        CREATE TRIGGER bu BEFORE UPDATE ON t BEGIN INSERT INTO log(what, x, y) VALUES ('bu', old.a, new.a); END;
        CREATE TRIGGER au AFTER UPDATE ON t BEGIN INSERT INTO log(what, x, y) VALUES ('au', old.rowid, new.rowid); END;
        CREATE TRIGGER bd BEFORE DELETE ON t BEGIN INSERT INTO log(what, x, y) VALUES ('bd', old.id, old.b); END;
        CREATE TRIGGER ad AFTER DELETE ON t BEGIN INSERT INTO log(what, x, y) VALUES ('ad', old.id, old.c); END;
        INSERT INTO t(a, b, c) VALUES (1, 'x', 1.5), ('2', 'y', 2);
        INSERT INTO t VALUES (10, 3, 'z', NULL);
        UPDATE t SET a = a * 10, id = id + 100 WHERE id > 1;
        DELETE FROM t WHERE id = 1;
        INSERT INTO t(a, b) SELECT x, what FROM log WHERE n < 3;
        """,
        // WHEN, UPDATE OF, counters kept by triggers, a cascade across tables
        TABLES + """
        CREATE TRIGGER ci AFTER INSERT ON t WHEN new.a > 0 BEGIN UPDATE cnt SET v = v + 1 WHERE k = 'ins'; END;
        CREATE TRIGGER cu AFTER UPDATE OF a, c ON t BEGIN UPDATE cnt SET v = v + 1 WHERE k = 'upd'; END;
        CREATE TRIGGER cd BEFORE DELETE ON t WHEN old.b IS NOT NULL BEGIN UPDATE cnt SET v = v + 1 WHERE k = 'del'; DELETE FROM log WHERE x = old.id; END;
        CREATE TRIGGER logit AFTER UPDATE ON cnt BEGIN INSERT INTO log(what, x, y) VALUES (new.k, old.v, new.v); END;
        INSERT INTO t(a, b) VALUES (1, 'p'), (-1, 'q'), (NULL, 'r'), (5, NULL);
        UPDATE t SET b = b || '!';
        UPDATE t SET c = 3 WHERE a IS NOT NULL;
        DELETE FROM t WHERE a < 2;
        DELETE FROM t;
        """,
        // RAISE: IGNORE skips the row, ABORT undoes the statement, FAIL keeps earlier rows
        TABLES + """
        CREATE TRIGGER ig BEFORE INSERT ON t WHEN new.a < 0 BEGIN SELECT RAISE(IGNORE); END;
        CREATE TRIGGER ab BEFORE UPDATE ON t WHEN new.a = 0 BEGIN SELECT RAISE(ABORT, 'zero: ' || old.a); END;
        CREATE TRIGGER fa AFTER INSERT ON t WHEN new.a = 99 BEGIN SELECT RAISE(FAIL, 'ninety-nine'); END;
        CREATE TRIGGER dl BEFORE DELETE ON t WHEN old.a = 7 BEGIN SELECT RAISE(IGNORE); END;
        INSERT INTO t(a) VALUES (1), (-1), (2), (-5), (7);
        INSERT INTO t(a) VALUES (3), (99), (4);
        UPDATE t SET a = a - 1;
        UPDATE t SET a = a + 10 WHERE a <> 1;
        DELETE FROM t WHERE a > 0;
        BEGIN;
        INSERT INTO t(a) VALUES (50);
        UPDATE t SET a = 0;
        COMMIT;
        """,
        // RAISE(ROLLBACK) ends the transaction
        TABLES + """
        CREATE TRIGGER rb AFTER DELETE ON t BEGIN SELECT RAISE(ROLLBACK, 'rolled back'); END;
        INSERT INTO t(a) VALUES (1);
        BEGIN;
        INSERT INTO t(a) VALUES (2);
        DELETE FROM t;
        INSERT INTO t(a) VALUES (3);
        """,
        // INSTEAD OF triggers on a view
        TABLES + """
        CREATE VIEW v AS SELECT id, a, b FROM t WHERE c IS NULL;
        CREATE TRIGGER vi INSTEAD OF INSERT ON v BEGIN INSERT INTO t(a, b) VALUES (new.a, upper(new.b)); INSERT INTO log(what, x, y) VALUES ('vi', new.id, new.b); END;
        CREATE TRIGGER vu INSTEAD OF UPDATE OF a ON v BEGIN UPDATE t SET a = new.a WHERE id = old.id; END;
        CREATE TRIGGER vd INSTEAD OF DELETE ON v WHEN old.a <> 2 BEGIN DELETE FROM t WHERE id = old.id; END;
        INSERT INTO v VALUES (100, 1, 'one'), (200, 2, 'two');
        INSERT INTO v(b) VALUES ('three');
        INSERT INTO v(a, b) SELECT x, y FROM log;
        UPDATE v SET a = a + 1 WHERE a IS NOT NULL;
        UPDATE v SET b = 'ignored';
        DELETE FROM v WHERE a > 1;
        DELETE FROM v;
        INSERT INTO v(zz) VALUES (1);
        DELETE FROM t;
        """,
        // errors: creating, dropping, firing
        TABLES + """
        CREATE VIEW v AS SELECT a FROM t;
        CREATE TRIGGER r1 AFTER INSERT ON nosuch BEGIN SELECT 1; END;
        CREATE TRIGGER r1 INSTEAD OF INSERT ON t BEGIN SELECT 1; END;
        CREATE TRIGGER r1 BEFORE INSERT ON v BEGIN SELECT 1; END;
        CREATE TRIGGER r1 AFTER UPDATE ON v BEGIN SELECT 1; END;
        CREATE TRIGGER r1 INSERT ON sqlite_master BEGIN SELECT 1; END;
        CREATE TRIGGER sqlite_r1 INSERT ON t BEGIN SELECT 1; END;
        CREATE TRIGGER r1 INSERT ON t BEGIN SELECT old.a; END;
        CREATE TRIGGER r1 INSERT ON t BEGIN SELECT 2; END;
        CREATE TRIGGER IF NOT EXISTS r1 DELETE ON t BEGIN SELECT 3; END;
        CREATE TRIGGER t DELETE ON t BEGIN SELECT new.a; END;
        CREATE TRIGGER r2 UPDATE ON t BEGIN INSERT INTO nosuch VALUES (1); END;
        CREATE TRIGGER r3 UPDATE OF zz ON t BEGIN SELECT 1; END;
        INSERT INTO t(a) VALUES (1);
        DROP TRIGGER r1;
        INSERT INTO t(a) VALUES (1);
        DELETE FROM t;
        DROP TRIGGER t;
        UPDATE t SET a = 2;
        DROP TRIGGER r2;
        UPDATE t SET b = 'u';
        DROP TRIGGER r2;
        DROP TRIGGER IF EXISTS r2;
        DROP TRIGGER main.nosuch;
        INSERT INTO v VALUES (1);
        """,
        // triggers dropped with their table; no recursion; chains across tables
        TABLES + """
        CREATE TABLE u(x);
        CREATE TRIGGER tu AFTER INSERT ON t BEGIN INSERT INTO u VALUES (new.a); END;
        CREATE TRIGGER ut AFTER INSERT ON u BEGIN INSERT INTO t(a) VALUES (new.x + 1); INSERT INTO log(what, x) VALUES ('ut', new.x); END;
        CREATE TRIGGER self AFTER INSERT ON log BEGIN INSERT INTO log(what, x) VALUES ('self', new.n); END;
        INSERT INTO t(a) VALUES (1);
        INSERT INTO u VALUES (10);
        DROP TABLE u;
        INSERT INTO t(a) VALUES (20);
        CREATE TRIGGER tu2 AFTER UPDATE ON t BEGIN UPDATE t SET a = a + 1 WHERE id = new.id; END;
        UPDATE t SET a = 0 WHERE id = 1;
        """,
        // a trigger's steps take the firing statement's conflict clause; constraints in steps
        TABLES + """
        CREATE TABLE u(k UNIQUE, w);
        INSERT INTO u VALUES (1, 'one');
        CREATE TRIGGER tu AFTER INSERT ON t BEGIN INSERT INTO u VALUES (new.a, new.b); END;
        INSERT INTO t(a, b) VALUES (2, 'two');
        INSERT INTO t(a, b) VALUES (1, 'dup');
        INSERT OR IGNORE INTO t(a, b) VALUES (1, 'ignored'), (3, 'three');
        INSERT OR REPLACE INTO t(a, b) VALUES (1, 'replaced');
        INSERT OR FAIL INTO t(a, b) VALUES (4, 'four'), (1, 'fail');
        CREATE TRIGGER bad BEFORE UPDATE ON t BEGIN UPDATE t SET c = 500 WHERE id = old.id; END;
        UPDATE t SET a = 9;
        """,
        // BEFORE UPDATE and BEFORE DELETE triggers that change the row being written
        TABLES + """
        INSERT INTO t(a, b) VALUES (1, 'x'), (2, 'y'), (3, 'z');
        CREATE TRIGGER bu BEFORE UPDATE ON t BEGIN UPDATE t SET b = b || '+' WHERE id = old.id; DELETE FROM t WHERE id = old.id + 1 AND old.a = 1; END;
        UPDATE t SET a = a * 100;
        CREATE TRIGGER bd BEFORE DELETE ON t BEGIN DELETE FROM t WHERE id > old.id; END;
        DELETE FROM t;
        """,
        // subqueries over NEW and OLD, SELECT steps, functions of the connection
        TABLES + """
        CREATE TRIGGER s AFTER INSERT ON t BEGIN
          SELECT new.a, (SELECT count(*) FROM log);
          INSERT INTO log(what, x, y) SELECT 'sum', (SELECT sum(a) FROM t WHERE a <= new.a), count(*) FROM t WHERE EXISTS (SELECT 1 FROM t AS u WHERE u.a = new.a - 1);
          UPDATE cnt SET v = (SELECT max(n) FROM log) WHERE k IN (SELECT 'ins' UNION SELECT new.b);
        END;
        INSERT INTO t(a, b) VALUES (1, 'upd'), (2, 'del'), (3, NULL);
        INSERT INTO t(a) SELECT a + 10 FROM t;
        INSERT INTO log(what, x, y) VALUES ('c', changes(), total_changes());
        INSERT INTO log(what, x, y) VALUES ('r', last_insert_rowid(), changes());
        """,
        // changes(), total_changes() and last_insert_rowid() inside trigger programs
        TABLES + """
        CREATE TABLE w(a);
        INSERT INTO w VALUES (0), (0);
        CREATE TRIGGER r AFTER INSERT ON w BEGIN INSERT INTO log(what, x, y) VALUES ('a', last_insert_rowid(), changes() || '/' || total_changes()); INSERT INTO log(what, x, y) VALUES ('b', last_insert_rowid(), changes() || '/' || total_changes()); END;
        INSERT INTO w VALUES (last_insert_rowid()), (last_insert_rowid());
        INSERT INTO log(what, x, y) VALUES ('c', last_insert_rowid(), changes() || '/' || total_changes());
        CREATE TRIGGER u AFTER UPDATE ON w BEGIN INSERT INTO log(what, x, y) VALUES ('u', last_insert_rowid(), changes() || '/' || total_changes()); END;
        UPDATE w SET a = 1;
        INSERT INTO log(what, x, y) VALUES ('d', last_insert_rowid(), changes() || '/' || total_changes());
        INSERT INTO log(n) VALUES (1000), (1);
        INSERT INTO log(what, x, y) VALUES ('e', last_insert_rowid(), changes() || '/' || total_changes());
        INSERT OR FAIL INTO log(n) VALUES (2000), (1);
        INSERT INTO log(what, x, y) VALUES ('f', last_insert_rowid(), changes() || '/' || total_changes());
        """,
        // DEFAULT VALUES, WHEN with a subquery, a step reading a view, rowid changes, variables
        TABLES + """
        CREATE TABLE d(a DEFAULT 5, b);
        CREATE TRIGGER p BEFORE INSERT ON d BEGIN SELECT ?; END;
        CREATE TRIGGER r2 AFTER INSERT ON d WHEN (SELECT count(*) FROM log) < 2 BEGIN INSERT INTO log(x) VALUES (new.a); END;
        INSERT INTO d DEFAULT VALUES;
        INSERT INTO d DEFAULT VALUES;
        INSERT INTO d DEFAULT VALUES;
        CREATE VIEW lv AS SELECT x FROM log;
        CREATE TRIGGER r3 AFTER DELETE ON d BEGIN INSERT INTO log(x) SELECT x * 10 FROM lv; END;
        DELETE FROM d WHERE rowid = 1;
        CREATE TRIGGER r4 AFTER UPDATE ON d BEGIN INSERT INTO log(x, y) VALUES (old.rowid, new.rowid); END;
        UPDATE d SET rowid = 100 WHERE rowid = 2;
        INSERT INTO t SELECT * FROM t;
        """,
        // TEMP triggers and views (SQLite keeps them out of the file)
        TABLES + """
        CREATE TEMP TRIGGER tt AFTER INSERT ON t BEGIN INSERT INTO log(what, x) VALUES ('temp', new.a); END;
        CREATE TRIGGER mt AFTER INSERT ON t BEGIN INSERT INTO log(what, x) VALUES ('main', new.a); END;
        CREATE TEMP VIEW tv AS SELECT a FROM t;
        CREATE TEMP TRIGGER tvi INSTEAD OF INSERT ON tv BEGIN INSERT INTO t(a) VALUES (new.a * 2); END;
        INSERT INTO t(a) VALUES (1);
        INSERT INTO tv VALUES (5);
        INSERT INTO log(what, x) SELECT 'tv', a FROM tv;
        CREATE TEMP VIEW tv AS SELECT 1;
        CREATE TEMP VIEW IF NOT EXISTS tv AS SELECT 1;
        DROP VIEW tv;
        INSERT INTO tv VALUES (1);
        DROP TRIGGER tt;
        INSERT INTO t(a) VALUES (2);
        """);
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void sameOutcomes(String script) throws Exception {
    compare(statements(script));
  }

  /** Random writes to tables whose triggers log, count, cascade, raise and forward to a view. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomWrites(long seed) throws Exception {
    Random random = new Random(seed);
    List<String> script = new ArrayList<>(statements(TABLES + """
        CREATE TABLE u(k UNIQUE, w);
        CREATE VIEW v AS SELECT id, a, b FROM t;
        CREATE TRIGGER vi INSTEAD OF INSERT ON v BEGIN INSERT INTO t(a, b) VALUES (new.a, new.b); END;
        CREATE TRIGGER vd INSTEAD OF DELETE ON v BEGIN DELETE FROM t WHERE id = old.id; END;
        CREATE TRIGGER ig BEFORE INSERT ON t WHEN new.a = 13 BEGIN SELECT RAISE(IGNORE); END;
        CREATE TRIGGER ab BEFORE UPDATE ON t WHEN new.a = 17 BEGIN SELECT RAISE(ABORT, 'seventeen'); END;
        CREATE TRIGGER fa AFTER DELETE ON t WHEN old.a = 19 BEGIN SELECT RAISE(FAIL, 'nineteen'); END;
        CREATE TRIGGER ai AFTER INSERT ON t BEGIN INSERT INTO u VALUES (new.a % 7, new.b); UPDATE cnt SET v = v + 1 WHERE k = 'ins'; END;
        CREATE TRIGGER au AFTER UPDATE OF a ON t WHEN old.a IS NOT new.a BEGIN INSERT INTO log(what, x, y) VALUES ('au', old.a, new.a); END;
        CREATE TRIGGER bd BEFORE DELETE ON t BEGIN DELETE FROM u WHERE k = old.a % 7; UPDATE cnt SET v = v + 1 WHERE k = 'del'; END;
        CREATE TRIGGER uu AFTER INSERT ON u BEGIN UPDATE t SET c = coalesce(c, 0) + 1 WHERE a = new.k; END;
        CREATE TRIGGER vu INSTEAD OF UPDATE OF b ON v WHEN (SELECT count(*) FROM u) > 2 BEGIN UPDATE t SET b = new.b, a = old.a + 1 WHERE id = old.id; END;
        CREATE TRIGGER rb BEFORE DELETE ON u WHEN old.w = 's7' BEGIN SELECT RAISE(ROLLBACK, 'seven'); END;
        """));
    String[] conflict = {"", "", "OR IGNORE ", "OR REPLACE ", "OR FAIL ", "OR ABORT "};
    for (int i = 0; i < 80; i++) {
      String or = conflict[random.nextInt(conflict.length)];
      String value = Integer.toString(random.nextInt(25));
      String text = random.nextInt(3) == 0 ? "NULL" : "'s" + random.nextInt(8) + "'";
      script.add(switch (random.nextInt(10)) {
        case 9 -> "UPDATE " + or + "v SET b = " + text + " WHERE a % 4 = " + random.nextInt(4);
        case 0, 1 -> "INSERT " + or + "INTO t(a, b) VALUES (" + value + ", " + text + "), ("
            + random.nextInt(25) + ", NULL)";
        case 2 -> "INSERT INTO v(a, b) VALUES (" + value + ", " + text + ")";
        case 3 -> "UPDATE " + or + "t SET a = a + " + (random.nextInt(5) - 2) + " WHERE id % 3 = "
            + random.nextInt(3);
        case 4 -> "UPDATE " + or + "t SET b = " + text + " WHERE a > " + value;
        case 5 -> "DELETE FROM t WHERE a = " + value + " OR id = " + random.nextInt(10);
        case 6 -> "DELETE FROM v WHERE b = " + text;
        case 7 -> "INSERT " + or + "INTO t(a, b, c) SELECT k, w, 200 FROM u WHERE k = " + random.nextInt(7);
        default -> random.nextBoolean() ? "BEGIN" : "COMMIT";
      });
    }
    script.add("COMMIT");
    compare(script);
  }

  private void compare(List<String> script) throws Exception {
    Path pagodaFile = dir.resolve("pagoda.db");
    Path sqliteFile = dir.resolve("sqlite.db");
    try (Database db = Database.open(pagodaFile);
        Connection pagoda = db.connect();
        java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      for (String sql : script) {
        String actual = pagodaOutcome(pagoda, sql);
        assertEquals(sqliteOutcome(sqlite, sql), actual, sql);
        OUTCOMES.merge(actual.startsWith("ok") ? "ok" : actual, 1, Integer::sum);
      }
    }
    try (java.sql.Connection fromPagoda = DriverManager.getConnection("jdbc:sqlite:" + pagodaFile);
        java.sql.Connection fromSqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      assertEquals(List.of("String:ok"), rows(fromPagoda, "PRAGMA integrity_check"));
      String schema = "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY name";
      assertEquals(rows(fromSqlite, schema), rows(fromPagoda, schema));
      for (String table : List.of("t", "log", "cnt", "u")) {
        String exists = "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '" + table + "'";
        if (!rows(fromSqlite, exists).isEmpty()) {
          String all = "SELECT rowid, * FROM " + table + " ORDER BY rowid";
          assertEquals(rows(fromSqlite, all), rows(fromPagoda, all), table);
        }
      }
    }
  }

  /** How often each outcome occurred, to show the scripts exercise what they should. */
  private static final java.util.Map<String, Integer> OUTCOMES = new java.util.TreeMap<>();

  @org.junit.jupiter.api.AfterAll
  static void printOutcomes() {
    System.out.println("TriggerDifferentialTest outcomes: " + OUTCOMES);
  }

  /** The statements of a script: one per line, a trigger running on to its END line. */
  private static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.lines().toList()) {
      if (line.isBlank()) {
        continue;
      }
      current.append(current.length() > 0 ? "\n" : "").append(line);
      String upper = current.toString().toUpperCase(Locale.ROOT);
      boolean trigger = upper.startsWith("CREATE TRIGGER") || upper.startsWith("CREATE TEMP TRIGGER");
      if (!trigger || upper.stripTrailing().endsWith("END;")) {
        String s = current.toString().strip();
        out.add(trigger ? s.substring(0, s.length() - 1) : s.replaceAll(";$", ""));
        current.setLength(0);
      }
    }
    return out;
  }

  private static boolean isDml(String sql) {
    String u = sql.toUpperCase(Locale.ROOT);
    return u.startsWith("INSERT") || u.startsWith("UPDATE") || u.startsWith("DELETE");
  }

  private static String sqliteOutcome(java.sql.Connection sqlite, String sql) {
    try (Statement s = sqlite.createStatement()) {
      s.execute(sql);
      return isDml(sql) ? "ok " + s.getUpdateCount() : "ok";
    } catch (SQLException e) {
      String m = e.getMessage();
      return "error " + m.substring(m.indexOf('(') + 1, m.length() - 1);
    }
  }

  private static String pagodaOutcome(Connection pagoda, String sql) {
    try (PreparedStatement ps = pagoda.prepare(sql)) {
      long n = ps.executeUpdate();
      return isDml(sql) ? "ok " + n : "ok";
    } catch (PagodaException e) {
      return "error " + e.getMessage();
    }
  }

  private static List<String> rows(java.sql.Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          Object o = rs.getObject(i);
          sb.append(i > 1 ? " | " : "")
              .append(o == null ? "NULL" : o.getClass().getSimpleName() + ":" + o);
        }
        out.add(sb.toString());
      }
    }
    return out;
  }
}
