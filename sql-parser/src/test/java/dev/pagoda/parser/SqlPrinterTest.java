package dev.pagoda.parser;

import static dev.pagoda.parser.Ast.bin;
import static dev.pagoda.parser.Ast.col;
import static dev.pagoda.parser.Ast.expr;
import static dev.pagoda.parser.Ast.num;
import static dev.pagoda.parser.Ast.un;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagoda.parser.ast.Between;
import dev.pagoda.parser.ast.BinaryOp;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.parser.ast.Like;
import dev.pagoda.parser.ast.LikeOp;
import dev.pagoda.parser.ast.Pragma;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.UnaryOp;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SqlPrinterTest {
  static final String[] STATEMENTS = {
    "CREATE TABLE t(a, b)",
    "CREATE TEMP TABLE IF NOT EXISTS main.\"my table\"(id INTEGER PRIMARY KEY DESC ON CONFLICT"
        + " ABORT AUTOINCREMENT, \"select\" TEXT NOT NULL COLLATE nocase DEFAULT 'x''y',"
        + " c VARCHAR(10) UNIQUE ON CONFLICT REPLACE CHECK (c <> '') NULL,"
        + " d DECIMAL( 10 , -2 ) DEFAULT (1 + 2) REFERENCES p(x) ON DELETE SET DEFAULT"
        + " ON UPDATE RESTRICT MATCH simple NOT DEFERRABLE INITIALLY IMMEDIATE,"
        + " e AS (a * 2) STORED, f GENERATED ALWAYS AS (1), g DEFAULT -5, h DEFAULT true,"
        + " i DEFAULT x'00', j DEFAULT CURRENT_DATE, k DEFAULT abc, l DOUBLE  PRECISION,"
        + " CONSTRAINT pk PRIMARY KEY (a, b DESC) ON CONFLICT IGNORE, UNIQUE (c COLLATE x),"
        + " CHECK (a > b), FOREIGN KEY (c, d) REFERENCES q(x, y) DEFERRABLE) WITHOUT ROWID, STRICT",
    "CREATE TABLE t(a DEFAULT (1 -- c\n), b CHECK (b /* x */ > 0))",
    "CREATE TABLE t AS SELECT a, b FROM u",
    "DROP TABLE t",
    "DROP TABLE IF EXISTS temp.t",
    "INSERT INTO t VALUES (1, 'a'), (?, :b)",
    "INSERT OR IGNORE INTO main.t AS x (a, \"b c\") SELECT * FROM u WHERE a IN (1, 2)",
    "REPLACE INTO t DEFAULT VALUES",
    "INSERT INTO t VALUES (1) UNION ALL SELECT 2",
    "WITH c AS (SELECT 1) INSERT INTO t SELECT * FROM c",
    "SELECT 1, 'a', x'AB', NULL, 1.5e3, 0x1F, CURRENT_TIME",
    "SELECT a+1 -- comment\n FROM t",
    "SELECT DISTINCT a AS x, t.*, * FROM main.t AS q LEFT JOIN u ON q.a = u.b"
        + " WHERE a BETWEEN 1 AND 2 GROUP BY a HAVING count(*) > 1"
        + " ORDER BY a DESC NULLS LAST, 2 LIMIT 10 OFFSET 5",
    "SELECT * FROM a, b NATURAL CROSS JOIN c FULL OUTER JOIN d USING (x) RIGHT JOIN (e JOIN f)",
    "SELECT * FROM (SELECT 1) AS s, f(1, 2) AS g, t INDEXED BY i, u NOT INDEXED, (a, b) AS y",
    "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT VALUES (4) UNION ALL SELECT 5 ORDER BY 1",
    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5),"
        + " d AS MATERIALIZED (SELECT 2), e AS NOT MATERIALIZED (VALUES (3)) SELECT n FROM c",
    "VALUES (1, 2), (3, 4)",
    "SELECT ?, ?5, ?, :a, @b, $c, :a",
    "SELECT key, action, \"true\", `a b`, [c d], 'e'.f FROM t AS key",
    "CREATE INDEX i ON t(a)",
    "CREATE UNIQUE INDEX IF NOT EXISTS main.\"my i\" ON \"select\" (a COLLATE nocase DESC,"
        + " b ASC, a + b, lower(b) COLLATE \"x y\", c NULLS LAST) WHERE a > 0 AND b IS NOT NULL",
    "CREATE INDEX indexed ON key (action) WHERE action IN (1, 2) OR ?",
    "DROP INDEX IF EXISTS main.i",
    "DROP VIEW v",
    "DROP TRIGGER IF EXISTS temp.\"t r\"",
    "BEGIN",
    "BEGIN IMMEDIATE TRANSACTION x",
    "BEGIN EXCLUSIVE",
    "END TRANSACTION",
    "ROLLBACK TRANSACTION x",
    "ROLLBACK TO savepoint x",
    "ROLLBACK TO SAVEPOINT \"a b\"",
    "SAVEPOINT \"select\"",
    "RELEASE [savepoint]",
    "PRAGMA main.cache_size = -  2000",
    "PRAGMA x(+1.5e3)",
    "PRAGMA journal_mode = 'wal'",
    "PRAGMA synchronous(full)",
    "PRAGMA x = ON",
    "PRAGMA x = 'it''s a -5'",
    "PRAGMA x = '-5'",
    "PRAGMA x = '+5'",
    "PRAGMA x = 'select'",
    "PRAGMA 'x y'.\"z\"",
    "EXPLAIN SELECT 1",
    "EXPLAIN QUERY PLAN WITH c AS (SELECT 1) SELECT * FROM c",
    "EXPLAIN QUERY PLAN PRAGMA x = 0x10",
  };

  static final String[] EXPRESSIONS = {
    "1 + 2 * 3", "(1 + 2) * 3", "1 - (2 - 3)", "a OR b AND c", "(a OR b) AND c", "NOT a = b",
    "(NOT a) = b", "a = b IS NULL", "a = (b IS NULL)", "- -1", "-(-1)", "- - - a", "-(a + b)",
    "~a || b", "~(a || b)", "-a COLLATE nocase", "-(a COLLATE nocase)", "a COLLATE x COLLATE y",
    "a || b COLLATE \"x y\"", "a -> 'b' ->> 'c'", "a BETWEEN b AND c", "a NOT BETWEEN (b OR c) AND d",
    "a BETWEEN (b AND c) AND d", "a BETWEEN NOT b AND c", "(a BETWEEN b AND c) BETWEEN d AND e",
    "a BETWEEN b AND (c = d)", "a = (b BETWEEN c AND d)", "a LIKE b ESCAPE c", "a NOT GLOB b",
    "(a LIKE b) LIKE c ESCAPE d", "a LIKE (b LIKE c) ESCAPE (d = e)", "a REGEXP b", "a MATCH b",
    "a IN (1, 2)", "a NOT IN ()", "a IN (SELECT 1)", "a IN main.t", "a NOT IN f(1)",
    "a IS NOT NULL", "a ISNULL", "a NOT NULL", "a IS b", "a IS NOT b", "a IS DISTINCT FROM b",
    "(a IS b) IS NOT c", "a IS (b IS c)", "CAST(a AS INTEGER)", "CAST(a AS VARCHAR(10, 2))",
    "CAST(a AS)", "CASE a WHEN 1 THEN 2 ELSE 3 END", "CASE WHEN a THEN b END",
    "f()", "count(*)", "count(DISTINCT a)", "group_concat(a, ',' ORDER BY b DESC NULLS FIRST)",
    "replace(a, 'b', 'c')", "\"select\"(1)", "EXISTS (SELECT 1)", "NOT EXISTS (SELECT 1)",
    "(SELECT a FROM t)", "(1, 2) = (a, b)", "RAISE(IGNORE)", "RAISE(FAIL, 'x')", "a & b | c << 2",
    "a < b = c > d", "(a = b) < c", "a + b * c - d / e % f", "t.a", "main.t.a", "\"a\"", "`select`",
    "\"a\".\"b\"", "'it''s'", "x'00FF'", "a AND (b OR c)", "NOT NOT a", "a = NOT b",
    "NOT (a AND b)", "+a", "a - -b", "a - (-b)", "?3 + :x", "9223372036854775808", "true",
  };

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
      21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
      44, 45, 46, 47, 48})
  void print_statement_roundTripsToEqualAst(int i) {
    Statement s = Parser.parseFirst(STATEMENTS[i]).statement();
    String printed = SqlPrinter.print(s);
    assertEquals(s, Parser.parseFirst(printed).statement(), printed);
    assertEquals(printed, SqlPrinter.print(Parser.parseFirst(printed).statement()));
  }

  @Test
  void print_statementCorpus_isCovered() {
    assertEquals(49, STATEMENTS.length);
  }

  @Test
  void print_expressions_roundTripToEqualAst() {
    for (String sql : EXPRESSIONS) {
      Expr e = expr(sql);
      String printed = SqlPrinter.print(e);
      assertEquals(e, expr(printed), sql + " printed as " + printed);
    }
  }

  @Test
  void print_selectWithoutSpans_printsExpressions() {
    for (String sql : EXPRESSIONS) {
      Select s = Select.of(List.of(new ResultColumn.ExprColumn(expr(sql), null)), null, null);
      String printed = SqlPrinter.print(s);
      Select back = (Select) Parser.parseFirst(printed).statement();
      assertEquals(expr(sql), ((ResultColumn.ExprColumn) back.columns().get(0)).expr(), printed);
    }
  }

  @Test
  void print_minimalParentheses() {
    assertEquals("1 + 2 * 3", SqlPrinter.print(expr("1+2*3")));
    assertEquals("(1 + 2) * 3", SqlPrinter.print(expr("((1+2))*3")));
    assertEquals("a OR b AND c", SqlPrinter.print(expr("a or (b and c)")));
    assertEquals("NOT a = b", SqlPrinter.print(expr("not (a = b)")));
    assertEquals("- -1", SqlPrinter.print(un(UnaryOp.NEGATE, un(UnaryOp.NEGATE, num(1)))));
    assertEquals("1 - (2 - 3)", SqlPrinter.print(bin(BinaryOp.SUBTRACT, num(1),
        bin(BinaryOp.SUBTRACT, num(2), num(3)))));
  }

  @Test
  void print_createIndexAndDrops_canonicalText() {
    assertEquals("CREATE UNIQUE INDEX IF NOT EXISTS main.i ON t (a COLLATE nocase DESC, b)"
            + " WHERE a > 0",
        SqlPrinter.print(Parser.parseFirst(
            "create unique index if not exists main.i on t(a collate nocase desc,b) where a>0")
            .statement()));
    assertEquals("DROP INDEX i", SqlPrinter.print(Parser.parseFirst("drop index i").statement()));
    assertEquals("DROP VIEW IF EXISTS main.v",
        SqlPrinter.print(Parser.parseFirst("drop view if exists main.v").statement()));
    assertEquals("DROP TRIGGER \"select\"",
        SqlPrinter.print(Parser.parseFirst("drop trigger [select]").statement()));
  }

  @Test
  void print_transactionsPragmasExplain_canonicalText() {
    assertEquals("BEGIN", print("begin deferred transaction x"));
    assertEquals("BEGIN IMMEDIATE", print("begin immediate"));
    assertEquals("COMMIT", print("end transaction"));
    assertEquals("ROLLBACK", print("rollback transaction x"));
    assertEquals("ROLLBACK TO SAVEPOINT sp", print("rollback to sp"));
    assertEquals("ROLLBACK TO SAVEPOINT \"savepoint\"",
        print("rollback to savepoint savepoint"));
    assertEquals("SAVEPOINT \"savepoint\"", print("savepoint savepoint"));
    assertEquals("RELEASE SAVEPOINT \"a b\"", print("release 'a b'"));
    assertEquals("PRAGMA main.cache_size = -2000", print("pragma main.cache_size(- 2000)"));
    assertEquals("PRAGMA x = 5", print("pragma x = +5"));
    assertEquals("PRAGMA journal_mode = wal", print("pragma journal_mode('wal')"));
    assertEquals("PRAGMA x = \"ON\"", print("pragma x = ON"));
    assertEquals("PRAGMA x = \"-5 \"", print("pragma x = '-5 '"));
    assertEquals("PRAGMA x = \"1_000\"", print("pragma x = '1_000'"));
    assertEquals("PRAGMA table_info", print("pragma table_info"));
    assertEquals("EXPLAIN QUERY PLAN SELECT 1", print("explain query plan select 1"));
  }

  @Test
  void print_handBuiltPragma_roundTrips() {
    for (String v : new String[] {"", "-", "--5", "-x", "1 2", "a\"b", "NULL", "-1e5", "0x"}) {
      Pragma p = new Pragma(QualifiedName.of("x"), v);
      String printed = SqlPrinter.print(p);
      assertEquals(p, Parser.parseFirst(printed).statement(), printed);
    }
  }

  private static String print(String sql) {
    return SqlPrinter.print(Parser.parseFirst(sql).statement());
  }

  @Test
  void print_handBuiltAst_quotesAndParenthesizes() {
    assertEquals("`select` + \"x\"", SqlPrinter.print(bin(BinaryOp.ADD, col("select"),
        new ColumnRef(null, null, "x", true))));
    assertEquals("\"my t\".\"a\"\"b\"", SqlPrinter.print(new ColumnRef(null, "my t", "a\"b",
        true)));
    assertEquals("a BETWEEN (b AND c) AND d", SqlPrinter.print(new Between(col("a"), false,
        bin(BinaryOp.AND, col("b"), col("c")), col("d"))));
    assertEquals("a LIKE (b = c)", SqlPrinter.print(new Like(col("a"), LikeOp.LIKE, false,
        bin(BinaryOp.EQ, col("b"), col("c")), null)));
    assertEquals("\"cast\"(1)", SqlPrinter.print(FunctionCall.of("cast", num(1))));
    assertEquals("left(1)", SqlPrinter.print(FunctionCall.of("left", num(1))));
  }

  @Test
  void generatedColumns_roundTrip_whateverTheTypeEndsWith_andWhenSeveralFollow() {
    for (String sql : List.of(
        "CREATE TABLE u(b INT GENERATED ALWAYS ALWAYS AS (1))",
        "CREATE TABLE u(c AS (1) AS (2) STORED)",
        "CREATE TABLE u(c AS (a * 2) AS (a * 2), d GENERATED ALWAYS AS (3))",
        "CREATE TABLE u(e FOO GENERATED NOT NULL AS (1))")) {
      Statement s = Parser.parseFirst(sql).statement();
      String printed = SqlPrinter.print(s);
      assertEquals(s, Parser.parseFirst(printed).statement(), printed);
    }
  }
}
