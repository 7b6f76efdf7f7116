package dev.pagoda.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
 * Compares with real SQLite (sqlite-jdbc): where SQLite's parser rejects a statement, Pagoda must
 * reject it with the same message, and where SQLite's parser accepts it, so must Pagoda.
 */
class SqliteDifferentialTest {
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
      // sqlite-jdbc may complain about statements it failed to prepare; nothing to release
    }
  }




  static final String[] BAD = {
    "SELECT * FORM t", "SELECT", "SELECT;", "SELECT 'abc", "CREATE TABLE", "INSERT INTO t VALUES(1,)",
    "SELECT x'ABC'", "SELECT #", "SELECT #1", "SELECT 1__2", "SELECT 12_3__4", "SELECT 1__2)",
    "SELECT 0xZZ", "SELECT 123abc", "CREATE TABLE u(a) foo", "CREATE TABLE u(a) foo bar",
    "CREATE TABLE u(a) WITHOUT \"rowid\"", "CREATE TABLE u(a REFERENCES t(a COLLATE x))",
    "CREATE TABLE u(a AS (1) foo)", "CREATE TABLE u(a AS (1) foo,)", "CREATE TABLE u()",
    "CREATE TABLE u(a CONSTRAINT)", "CREATE TABLE u(a, PRIMARY KEY(a), b)",
    "CREATE TABLE u(a VARCHAR(1_0))", "CREATE TABLE u(a) STRICT STRICT", "CREATE TABLE if(a)",
    "SELECT 1 BETWEEN 0 OR 1 AND 2", "SELECT 1 ORDER BY 1 UNION SELECT 2",
    "SELECT * FROM t LEFT INNER JOIN t", "SELECT * FROM t OUTER JOIN t", "SELECT * FROM t ON 1",
    "VALUES(1),(2,3)", "SELECT ?0", "SELECT cast FROM t", "SELECT a left FROM t",
    "SELECT !", "SELECT x'1'", "SELECT \"abc", "SELECT [abc", "SELECT `abc", "SELECT $",
    "SELECT a NOT b FROM t", "SELECT count(DISTINCT *) FROM t", "SELECT 1 LIKE 2 ESCAPE 3 ESCAPE 4",
    "SELECT a FROM t x y", "SELECT a FROM t WHERE", "SELECT 1 UNION VALUES(2) ORDER BY 1",
    "VALUES(1) ORDER BY 1", "SELECT raise", "SELECT 1 /*", "CREATE TABLE u(a) , , STRICT", "CREATE TABLE u(a AS (1) GENERATED ALWAYS AS (2))",
    "SELECT * FROM t NOT x", "CREATE TABLE u(a, FOREIGN KEY(a) REFERENCES p NOT NULL)",
    "WITH x AS (SELECT 1), x AS (SELECT 2) SELECT 1", "SELECT 1 LIMIT 1 UNION SELECT 2",
    "SELECT f(1,)", "SELECT CASE END", "SELECT * FROM t LEFT 'x' JOIN t", "SELECT a.*.b FROM t",
    "SELECT 1 IS DISTINCT 2", "INSERT INTO t(a,) VALUES(1)", "DROP TABLE if", "SELECT (1,)",
    "CREATE INDEX i ON t()", "CREATE INDEX ON t(a)", "CREATE INDEX i t(a)", "CREATE INDEX",
    "CREATE TEMP INDEX i ON t(a)", "CREATE INDEX i ON main.t(a)", "CREATE INDEX i ON t",
    "CREATE INDEX i ON t(a) WHERE", "CREATE INDEX i ON t(a,)", "CREATE UNIQUE i ON t(a)",
    "CREATE INDEX IF EXISTS i ON t(a)", "CREATE INDEX i ON t(a) b", "CREATE INDEX i ON t(a COLLATE)",
    "CREATE INDEX i ON t(a ASC DESC)", "CREATE INDEX i ON t(a) ORDER BY a", "CREATE INDEX i ON (a)",
    "CREATE INDEX main. ON t(a)", "create index index on t(a)", "CREATE UNIQUE TABLE u(a)",
    "CREATE TEMP UNIQUE INDEX i ON t(a)", "CREATE INDEX i ON t(a NULLS)", "CREATE INDEX if ON t(a)",
    "CREATE INDEX i ON t(a) WHERE a = 1 AND", "CREATE INDEX i ON t a", "CREATE INDEX i ON t(a;",
    "CREATE INDEX i ON t(a) WHERE (SELECT", "CREATE INDEX i ON t(a) WHERE a 'x", "DROP INDEX",
    "DROP INDEX IF i", "DROP TRIGGER x.y.z", "DROP INDEX main.", "DROP INDEX if", "DROP VIEW",
    "DROP TRIGGER", "DROP UNIQUE INDEX i", "DROP VIEW IF NOT EXISTS v", "DROP INDEX i j",
    // transactions and savepoints
    "BEGIN x", "BEGIN TRANSACTION x y", "BEGIN DEFERRED IMMEDIATE", "BEGIN TRANSACTION DEFERRED x",
    "BEGIN END", "BEGIN TRANSACTION TO x", "COMMIT x", "COMMIT TRANSACTION x y", "END x",
    "COMMIT TO x", "END TRANSACTION TO", "ROLLBACK x", "ROLLBACK TO", "ROLLBACK TO;",
    "ROLLBACK TO SAVEPOINT", "ROLLBACK TO SAVEPOINT;", "ROLLBACK TRANSACTION TO", "ROLLBACK TO x y",
    "ROLLBACK TO SAVEPOINT x y", "ROLLBACK TO 1", "ROLLBACK TRANSACTION x TO", "SAVEPOINT",
    "SAVEPOINT;", "SAVEPOINT x y", "SAVEPOINT 1", "SAVEPOINT TO", "SAVEPOINT main.x", "RELEASE",
    "RELEASE SAVEPOINT", "RELEASE SAVEPOINT;", "RELEASE x y", "RELEASE TRANSACTION x",
    "RELEASE SAVEPOINT SAVEPOINT x", "BEGIN DEFERRED TRANSACTION x.y", "SAVEPOINT NULL",
    "ROLLBACK TRANSACTION TRANSACTION", "ROLLBACK TO savepoint", "RELEASE savepoint",
    "BEGIN TRANSACTION SELECT",
    // PRAGMA
    "PRAGMA", "PRAGMA;", "PRAGMA 1", "PRAGMA x.", "PRAGMA x.y.z", "PRAGMA x =", "PRAGMA x = ;",
    "PRAGMA x(", "PRAGMA x()", "PRAGMA x(1", "PRAGMA x(1,2)", "PRAGMA x = 1 2", "PRAGMA x = -",
    "PRAGMA x = - a", "PRAGMA x = -'1'", "PRAGMA x = +", "PRAGMA x = +a", "PRAGMA x = NULL",
    "PRAGMA x = SELECT", "PRAGMA x = 1_000", "PRAGMA x = -1_000", "PRAGMA x = x'00'",
    "PRAGMA x = ?", "PRAGMA x = (1)", "PRAGMA x = 1 + 1", "PRAGMA x = a.b", "PRAGMA x = -x",
    "PRAGMA x 1", "PRAGMA x = - -1", "PRAGMA x = ON OFF", "PRAGMA x = TRUE FALSE", "PRAGMA x(-)",
    "PRAGMA x(ON", "PRAGMA x = ALL", "PRAGMA x = 'a' 'b'",
    "PRAGMA x = INSERT", "PRAGMA x = NOT", "PRAGMA x = (", "PRAGMA x(1) = 2", "PRAGMA x = 1 (2)",
    "PRAGMA SELECT", "PRAGMA main.SELECT", "PRAGMA x = :a", "PRAGMA x = 0x", "PRAGMA x = 1e",
    // EXPLAIN
    "EXPLAIN", "EXPLAIN;", "EXPLAIN QUERY", "EXPLAIN QUERY SELECT 1", "EXPLAIN QUERY PLAN",
    "EXPLAIN QUERY PLAN;", "EXPLAIN EXPLAIN SELECT 1", "EXPLAIN QUERY PLAN EXPLAIN SELECT 1",
    "EXPLAIN PLAN SELECT 1", "EXPLAIN SELECT", "EXPLAIN x", "EXPLAIN 1", "EXPLAIN (SELECT 1)",
    "EXPLAIN QUERY PLAN PRAGMA", "EXPLAIN BEGIN x", "EXPLAIN WITH x AS (SELECT 1)",
  };

  static final String[] GOOD = {
    "CREATE TABLE u(key, action, text, date, replace, temp, end, left, first, if)",
    "CREATE TABLE u(a INT ASC, b INT GENERATED ALWAYS AS (1), c GENERATED ALWAYS AS (2))",
    "CREATE TABLE u(a DEFAULT (1+2), b DEFAULT 'x', c DEFAULT -5, d DEFAULT abc, e DEFAULT true)",
    "CREATE TABLE u(a, PRIMARY KEY(a) UNIQUE(a))", "CREATE TABLE u(a CONSTRAINT x)",
    "CREATE TABLE u(a) , STRICT", "SELECT a desc FROM t", "SELECT a end FROM t",
    "SELECT replace.* FROM t", "SELECT $a(x), $a::b, #a, @b, :c, ?5, ?", "SELECT 1_000",
    "SELECT 1 IS NOT 2, NOT 0 IS NOT NULL, 1 IS DISTINCT FROM 2, 1 NOT NULL",
    "SELECT a FROM t WHERE a IN ()", "SELECT CAST(1 AS)", "SELECT * FROM t NATURAL JOIN t",
    "SELECT * FROM (t)", "SELECT * FROM t AS x INDEXED BY sqlite_autoindex_p_1",
    "SELECT left FROM (SELECT 1 AS left)", "SELECT key FROM (SELECT 1 AS key)",
    "INSERT INTO t VALUES (1, 2), (3, 4)", "REPLACE INTO t DEFAULT VALUES",
    "WITH c(n) AS (SELECT 1) SELECT n FROM c", "SELECT 1 /* unterminated",
    "CREATE INDEX i ON t(a)", "CREATE UNIQUE INDEX IF NOT EXISTS main.i ON t(a COLLATE nocase DESC,"
        + " b ASC)", "CREATE INDEX i ON t(a + b, lower(b)) WHERE a > 0 AND b IS NOT NULL",
    "create index indexed on t(a)", "CREATE INDEX i ON t(a NULLS FIRST)",
    "CREATE INDEX i ON t(a) WHERE a = ?", "CREATE INDEX i ON t(x)", "CREATE INDEX i ON nope(a)",
    "CREATE INDEX \"my i\" ON [t] ('a')", "DROP INDEX i", "DROP INDEX IF EXISTS main.i",
    "DROP VIEW IF EXISTS v", "DROP VIEW temp.v", "DROP TRIGGER IF EXISTS x.y", "DROP TRIGGER tr",
    // transactions and savepoints
    "BEGIN", "BEGIN TRANSACTION", "BEGIN TRANSACTION x", "BEGIN DEFERRED", "BEGIN IMMEDIATE",
    "BEGIN EXCLUSIVE TRANSACTION", "BEGIN DEFERRED TRANSACTION \"my t\"", "begin transaction begin",
    "BEGIN TRANSACTION DEFERRED", "BEGIN TRANSACTION 'x'", "BEGIN TRANSACTION left",
    "BEGIN TRANSACTION indexed", "BEGIN TRANSACTION savepoint", "BEGIN;", "COMMIT", "END",
    "COMMIT TRANSACTION", "END TRANSACTION x", "commit transaction end", "ROLLBACK",
    "ROLLBACK TRANSACTION", "ROLLBACK TRANSACTION x", "ROLLBACK TO x", "ROLLBACK TO SAVEPOINT x",
    "ROLLBACK TRANSACTION TO x", "ROLLBACK TRANSACTION x TO SAVEPOINT y",
    "ROLLBACK TO SAVEPOINT savepoint", "ROLLBACK TO savepoint x", "ROLLBACK TRANSACTION SAVEPOINT",
    "ROLLBACK TO 'x'", "ROLLBACK TO [x y]", "ROLLBACK TO full", "SAVEPOINT x", "SAVEPOINT 'x'",
    "SAVEPOINT savepoint", "SAVEPOINT release", "SAVEPOINT begin", "SAVEPOINT left",
    "SAVEPOINT \"a b\"", "RELEASE x", "RELEASE SAVEPOINT x", "RELEASE savepoint savepoint",
    "RELEASE rollback", "RELEASE 'x'", "RELEASE transaction_x",
    // PRAGMA
    "PRAGMA x", "PRAGMA main.x", "PRAGMA temp.cache_size", "PRAGMA journal_mode = wal",
    "PRAGMA journal_mode = WAL", "PRAGMA journal_mode = DELETE", "PRAGMA journal_mode(delete)",
    "PRAGMA synchronous = FULL", "PRAGMA synchronous = ON", "PRAGMA synchronous = off",
    "PRAGMA synchronous(on)", "PRAGMA x = DEFAULT", "PRAGMA x(DEFAULT)", "PRAGMA x = yes",
    "PRAGMA x = true", "PRAGMA cache_size = -2000", "PRAGMA cache_size = - 2000",
    "PRAGMA cache_size(-2000)", "PRAGMA cache_size = +2000", "PRAGMA cache_size(+2000)",
    "PRAGMA x = 1.5", "PRAGMA x = -1.5e3", "PRAGMA x = 0x10", "PRAGMA x = -0x10", "PRAGMA x = .5",
    "PRAGMA x = 'a b'", "PRAGMA x('a''b')", "PRAGMA x = \"q\"", "PRAGMA x = [b]",
    "PRAGMA x = left", "PRAGMA x = indexed", "PRAGMA x = key", "PRAGMA x = begin",
    "PRAGMA x = pragma", "PRAGMA 'x'", "PRAGMA \"main\".\"x\"", "PRAGMA x;", "PRAGMA pragma",
    "PRAGMA left.right", "PRAGMA x = 9223372036854775808", "PRAGMA x = -9223372036854775808",
    "PRAGMA table_info(t)", "PRAGMA main.table_info('t')", "PRAGMA x(full)", "PRAGMA x = 1e5", "PRAGMA x == 1",
    "PRAGMA x = CURRENT_TIME",
    // EXPLAIN
    "EXPLAIN SELECT 1", "EXPLAIN QUERY PLAN SELECT * FROM t", "explain query plan values (1)",
    "EXPLAIN INSERT INTO t VALUES (1, 2)", "EXPLAIN CREATE TABLE u(a)", "EXPLAIN DROP TABLE t",
    "EXPLAIN BEGIN", "EXPLAIN COMMIT", "EXPLAIN PRAGMA x", "EXPLAIN QUERY PLAN PRAGMA x = 1",
    "EXPLAIN WITH c AS (SELECT 1) SELECT * FROM c", "EXPLAIN SAVEPOINT x",
    "EXPLAIN QUERY PLAN ROLLBACK TO x", "EXPLAIN RELEASE x", "EXPLAIN CREATE INDEX i ON t(a)",
  };

  @Test
  void differential_badStatements_sameMessageAsSqlite() {
    for (String sql : BAD) {
      String theirs = RejectedMessages.sqliteError(sqlite, sql);
      assertTrue(theirs != null && RejectedMessages.isParseLevel(theirs), "oracle accepted: " + sql);
      assertEquals(theirs, RejectedMessages.pagodaError(sql), sql);
    }
  }

  @Test
  void differential_goodStatements_acceptedByBoth() {
    for (String sql : GOOD) {
      String theirs = RejectedMessages.sqliteError(sqlite, sql);
      assertTrue(theirs == null || !RejectedMessages.isParseLevel(theirs), sql + ": " + theirs);
      assertEquals(null, RejectedMessages.pagodaError(sql), sql);
    }
  }

  @Test
  void differential_resultColumnSpans_matchSqliteColumnNames() throws SQLException {
    String[] sqls = {"SELECT a+1 /* x */ FROM t", "SELECT a  +  1 , (b)+0 FROM t",
        "SELECT -a COLLATE nocase, 1 IS NOT 2 FROM t", "SELECT a+1 -- c\n FROM t"};
    for (String sql : sqls) {
      List<String> names = new ArrayList<>();
      try (PreparedStatement ps = sqlite.prepareStatement(sql)) {
        ResultSetMetaData md = ps.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          names.add(md.getColumnName(i));
        }
      }
      dev.pagoda.parser.ast.Select s = Ast.select(sql);
      assertEquals(names, s.columns().stream()
          .map(c -> ((dev.pagoda.parser.ast.ResultColumn.ExprColumn) c).span()).toList(), sql);
    }
  }

  /** Statements whose sqlite_schema text {@link Parser#schemaSql} must reproduce. */
  static final String[] SCHEMA = {
    "create unique index if not exists main.i1 on t(a)",
    "create index i2 on t(a)   ;",
    "create index i3 on t(a)  -- trailing\n",
    "create index i4 on t(a) /* c */",
    "create index i5 on t(a) -- x;",
    "CREATE INDEX \"i6\" ON t (a COLLATE nocase DESC, b ASC) WHERE a > 1  ",
    "create index i7 on t(a) ;  ",
    "create index i8 on t(a) -- c;\n",
    "Create Unique Index \"main\".[i9]/**/ON t(a,b)--\n;",
    "create table u1(a primary key) without rowid   ",
    "create table u2(a int) strict  -- c;",
    "create table u3(a int) strict  /* c */  ; ",
    "create table u4(a int)  -- c;",
    "create table u5(a int) , strict",
    "create temp table if not exists temp.u6(a) /* x */ ;",
    "create table main . u7 (a int primary key) without rowid , strict -- x\n",
  };

  @Test
  void differential_schemaSql_matchesSqliteSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t(a, b)");
      for (String sql : SCHEMA) {
        s.execute(sql);
        ParsedStatement parsed = Parser.parseFirst(sql);
        dev.pagoda.parser.ast.Statement ast = parsed.statement();
        String name = ast instanceof dev.pagoda.parser.ast.CreateIndex i
            ? i.name().name()
            : ((dev.pagoda.parser.ast.CreateTable) ast).name().name();
        String stored;
        try (PreparedStatement q = c.prepareStatement(
            "SELECT sql FROM sqlite_schema WHERE name = ?1"
                + " UNION ALL SELECT sql FROM temp.sqlite_schema WHERE name = ?1")) {
          q.setString(1, name);
          try (ResultSet r = q.executeQuery()) {
            assertTrue(r.next(), sql);
            stored = r.getString(1);
          }
        }
        assertEquals(stored, Parser.schemaSql(sql, parsed), sql);
      }
    }
  }

  static final String[] BASE = {
    "CREATE TABLE IF NOT EXISTS main.u(a INTEGER PRIMARY KEY AUTOINCREMENT, b TEXT NOT NULL"
        + " DEFAULT 'x' COLLATE nocase, c REAL CHECK (c > 0) UNIQUE, d VARCHAR(10) REFERENCES"
        + " p(x) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, e AS (a + 1) STORED,"
        + " CONSTRAINT pk UNIQUE (b, c DESC) ON CONFLICT REPLACE, FOREIGN KEY (b) REFERENCES"
        + " p(y), CHECK (a <> b)) WITHOUT ROWID, STRICT",
    "CREATE TEMP TABLE v(key, action, text, date DEFAULT CURRENT_DATE, x DOUBLE PRECISION NULL,"
        + " y UNSIGNED BIG INT DEFAULT -1)",
    "CREATE TABLE w AS SELECT a, b FROM t WHERE a > 1",
    "DROP TABLE IF EXISTS main.u",
    "INSERT OR REPLACE INTO main.t(a, b) VALUES (1, 'x'), (?, :b)",
    "INSERT INTO t SELECT a, b FROM t WHERE a IN (1, 2, 3)",
    "SELECT DISTINCT a AS x, t.*, b + 1 y, count(*), max(DISTINCT a) FROM main.t AS q LEFT OUTER"
        + " JOIN t r ON q.a = r.b WHERE a BETWEEN 1 AND 2 AND b NOT LIKE 'x%' ESCAPE '\\'"
        + " GROUP BY a HAVING count(*) > 1 ORDER BY a DESC NULLS LAST LIMIT 10 OFFSET 2",
    "SELECT CASE a WHEN 1 THEN 'one' ELSE 'other' END, CAST(b AS INTEGER), -a, ~b, NOT a,"
        + " a IS NOT NULL, a ISNULL, b NOTNULL, a || b, a -> '$.x', a ->> 'y' FROM t",
    "SELECT * FROM t WHERE EXISTS (SELECT 1 FROM t) AND a IN (SELECT b FROM t) AND (a, b) ="
        + " (1, 2) AND a COLLATE nocase = 'x' AND a GLOB 'x*' OR b REGEXP 'y'",
    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10) SELECT n FROM c",
    "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT VALUES (4)",
    "SELECT a FROM t NATURAL JOIN t USING (a) CROSS JOIN (SELECT 1) AS s, t INDEXED BY i"
        + " WHERE a = x'AB' AND b = 1.5e3 AND c = 0x1F",
    "SELECT 'it''s', \"col\", [br], `bt`, @p, $q, ?3, ? FROM t",
    "VALUES (1, 2), (3, 4)",
    "CREATE UNIQUE INDEX IF NOT EXISTS main.i ON t(a COLLATE nocase DESC, b + 1 ASC, lower(b))"
        + " WHERE a > 0 AND b IS NOT NULL",
    "CREATE INDEX i ON t(a)",
    "DROP INDEX IF EXISTS main.i",
    "DROP VIEW IF EXISTS temp.v",
    "DROP TRIGGER tr",
    "BEGIN IMMEDIATE TRANSACTION x",
    "COMMIT TRANSACTION x",
    "END",
    "ROLLBACK TRANSACTION x TO SAVEPOINT y",
    "SAVEPOINT x",
    "RELEASE SAVEPOINT x",
    "PRAGMA main.cache_size = -2000",
    "PRAGMA table_info('t')",
    "PRAGMA journal_mode = DELETE",
    "EXPLAIN QUERY PLAN SELECT a FROM t WHERE b = 1",
    "EXPLAIN INSERT INTO t VALUES (1, 2)",
  };

  static final String[] VOCABULARY = {
    "(", ")", ",", ";", ".", "*", "+", "-", "=", "a", "t", "1", "'s'", "NOT", "NULL", "AND", "OR",
    "IS", "IN", "AS", "SELECT", "FROM", "WHERE", "JOIN", "ON", "LEFT", "key", "KEY", "DEFAULT",
    "PRIMARY", "TABLE", "VALUES", "BETWEEN", "LIKE", "ESCAPE", "COLLATE", "CASE", "WHEN", "THEN",
    "END", "ELSE", "CAST", "DISTINCT", "ALL", "UNION", "ORDER", "BY", "LIMIT", "OFFSET", "GROUP",
    "HAVING", "EXISTS", "CONSTRAINT", "UNIQUE", "CHECK", "REFERENCES", "GENERATED", "ALWAYS",
    "STORED", "WITHOUT", "ROWID", "STRICT", "IF", "TEMP", "REPLACE", "INTO", "DESC", "ASC",
    "NULLS", "FIRST", "MATCH", "GLOB", "ISNULL", "NOTNULL", "||", "->", "<>", "!=", "==", "<=",
    "<<", "&", "~", "?", ":x", "x'00'", "1.5", "0x10", "CURRENT_TIME", "RAISE", "IGNORE",
    "DEFERRABLE", "INITIALLY", "DEFERRED", "CASCADE", "SET", "ACTION", "NO", "AUTOINCREMENT",
    "INDEXED", "USING", "NATURAL", "CROSS", "OUTER", "INNER", "RIGHT", "FULL", "RECURSIVE",
    "MATERIALIZED", "WITH", "CREATE", "DROP", "INSERT", "FAIL", "CONFLICT", "#", "1_0", "/*",
    "INDEX", "BEGIN", "COMMIT", "ROLLBACK", "TRANSACTION", "TO", "SAVEPOINT", "RELEASE",
    "IMMEDIATE", "EXCLUSIVE", "PRAGMA", "EXPLAIN", "QUERY", "PLAN", "DELETE", "-5", "wal",
  };

  /** Random token-level mutations of valid statements (fixed seed). */
  @Test
  void differential_mutatedStatements_sameVerdictAsSqlite() {
    Random random = new Random(20240601);
    List<String> failures = new ArrayList<>();
    int compared = 0;
    for (int i = 0; i < 5000; i++) {
      String sql = mutate(BASE[random.nextInt(BASE.length)], random);
      String mine = RejectedMessages.pagodaError(sql);
      String theirs = RejectedMessages.sqliteError(sqlite, sql);
      if ("?".equals(theirs)) {
        continue;
      }
      compared++;
      boolean theirsParse = theirs != null && RejectedMessages.isParseLevel(theirs);
      boolean same = mine == null ? !theirsParse : mine.equals(theirs) || !theirsParse;
      if (!same) {
        failures.add(sql + "\n   pagoda: " + mine + "\n   sqlite: " + theirs);
      }
    }
    assertTrue(compared > 3750, "compared " + compared);
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
