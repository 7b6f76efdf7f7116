package dev.pagoda.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SqliteDifferentialTest}'s comparison for UPDATE, DELETE, INSERT's upsert and RETURNING,
 * CREATE VIEW, CREATE TRIGGER (with trigger-step restrictions), CREATE VIRTUAL TABLE, ALTER
 * TABLE, ANALYZE, VACUUM, REINDEX, ATTACH and DETACH: SQLite's parser verdict and message against
 * Pagoda's, on fixed lists, on sqlite_schema text and on random mutations.
 */
class DmlDdlDifferentialTest {
  private static Connection sqlite;

  @BeforeAll
  static void open() throws SQLException {
    sqlite = RejectedMessages.sqliteWith("CREATE TABLE t(a, b)", "CREATE TABLE p(x PRIMARY KEY, y UNIQUE)");
  }

  @AfterAll
  static void close() {
    try {
      sqlite.close();
    } catch (SQLException e) {
      // nothing to release
    }
  }




  /**
   * SQLite's parse-level messages, and NULLS FIRST/LAST on an upsert target, which SQLite's parser
   * refuses in a trigger body (elsewhere the same message comes from a later phase).
   */
  private static boolean isParserMessage(String m) {
    return RejectedMessages.isParseLevel(m) || m.startsWith("unsupported use of NULLS");
  }

  /** Rejected by SQLite's parser: Pagoda must give the same message. */
  static final String[] BAD = {
    "UPDATE t x SET a = 1",
    "UPDATE OR t SET a = 1",
    "UPDATE t SET a",
    "UPDATE t SET",
    "UPDATE t",
    "UPDATE t SET a = 1,",
    "UPDATE t SET t.a = 1",
    "UPDATE t SET (a, b) = 1",
    "UPDATE t SET (a, b) = (1, 2, 3)",
    "UPDATE t SET (a) = (1, 2)",
    "UPDATE t SET a = 1 ORDER BY a LIMIT 1 RETURNING a",
    "UPDATE t SET a = 1 RETURNING",
    "UPDATE t SET a = 1 LIMIT",
    "UPDATE t SET a = 1 FROM",
    "UPDATE t SET a = 1 FROM p ON 1",
    "UPDATE t SET () = 1",
    "UPDATE t SET (a,) = (1)",
    "UPDATE t INDEXED SET a = 1",
    "UPDATE t NOT SET a = 1",
    "UPDATE t SET a = 1 WHERE",
    "UPDATE t SET a = 1 RETURNING *,",
    "DELETE t",
    "DELETE FROM t x",
    "DELETE FROM t ORDER BY a LIMIT",
    "DELETE FROM",
    "DELETE FROM t WHERE a = 1 WHERE b = 2",
    "DELETE FROM t LIMIT 1 ORDER BY a",
    "DELETE FROM t RETURNING",
    "DELETE FROM t INDEXED BY",
    "DELETE FROM main.",
    "WITH c AS (SELECT 1) CREATE TABLE x(a)",
    "WITH c AS (SELECT 1)",
    "INSERT INTO p VALUES (1, 2) ON CONFLICT DO NOTHING ON CONFLICT (x) DO NOTHING",
    "INSERT INTO p DEFAULT VALUES ON CONFLICT DO NOTHING",
    "INSERT INTO t SELECT * FROM t ON CONFLICT DO NOTHING",
    "INSERT INTO t SELECT * FROM t ON CONFLICT (a) DO NOTHING",
    "INSERT INTO t SELECT * FROM t AS x ON CONFLICT DO NOTHING",
    "INSERT INTO t SELECT * FROM t JOIN p ON CONFLICT DO NOTHING",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT (a) DO NOTHING ON CONFLICT DO UPDATE SET a = 1 ON CONFLICT DO NOTHING",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT DO UPDATE SET a = 1 RETURNING * ON CONFLICT DO NOTHING",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT () DO NOTHING",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT DO",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT DO UPDATE",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT DO UPDATE a = 1",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT WHERE a DO NOTHING",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET (a, b) = (1, 2, 3)",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT ABORT",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT (a) WHERE DO NOTHING",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT (a) DO SOMETHING",
    "INSERT INTO t VALUES (1, 2) RETURNING",
    "INSERT INTO t VALUES (1, 2) RETURNING * ON CONFLICT DO NOTHING",
    "INSERT INTO t DEFAULT VALUES RETURNING a,",
    "INSERT INTO t VALUES (1, 2) RETURNING a AS",
    "CREATE VIEW v",
    "CREATE VIEW v AS",
    "CREATE VIEW v SELECT 1",
    "CREATE VIEW v() AS SELECT 1",
    "CREATE VIEW v(a COLLATE x) AS SELECT 1",
    "CREATE VIEW v(a DESC) AS SELECT 1",
    "CREATE VIEW IF EXISTS v AS SELECT 1",
    "CREATE VIEW v AS SELECT ?",
    "CREATE VIEW v AS VALUES (:x)",
    "CREATE VIEW v AS SELECT 1 ORDER BY 1 UNION SELECT 2",
    "CREATE UNIQUE VIEW v AS SELECT 1",
    "CREATE VIEW v AS INSERT INTO t VALUES (1, 2)",
    "CREATE VIEW main. AS SELECT 1",
    "CREATE TEMP VIRTUAL TABLE v USING fts5(a)",
    "CREATE VIRTUAL TABLE v USING fts5(a, b",
    "CREATE VIRTUAL TABLE v USING fts5(a, (b, c)",
    "CREATE VIRTUAL TABLE v USING",
    "CREATE VIRTUAL TABLE v",
    "CREATE VIRTUAL TABLE USING fts5",
    "CREATE VIRTUAL v USING fts5",
    "CREATE VIRTUAL TABLE v USING fts5 x",
    "CREATE VIRTUAL TABLE v USING fts5() x",
    "CREATE VIRTUAL TABLE v USING fts5.x(a)",
    "CREATE VIRTUAL TABLE v USING fts5(a 'b)",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE main.t SET a = 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM main.t; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO main.t VALUES (1, 2); END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO main.t AS x VALUES (1, 2); END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE main.t SET a = 1; SELECT 1 garbage; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE main.t SET a = 1 garbage; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t INDEXED BY i SET a = 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t INDEXED BY i garbage; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM t NOT INDEXED; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM t NOT INDEXED WHERE 1 garbage; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t AS x NOT INDEXED SET a = 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t NOT INDEXED SET (a,b) = 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t VALUES (1, 2) RETURNING *; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t VALUES (1, 2) RETURNING * garbage; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO main.t VALUES (1, 2) RETURNING *; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t VALUES (1, 2) RETURNING; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM t RETURNING *; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1 RETURNING a; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM t LIMIT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM t ORDER BY a; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1 LIMIT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t DEFAULT VALUES; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN WITH c AS (SELECT 1) DELETE FROM t; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN WITH c AS (SELECT 1) INSERT INTO t SELECT * FROM c; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1 END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN ; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1;; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1;",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END garbage",
    "CREATE TRIGGER tr AFTER INSERT ON t",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN BEGIN; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN CREATE TABLE x(a); END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN EXPLAIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN PRAGMA x; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT ?; END",
    "CREATE TRIGGER tr AFTER INSERT ON t WHEN ? BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = :x; END",
    "CREATE TRIGGER tr ON t BEGIN SELECT 1; END",
    "CREATE TRIGGER tr UPDATE OF ON t BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH STATEMENT BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH BEGIN SELECT 1; END",
    "CREATE TRIGGER tr INSTEAD INSERT ON t BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER BEFORE INSERT ON t BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER INSERT OF a ON t BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t AS x BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t WHEN BEGIN SELECT 1; END",
    "CREATE TRIGGER IF EXISTS tr AFTER INSERT ON t BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER SELECT ON t BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET (a, b) = (1); END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t SELECT * FROM t ON CONFLICT DO NOTHING; END",
    "ALTER TABLE t ADD CONSTRAINT c UNIQUE (a)",
    "ALTER TABLE t ADD CONSTRAINT c",
    "ALTER TABLE t ADD UNIQUE (a)",
    "ALTER TABLE t DROP CONSTRAINT",
    "ALTER TABLE t ALTER COLUMN a DROP NOT NULL ON CONFLICT IGNORE",
    "ALTER TABLE t ALTER COLUMN a SET NULL",
    "ALTER TABLE t ALTER COLUMN a SET DEFAULT 1",
    "ALTER TABLE t ALTER column SET NOT NULL",
    "ALTER TABLE t ALTER COLUMN a",
    "ALTER TABLE t RENAME column TO x",
    "ALTER TABLE t RENAME TO main.u",
    "ALTER TABLE t RENAME TO",
    "ALTER TABLE t RENAME a b",
    "ALTER TABLE t DROP column",
    "ALTER TABLE t ADD COLUMN",
    "ALTER TABLE t ADD column",
    "ALTER TABLE t ADD COLUMN c, d",
    "ALTER TABLE t DROP COLUMN a b",
    "ALTER TABLE t",
    "ALTER t RENAME TO u",
    "ALTER TABLE t ADD COLUMN c AS (1) foo",
    "ALTER TABLE t ADD COLUMN c VARCHAR(1_0)",
    "ALTER TABLE t ADD COLUMN c REFERENCES p(x COLLATE y)",
    "ALTER TABLE t RENAME COLUMN a TO b c",
    "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) garbage",
    "ALTER TABLE t ADD CHECK a > 0",
    "ALTER TABLE t MODIFY a INT",
    "ALTER TABLE main.t.u RENAME TO v",
    "ANALYZE main.t.x",
    "ANALYZE 1",
    "ANALYZE t x",
    "VACUUM main x",
    "VACUUM INTO",
    "VACUUM temp.x",
    "VACUUM INTO 'a' 'b'",
    "REINDEX main.",
    "REINDEX a b",
    "ATTACH 'f'",
    "ATTACH 'f' AS",
    "ATTACH 'f' x",
    "ATTACH database AS x",
    "ATTACH 'f' AS x KEY",
    "ATTACH",
    "DETACH",
    "DETACH x y",
    "DETACH database",
    "EXPLAIN UPDATE",
    "EXPLAIN DELETE FROM",
    "EXPLAIN ALTER TABLE t",
    "EXPLAIN ATTACH",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO main.t VALUES (1, 2) ON CONFLICT (a"
        + " NULLS FIRST) DO NOTHING; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t VALUES (1, 2) ON CONFLICT (a DESC"
        + " NULLS LAST) DO NOTHING; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t VALUES (1, 2) ON CONFLICT (a, b"
        + " NULLS FIRST) DO NOTHING; END",
  };

  /** Accepted by SQLite's parser (some fail later, in name resolution): Pagoda must parse them. */
  static final String[] GOOD = {
    "UPDATE t SET a = 1",
    "UPDATE t SET a = 1, b = a + 1 WHERE a > 0",
    "UPDATE OR REPLACE t SET a = 1",
    "UPDATE OR IGNORE main.t AS x SET a = x.b",
    "UPDATE t SET (a, b) = (1, 2) WHERE a = 1",
    "UPDATE t SET (a, b) = (SELECT 1, 2), a = 3",
    "UPDATE t SET (a) = 1",
    "UPDATE t SET a == 1",
    "UPDATE t SET a = 1 FROM p WHERE x = a RETURNING *",
    "UPDATE t SET a = 1 FROM p, (SELECT 1) AS s JOIN p AS q ON 1",
    "UPDATE t SET a = 1 LIMIT 1 OFFSET 2",
    "UPDATE t SET a = 1 LIMIT 2, 1",
    "UPDATE t SET a = 1 WHERE a RETURNING *, a",
    "UPDATE t SET a = 1 RETURNING * ORDER BY a LIMIT 1",
    "UPDATE t NOT INDEXED SET a = 1",
    "UPDATE t SET a = 1 ORDER BY a",
    "UPDATE t SET \"select\" = 1",
    "UPDATE t SET key = 1, action = 2",
    "WITH c AS (SELECT 1) UPDATE t SET a = (SELECT * FROM c)",
    "DELETE FROM t",
    "DELETE FROM t WHERE a = 1",
    "DELETE FROM main.t AS x NOT INDEXED",
    "DELETE FROM t WHERE a = 1 ORDER BY a LIMIT 1",
    "DELETE FROM t LIMIT 1 OFFSET 1",
    "DELETE FROM t RETURNING * ORDER BY a LIMIT 1",
    "DELETE FROM t RETURNING a AS x, b y, a + b",
    "DELETE FROM t ORDER BY a",
    "WITH RECURSIVE c(n) AS (SELECT 1) DELETE FROM t WHERE a IN c",
    "INSERT INTO t VALUES (1, 2) RETURNING a, *",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT DO NOTHING",
    "INSERT INTO t VALUES (1, 2) ON CONFLICT DO UPDATE SET a = 1 WHERE b = 2 RETURNING *",
    "INSERT INTO p VALUES (1, 2) ON CONFLICT (x) DO UPDATE SET y = excluded.y WHERE 1 ON CONFLICT DO NOTHING RETURNING *",
    "INSERT INTO p VALUES (1, 2) ON CONFLICT (x) WHERE x > 0 DO NOTHING",
    "INSERT INTO p VALUES (1, 2) ON CONFLICT (x) DO NOTHING ON CONFLICT (y) DO UPDATE SET x = 1",
    "INSERT INTO p VALUES (1, 2) ON CONFLICT (x) DO UPDATE SET (x, y) = (1, 2)",
    "INSERT INTO p DEFAULT VALUES RETURNING x AS q, *",
    "INSERT INTO t SELECT * FROM t WHERE true ON CONFLICT DO NOTHING",
    "INSERT INTO t SELECT 1, 2 ON CONFLICT DO NOTHING",
    "INSERT INTO t SELECT * FROM t ORDER BY 1 ON CONFLICT DO NOTHING",
    "INSERT INTO t SELECT * FROM t GROUP BY a ON CONFLICT DO NOTHING",
    "INSERT INTO t VALUES (1, 2) UNION SELECT 1, 2 ON CONFLICT DO NOTHING",
    "INSERT INTO t SELECT * FROM t LIMIT 1 ON CONFLICT DO NOTHING",
    "INSERT INTO t(a) VALUES(1) RETURNING a+1 -- c",
    "REPLACE INTO t VALUES (1, 2) RETURNING rowid",
    "INSERT INTO t AS new VALUES (1, 2) ON CONFLICT DO UPDATE SET a = new.a",
    "CREATE VIEW v AS SELECT 1",
    "CREATE VIEW v(a, b) AS SELECT 1, 2",
    "CREATE TEMP VIEW IF NOT EXISTS v AS SELECT * FROM t",
    "CREATE VIEW main.v AS WITH c AS (SELECT 1) SELECT * FROM c",
    "CREATE VIEW v AS VALUES (1), (2)",
    "CREATE VIEW view AS SELECT 1",
    "CREATE TEMPORARY VIEW v AS SELECT a FROM t UNION SELECT b FROM t",
    "CREATE VIRTUAL TABLE v USING fts5(a, b)",
    "CREATE VIRTUAL TABLE v USING fts5(a; b)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS main.v USING nosuch",
    "CREATE VIRTUAL TABLE v USING nosuch(a, (b, c), 'd e', f(g) h)",
    "CREATE VIRTUAL TABLE v USING nosuch(,,)",
    "CREATE VIRTUAL TABLE v USING nosuch()",
    "CREATE VIRTUAL TABLE v USING \"fts5\"(SELECT, FROM, ON)",
    "CREATE VIRTUAL TABLE v USING rtree(id, x1, x2)",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END; SELECT 2",
    "CREATE TRIGGER tr BEFORE DELETE ON main.t BEGIN SELECT 1; END",
    "CREATE TRIGGER IF NOT EXISTS main.tr DELETE ON t BEGIN SELECT 1; END",
    "CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN UPDATE main.t SET a = 1; END",
    "CREATE TRIGGER temp.tr AFTER INSERT ON t BEGIN DELETE FROM main.t; END",
    "CREATE TRIGGER tr AFTER UPDATE OF a, b ON t FOR EACH ROW WHEN new.a > 0 BEGIN SELECT RAISE(IGNORE); END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT RAISE(ABORT, 'x'); SELECT RAISE(FAIL, new.a); END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN VALUES (1); END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN REPLACE INTO t VALUES (1, 2); END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t SELECT 1, 2 ON CONFLICT DO NOTHING; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t(a) VALUES (1) ON CONFLICT (a) DO UPDATE SET b = 2; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE OR IGNORE t SET a = 1 FROM p WHERE x = 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t AS x SET a = 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t AS x VALUES (1, 2); END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN WITH c AS (SELECT 1) SELECT * FROM c; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM t WHERE a = old.a; INSERT INTO p SELECT a, b FROM t WHERE 1; END",
    "CREATE TRIGGER after AFTER INSERT ON t BEGIN SELECT 1; END",
    "CREATE TRIGGER tr INSERT ON t BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1 AS end; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT \"end\"; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET (a, b) = (SELECT 1, 2); END",
    "CREATE TRIGGER tr AFTER DELETE ON t WHEN (SELECT count(*) FROM p) > 0 BEGIN SELECT 1; END",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t VALUES (1, 2) ON CONFLICT (a) DO"
        + " NOTHING ON CONFLICT (b NULLS LAST) DO NOTHING; END",
    "INSERT INTO nosuch VALUES (1, 2) ON CONFLICT (x NULLS FIRST) DO NOTHING",
    "ALTER TABLE t RENAME TO u",
    "ALTER TABLE main.t RENAME TO u",
    "ALTER TABLE t RENAME COLUMN a TO c",
    "ALTER TABLE t RENAME a TO c",
    "ALTER TABLE t ADD COLUMN c INT NOT NULL DEFAULT 0",
    "ALTER TABLE t ADD c",
    "ALTER TABLE t ADD column INT",
    "ALTER TABLE t ADD COLUMN \"c d\" TEXT",
    "ALTER TABLE t ADD COLUMN c CHECK (c > 0) CONSTRAINT x",
    "ALTER TABLE t ADD COLUMN c REFERENCES p(x) ON DELETE CASCADE",
    "ALTER TABLE t ADD COLUMN c AS (a + 1)",
    "ALTER TABLE t DROP a",
    "ALTER TABLE t DROP COLUMN a",
    "ALTER TABLE t ADD CHECK (a > 0)",
    "ALTER TABLE t ADD CHECK (a > 0) ON CONFLICT ABORT",
    "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) ON CONFLICT FAIL",
    "ALTER TABLE t DROP CONSTRAINT c",
    "ALTER TABLE t ALTER a SET NOT NULL",
    "ALTER TABLE t ALTER COLUMN a SET NOT NULL ON CONFLICT IGNORE",
    "ALTER TABLE t ALTER COLUMN a DROP NOT NULL",
    "ANALYZE",
    "ANALYZE t",
    "ANALYZE main.t",
    "ANALYZE main",
    "VACUUM",
    "VACUUM main",
    "VACUUM INTO 'x.db'",
    "VACUUM main INTO :f",
    "REINDEX",
    "REINDEX nocase",
    "REINDEX main.t",
    "ATTACH 'f' AS x",
    "ATTACH DATABASE 'f' AS x KEY 'k' || 'y'",
    "ATTACH ':memory:' AS 'x'",
    "ATTACH f AS x",
    "ATTACH database 'f' AS database",
    "DETACH x",
    "DETACH DATABASE 'x'",
    "DETACH database x",
    "EXPLAIN UPDATE t SET a = 1",
    "EXPLAIN QUERY PLAN DELETE FROM t WHERE a = 1",
    "EXPLAIN ALTER TABLE t RENAME TO u",
    "EXPLAIN VACUUM",
    "EXPLAIN CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END",
    "EXPLAIN CREATE VIEW v AS SELECT 1",
    "EXPLAIN QUERY PLAN INSERT INTO t VALUES (1, 2) ON CONFLICT DO NOTHING",
    "EXPLAIN ANALYZE",
    "EXPLAIN ATTACH 'f' AS x",
    "EXPLAIN CREATE VIRTUAL TABLE v USING fts5(a)",
  };

  @Test
  void differential_badStatements_sameMessageAsSqlite() {
    List<String> failures = new ArrayList<>();
    for (String sql : BAD) {
      String theirs = RejectedMessages.sqliteError(sqlite, sql);
      assertTrue(theirs != null && isParserMessage(theirs), "oracle accepted: " + sql);
      String mine = RejectedMessages.pagodaError(sql);
      if (!theirs.equals(mine)) {
        failures.add(sql + "\n   pagoda: " + mine + "\n   sqlite: " + theirs);
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(BAD.length >= 150, "cases: " + BAD.length);
  }

  @Test
  void differential_goodStatements_acceptedByBoth() {
    List<String> failures = new ArrayList<>();
    for (String sql : GOOD) {
      String theirs = RejectedMessages.sqliteError(sqlite, sql);
      assertTrue(theirs == null || !isParserMessage(theirs), sql + ": " + theirs);
      String mine = RejectedMessages.pagodaError(sql);
      if (mine != null) {
        failures.add(sql + "\n   pagoda: " + mine);
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void differential_goodStatements_printAndReparseToEqualAst() {
    for (String sql : GOOD) {
      ParsedStatement parsed = Parser.parseFirst(sql);
      String printed = SqlPrinter.print(parsed.statement());
      assertEquals(parsed.statement(), Parser.parseFirst(printed).statement(), printed);
      String theirs = RejectedMessages.sqliteError(sqlite, printed);
      assertTrue(theirs == null || !isParserMessage(theirs), printed + ": " + theirs);
    }
  }

  /** CREATE VIEW, TRIGGER and VIRTUAL TABLE statements whose sqlite_schema text must match. */
  static final String[] SCHEMA = {
    "create view v1 as select 1",
    "create view if not exists main.v2(x, y) as select a, b from t   ;",
    "create temp view v3 as select 1 /* c */ ;",
    "create view v4 as select 1 -- trailing",
    "create view v5 as select 1 -- c;\n;",
    "CREATE VIEW \"v6\" AS SELECT a\n  FROM t\n\t\n",
    "create view v7 as values (1), (2);select 1",
    "create trigger tr1 after insert on t begin select 1; end",
    "create trigger if not exists main.tr2 before delete on t for each row when old.a > 0"
        + " begin delete from p where x = old.a ; end ; ",
    "create temp trigger tr3 instead of update of a, b on v1 begin\n  select 1;\n  select 2;\nend"
        + " -- c",
    "CREATE TRIGGER \"tr4\"/*x*/UPDATE ON t BEGIN UPDATE t SET a = new.a; END",
    "create virtual table vt1 using fts5(a, b)",
    "create virtual table if not exists main.vt2 using fts5 ( a ,  b /* c */ , c ) ;",
    "CREATE VIRTUAL TABLE vt3 USING rtree(id, x1, x2)  ",
  };

  @Test
  void differential_schemaSql_matchesSqliteSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t(a, b)");
      s.execute("CREATE TABLE p(x, y)");
      for (String sql : SCHEMA) {
        s.execute(sql);
        ParsedStatement parsed = Parser.parseFirst(sql);
        String stored = storedSql(c, objectName(parsed.statement()));
        assertEquals(stored, Parser.schemaSql(sql, parsed), sql);
      }
    }
  }

  private static String objectName(dev.pagoda.parser.ast.Statement s) {
    if (s instanceof dev.pagoda.parser.ast.CreateView v) {
      return v.name().name();
    }
    if (s instanceof dev.pagoda.parser.ast.CreateTrigger t) {
      return t.name().name();
    }
    return ((dev.pagoda.parser.ast.CreateVirtualTable) s).name().name();
  }

  private static String storedSql(Connection c, String name) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(
        "SELECT sql FROM sqlite_schema WHERE name = ?1"
            + " UNION ALL SELECT sql FROM temp.sqlite_schema WHERE name = ?1")) {
      q.setString(1, name);
      try (ResultSet r = q.executeQuery()) {
        assertTrue(r.next(), name);
        return r.getString(1);
      }
    }
  }

  static final String[] BASE = {
    "UPDATE OR REPLACE main.t AS x INDEXED BY i SET a = 1, (b, a) = (2, 3) FROM p WHERE x.a > 0"
        + " RETURNING a, * ORDER BY a LIMIT 1 OFFSET 2",
    "WITH c AS (SELECT 1) DELETE FROM t AS x NOT INDEXED WHERE a IN c RETURNING * ORDER BY a"
        + " LIMIT 1",
    "INSERT INTO p AS n (x, y) VALUES (1, 2) ON CONFLICT (x) WHERE x > 0 DO UPDATE SET y ="
        + " excluded.y WHERE n.y IS NULL ON CONFLICT DO NOTHING RETURNING x AS k",
    "INSERT INTO t SELECT a, b FROM t WHERE true ON CONFLICT DO NOTHING",
    "CREATE TEMP VIEW IF NOT EXISTS v(x, y) AS SELECT a, b FROM t WHERE a > 1",
    "CREATE TRIGGER IF NOT EXISTS main.tr AFTER UPDATE OF a, b ON t FOR EACH ROW WHEN new.a > 0"
        + " BEGIN UPDATE t SET a = 1 WHERE b = 2; INSERT INTO p VALUES (new.a, 1) ON CONFLICT DO"
        + " NOTHING; DELETE FROM t WHERE a = old.a; SELECT RAISE(ABORT, 'x'); END",
    "CREATE TEMP TRIGGER tr BEFORE INSERT ON t BEGIN UPDATE t AS x SET (a, b) = (1, 2) FROM p;"
        + " INSERT INTO t AS y SELECT * FROM p WHERE 1 ON CONFLICT (a) DO UPDATE SET b = 1; END",
    "INSERT INTO t SELECT * FROM t JOIN p USING (a) ON CONFLICT (a) DO UPDATE SET b = 2"
        + " RETURNING *",
    "CREATE VIRTUAL TABLE IF NOT EXISTS main.v USING fts5(a, b, tokenize = 'porter')",
    "ALTER TABLE main.t ADD COLUMN c INT NOT NULL DEFAULT 0",
    "ALTER TABLE t RENAME COLUMN a TO c",
    "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0) ON CONFLICT ABORT",
    "ALTER TABLE t ALTER COLUMN a SET NOT NULL ON CONFLICT IGNORE",
    "ATTACH DATABASE 'f' AS x KEY 'k'",
    "VACUUM main INTO 'f'",
    "EXPLAIN QUERY PLAN DETACH DATABASE x",
    "ANALYZE main.t",
    "REINDEX main.t",
  };

  static final String[] VOCABULARY = {
    "(", ")", ",", ";", ".", "*", "=", "a", "t", "1", "?", "'s'", "NOT", "NULL", "AND", "ON",
    "AS", "SELECT", "FROM", "WHERE", "SET", "UPDATE", "DELETE", "INSERT", "INTO", "VALUES", "OR",
    "REPLACE", "RETURNING", "CONFLICT", "DO", "NOTHING", "ORDER", "BY", "LIMIT", "OFFSET",
    "INDEXED", "BEGIN", "END", "TRIGGER", "VIEW", "VIRTUAL", "TABLE", "USING", "ALTER", "ADD",
    "DROP", "COLUMN", "RENAME", "TO", "CONSTRAINT", "CHECK", "BEFORE", "AFTER", "INSTEAD", "OF",
    "FOR", "EACH", "ROW", "WHEN", "TEMP", "IF", "EXISTS", "WITH", "ATTACH", "DETACH", "DATABASE",
    "KEY", "VACUUM", "ANALYZE", "REINDEX", "EXPLAIN", "DEFAULT", "main", "RAISE", "IGNORE",
    "JOIN", "main.t",
  };

  /** Random token-level mutations of the statements above (fixed seed). */
  @Test
  void differential_mutatedStatements_sameVerdictAsSqlite() {
    Random random = new Random(20250601);
    List<String> failures = new ArrayList<>();
    int compared = 0;
    for (int i = 0; i < 4000; i++) {
      String sql = mutate(BASE[random.nextInt(BASE.length)], random);
      String theirs = RejectedMessages.sqliteError(sqlite, sql);
      if ("?".equals(theirs)) {
        continue;
      }
      compared++;
      String mine = RejectedMessages.pagodaError(sql);
      boolean theirsParse = theirs != null && isParserMessage(theirs);
      boolean same = mine == null ? !theirsParse : mine.equals(theirs) || !theirsParse;
      if (!same) {
        failures.add(sql + "\n   pagoda: " + mine + "\n   sqlite: " + theirs);
      }
    }
    assertTrue(compared > 3500, "compared " + compared);
    assertEquals(List.of(), failures);
  }

  private static String mutate(String base, Random random) {
    List<String> tokens = tokens(base);
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations && !tokens.isEmpty(); m++) {
      int k = random.nextInt(tokens.size());
      switch (random.nextInt(4)) {
        case 0 -> tokens.remove(k);
        case 1 -> tokens.add(k, VOCABULARY[random.nextInt(VOCABULARY.length)]);
        case 2 -> tokens.set(k, VOCABULARY[random.nextInt(VOCABULARY.length)]);
        default -> Collections.swap(tokens, k, Math.min(k + 1, tokens.size() - 1));
      }
    }
    return String.join(" ", tokens);
  }

  private static List<String> tokens(String sql) {
    char[] chars = sql.toCharArray();
    Tokenizer t = new Tokenizer(chars, 0, chars.length);
    List<String> out = new ArrayList<>();
    for (t.next(); t.type != TokenType.EOF; t.next()) {
      out.add(sql.substring(t.start, t.end));
    }
    return out;
  }
}
