package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagoda.spi.ResultCode;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE and DROP TRIGGER, trigger firing (BEFORE, AFTER, INSTEAD OF, WHEN, UPDATE OF, NEW and
 * OLD, RAISE), TEMP views and triggers, and changes(), total_changes() and last_insert_rowid(),
 * with SQLite's messages.
 */
class TriggerTest {
  @TempDir Path dir;
  private Database db;
  private Connection conn;

  @BeforeEach
  void open() {
    db = Database.openInMemory();
    conn = db.connect();
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b TEXT); CREATE TABLE log(x, y, z)");
  }

  @AfterEach
  void close() {
    conn.close();
    db.close();
  }

  private List<String> rows(String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepare(sql); Rows rows = ps.query()) {
      while (rows.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.columnCount(); i++) {
          sb.append(i > 0 ? "|" : "").append(rows.isNull(i) ? "NULL" : rows.getString(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private String error(String sql) {
    return assertThrows(PagodaException.class, () -> conn.execute(sql)).getMessage();
  }

  @Test
  void storedInSchemaAsSqliteStoresThem() {
    conn.execute("create trigger r1 after insert on t begin select 1; end;");
    assertEquals(List.of("trigger|r1|t|0|CREATE TRIGGER r1 after insert on t begin select 1; end"),
        rows("SELECT * FROM sqlite_schema WHERE type = 'trigger'"));
    conn.execute("CREATE TRIGGER IF NOT EXISTS r1 AFTER DELETE ON t BEGIN SELECT 2; END");
    assertEquals("trigger r1 already exists",
        error("CREATE TRIGGER r1 AFTER DELETE ON t BEGIN SELECT 2; END"));
    conn.execute("DROP TRIGGER r1");
    assertEquals(List.of(), rows("SELECT name FROM sqlite_schema WHERE type = 'trigger'"));
    assertEquals("no such trigger: r1", error("DROP TRIGGER r1"));
    assertEquals("no such trigger: main.x", error("DROP TRIGGER main.x"));
    conn.execute("DROP TRIGGER IF EXISTS r1");
  }

  @Test
  void createErrors() {
    conn.execute("CREATE VIEW v AS SELECT a, b FROM t");
    assertEquals("no such table: main.nosuch",
        error("CREATE TRIGGER r AFTER INSERT ON nosuch BEGIN SELECT 1; END"));
    assertEquals("cannot create INSTEAD OF trigger on table: t",
        error("CREATE TRIGGER r INSTEAD OF INSERT ON t BEGIN SELECT 1; END"));
    assertEquals("cannot create BEFORE trigger on view: v",
        error("CREATE TRIGGER r BEFORE INSERT ON v BEGIN SELECT 1; END"));
    assertEquals("cannot create AFTER trigger on view: v",
        error("CREATE TRIGGER r AFTER INSERT ON v BEGIN SELECT 1; END"));
    assertEquals("cannot create trigger on system table",
        error("CREATE TRIGGER r INSERT ON sqlite_master BEGIN SELECT 1; END"));
    assertEquals("object name reserved for internal use: sqlite_r",
        error("CREATE TRIGGER sqlite_r INSERT ON t BEGIN SELECT 1; END"));
    assertEquals("RAISE() may only be used within a trigger-program",
        error("SELECT RAISE(IGNORE)"));
  }

  @Test
  void droppedWithTheirTableOrView() {
    conn.execute("CREATE TRIGGER r1 AFTER INSERT ON t BEGIN SELECT 1; END;"
        + "CREATE VIEW v AS SELECT a FROM t;"
        + "CREATE TRIGGER r2 INSTEAD OF DELETE ON v BEGIN SELECT 1; END;"
        + "DROP VIEW v; DROP TABLE t");
    assertEquals(List.of(), rows("SELECT name FROM sqlite_schema WHERE type = 'trigger'"));
    assertEquals("no such trigger: r1", error("DROP TRIGGER r1"));
  }

  @Test
  void beforeAndAfterSeeNewAndOld() {
    conn.execute("""
        CREATE TRIGGER bi BEFORE INSERT ON t BEGIN INSERT INTO log VALUES('bi', new.id, new.a); END;
        CREATE TRIGGER ai AFTER INSERT ON t BEGIN INSERT INTO log VALUES('ai', new.id, new.a); END;
        CREATE TRIGGER bu BEFORE UPDATE ON t BEGIN INSERT INTO log VALUES('bu', old.a, new.a); END;
        CREATE TRIGGER au AFTER UPDATE ON t BEGIN INSERT INTO log VALUES('au', old.a, new.a); END;
        CREATE TRIGGER bd BEFORE DELETE ON t BEGIN INSERT INTO log VALUES('bd', old.id, old.a); END;
        CREATE TRIGGER ad AFTER DELETE ON t BEGIN INSERT INTO log VALUES('ad', old.rowid, old.a); END;
        INSERT INTO t(a) VALUES (10);
        INSERT INTO t VALUES (5, 20, 'x');
        UPDATE t SET a = a + 1 WHERE id = 5;
        DELETE FROM t WHERE a = 10;
        """);
    assertEquals(List.of("bi|-1|10", "ai|1|10", "bi|5|20", "ai|5|20", "bu|20|21", "au|20|21",
        "bd|1|10", "ad|1|10"), rows("SELECT * FROM log"));
    assertEquals(List.of("5|21|x"), rows("SELECT * FROM t"));
  }

  @Test
  void whenAndUpdateOf() {
    conn.execute("""
        CREATE TRIGGER w AFTER INSERT ON t WHEN new.a > 1 BEGIN INSERT INTO log VALUES(new.a, 0, 0); END;
        CREATE TRIGGER u AFTER UPDATE OF b ON t BEGIN INSERT INTO log VALUES('u', new.b, 0); END;
        INSERT INTO t(a) VALUES (1), (2), (NULL), (3);
        UPDATE t SET a = 7;
        UPDATE t SET b = 'y' WHERE a = 7 AND id = 1;
        """);
    assertEquals(List.of("2|0|0", "3|0|0", "u|y|0"), rows("SELECT * FROM log"));
  }

  @Test
  void misusedNewOrOld() {
    conn.execute("CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT old.a; END");
    assertEquals("no such column: old.a", error("INSERT INTO t VALUES (1, 2, 3)"));
    conn.execute("DROP TRIGGER r; CREATE TRIGGER r AFTER DELETE ON t BEGIN SELECT NEW.a; END");
    assertEquals("no such column: NEW.a", error("DELETE FROM t"));
    conn.execute("DROP TRIGGER r; CREATE TRIGGER r AFTER UPDATE ON t BEGIN SELECT new.zz; END");
    assertEquals("no such column: new.zz", error("UPDATE t SET a = 1"));
    conn.execute("DROP TRIGGER r; CREATE TRIGGER r AFTER UPDATE ON t BEGIN SELECT a; END");
    assertEquals("no such column: a", error("UPDATE t SET a = 1"));
  }

  @Test
  void raise() {
    conn.execute("""
        CREATE TRIGGER ig BEFORE INSERT ON t WHEN new.a < 0 BEGIN SELECT RAISE(IGNORE); END;
        CREATE TRIGGER ab BEFORE INSERT ON t WHEN new.a = 0 BEGIN SELECT RAISE(ABORT, 'zero'); END;
        CREATE TRIGGER fa BEFORE INSERT ON t WHEN new.a = 99 BEGIN SELECT RAISE(FAIL, 'n' || new.a); END;
        INSERT INTO t(a) VALUES (1), (-1), (2);
        """);
    assertEquals(List.of("1", "2"), rows("SELECT a FROM t"));
    assertEquals(2, conn.changes());
    PagodaException e = assertThrows(PagodaException.class,
        () -> conn.execute("INSERT INTO t(a) VALUES (3), (0)"));
    assertEquals("zero", e.getMessage());
    assertEquals(ResultCode.CONSTRAINT_TRIGGER, e.code());
    assertEquals(List.of("1", "2"), rows("SELECT a FROM t"));
    assertEquals("n99", error("INSERT INTO t(a) VALUES (4), (99), (5)"));
    assertEquals(List.of("1", "2", "4"), rows("SELECT a FROM t"));
    conn.execute("CREATE TRIGGER rb BEFORE DELETE ON t BEGIN SELECT RAISE(ROLLBACK, 'no'); END;"
        + "BEGIN; INSERT INTO t(a) VALUES (6)");
    assertEquals("no", error("DELETE FROM t"));
    assertEquals(true, conn.isAutoCommit());
    assertEquals(List.of("1", "2", "4"), rows("SELECT a FROM t"));
  }

  @Test
  void insteadOfOnViews() {
    conn.execute("""
        CREATE VIEW v AS SELECT id, a, b FROM t;
        CREATE TRIGGER vi INSTEAD OF INSERT ON v BEGIN INSERT INTO t VALUES(new.id + 100, new.a, new.b); END;
        CREATE TRIGGER vu INSTEAD OF UPDATE ON v BEGIN UPDATE t SET a = new.a WHERE id = old.id; END;
        CREATE TRIGGER vd INSTEAD OF DELETE ON v BEGIN DELETE FROM t WHERE id = old.id; END;
        INSERT INTO v VALUES (1, 'p', 'q'), (2, 'r', 's');
        """);
    assertEquals(0, conn.changes());
    assertEquals(List.of("101|p|q", "102|r|s"), rows("SELECT * FROM t"));
    conn.execute("UPDATE v SET a = a || '!' WHERE id = 102; DELETE FROM v WHERE id = 101");
    assertEquals(List.of("102|r!|s"), rows("SELECT * FROM t"));
    assertEquals("cannot modify w because it is a view",
        error("CREATE VIEW w AS SELECT 1; DELETE FROM w"));
  }

  @Test
  void noRecursionByDefault() {
    conn.execute("""
        CREATE TRIGGER r AFTER INSERT ON t BEGIN INSERT INTO t(a) VALUES (new.a + 1); END;
        INSERT INTO t(a) VALUES (1);
        """);
    assertEquals(List.of("1", "2"), rows("SELECT a FROM t"));
  }

  @Test
  void preparedStatementsPlanAgainWhenTriggersChange() {
    try (PreparedStatement insert = conn.prepare("INSERT INTO t(a) VALUES (1)")) {
      insert.executeUpdate();
      conn.execute("CREATE TRIGGER r AFTER INSERT ON t BEGIN INSERT INTO log VALUES ('r', 0, 0); END");
      insert.executeUpdate();
      conn.execute("CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES ('tr', 0, 0); END");
      insert.executeUpdate();
      conn.execute("DROP TRIGGER r");
      insert.executeUpdate();
      try (Connection other = db.connect()) {
        other.execute("CREATE TRIGGER o AFTER INSERT ON t BEGIN INSERT INTO log VALUES ('o', 0, 0); END");
      }
      insert.executeUpdate();
    }
    assertEquals(List.of("r", "tr", "r", "tr", "tr", "o"), Sql.column(conn, "SELECT x FROM log"));
  }

  @Test
  void recursionDepthIsBounded() throws Exception {
    // a chain of 1001 distinct triggers, each firing the next: SQLite's depth limit is 1000 (a
    // thread stack too small for it fails with the same message). SQLite writes the schema.
    Path file = dir.resolve("chain.db");
    try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement st = s.createStatement()) {
      s.setAutoCommit(false);
      for (int i = 0; i <= 1001; i++) {
        st.execute("CREATE TABLE c" + i + "(x)");
      }
      for (int i = 0; i <= 1000; i++) {
        st.execute("CREATE TRIGGER g" + i + " AFTER INSERT ON c" + i
            + " BEGIN INSERT INTO c" + (i + 1) + " VALUES (new.x); END");
      }
      s.commit();
    }
    try (Database d = Database.open(file); Connection c = d.connect()) {
      assertEquals("too many levels of trigger recursion", assertThrows(PagodaException.class,
          () -> c.execute("INSERT INTO c0 VALUES (1)")).getMessage());
      c.execute("INSERT INTO c900 VALUES (1)");
      assertEquals(List.of("1"), Sql.column(c, "SELECT x FROM c1001"));
    }
  }

  @Test
  void recursiveTriggersStayOff() {
    assertEquals(List.of("0"), rows("PRAGMA recursive_triggers"));
    conn.execute("PRAGMA recursive_triggers = OFF");
    assertEquals("not supported yet: PRAGMA recursive_triggers = ON",
        error("PRAGMA recursive_triggers = ON"));
  }

  @Test
  void counterFunctions() {
    conn.execute("CREATE TRIGGER r AFTER INSERT ON t BEGIN INSERT INTO log VALUES (1, 2, 3); END;"
        + "INSERT INTO t VALUES (7, 1, 1), (8, 1, 1)");
    assertEquals(List.of("2|4|8"), rows("SELECT changes(), total_changes(), last_insert_rowid()"));
    assertEquals("wrong number of arguments to function changes()", error("SELECT changes(1)"));
  }

  @Test
  void tempViewsAndTriggers() {
    conn.execute("INSERT INTO t VALUES (1, 2, 'x'); CREATE TEMP VIEW tv AS SELECT a FROM t;"
        + "CREATE TEMP TRIGGER tr AFTER DELETE ON t BEGIN INSERT INTO log VALUES (old.a, 0, 0); END");
    assertEquals(List.of("2"), rows("SELECT * FROM tv"));
    assertEquals(List.of(), rows("SELECT name FROM sqlite_schema WHERE name IN ('tv', 'tr')"));
    conn.execute("DELETE FROM t");
    assertEquals(List.of("2|0|0"), rows("SELECT * FROM log"));
    conn.execute("DROP VIEW tv; DROP TRIGGER tr");
    assertEquals("no such table: tv", error("SELECT * FROM tv"));
  }

  @Test
  void sqliteReadsPagodaTriggersAndBack() throws Exception {
    Path file = dir.resolve("t.db");
    try (Database d = Database.open(file); Connection c = d.connect()) {
      c.execute("CREATE TABLE a(x); CREATE TABLE b(y);"
          + "CREATE TRIGGER ab AFTER INSERT ON a BEGIN INSERT INTO b VALUES (new.x * 2); END");
    }
    try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      s.createStatement().execute("INSERT INTO a VALUES (21)");
      s.createStatement().execute(
          "CREATE TRIGGER ba AFTER INSERT ON b BEGIN INSERT INTO a VALUES (0); END");
      try (ResultSet r = s.createStatement().executeQuery("SELECT y FROM b")) {
        r.next();
        assertEquals(42, r.getInt(1));
      }
    }
    try (Database d = Database.open(file); Connection c = d.connect()) {
      c.execute("INSERT INTO a VALUES (5)");
      assertEquals(List.of("21", "5", "0"), Sql.column(c, "SELECT x FROM a"));
    }
  }
}
