package dev.pagoda.parser;

import static dev.pagoda.parser.Ast.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Error messages, worded as SQLite words them (each checked against sqlite-jdbc 3.53). */
class ParseErrorTest {
  @Test
  void error_misspelledKeyword_nearToken() {
    assertEquals("near \"FORM\": syntax error", error("SELECT * FORM t"));
    assertEquals("near \"form\": syntax error", error("select * form t"));
  }

  @Test
  void error_endOfInputMidStatement_incompleteInput() {
    assertEquals("incomplete input", error("SELECT"));
    assertEquals("incomplete input", error("CREATE TABLE"));
    assertEquals("incomplete input", error("CREATE TABLE t(a"));
    assertEquals("incomplete input", error("SELECT 1 + -- trailing comment"));
    assertEquals("incomplete input", error("SELECT a FROM t WHERE"));
    assertEquals("incomplete input", error("SELECT 1 + /* unterminated comment"));
  }

  @Test
  void error_slashStarAtVeryEnd_isSlashAndStar() {
    assertEquals("near \"*\": syntax error", error("SELECT 1 /*"));
  }

  @Test
  void error_semicolonMidStatement_isNearSemicolon() {
    assertEquals("near \";\": syntax error", error("SELECT;"));
    assertEquals("near \";\": syntax error", error("CREATE TABLE t(a;"));
  }

  @Test
  void error_trailingCommaInValues_nearParen() {
    assertEquals("near \")\": syntax error", error("INSERT INTO t VALUES(1,)"));
    assertEquals("near \")\": syntax error", error("CREATE TABLE t()"));
    assertEquals("near \")\": syntax error", error("SELECT f(1,)"));
  }

  @Test
  void error_badTokens_unrecognized() {
    assertEquals("unrecognized token: \"'abc\"", error("SELECT 'abc"));
    assertEquals("unrecognized token: \"x'1'\"", error("SELECT x'1'"));
    assertEquals("unrecognized token: \"x'ABC'\"", error("SELECT x'ABC'"));
    assertEquals("unrecognized token: \"#\"", error("SELECT #"));
    assertEquals("unrecognized token: \"!\"", error("SELECT 1 ! 2"));
    assertEquals("unrecognized token: \"123abc\"", error("SELECT 123abc"));
    assertEquals("unrecognized token: \"\"abc\"", error("SELECT \"abc"));
    assertEquals("unrecognized token: \"[abc\"", error("SELECT [abc"));
    assertEquals("unrecognized token: \"$\"", error("SELECT $"));
  }

  @Test
  void error_syntaxErrorBeforeBadToken_wins() {
    assertEquals("near \"FORM\": syntax error", error("SELECT * FORM t 'abc"));
  }

  @Test
  void error_digitSeparators_sqliteQuirkyMessage() {
    assertEquals("unrecognized token: \"1__2\"", error("SELECT 1__2"));
    assertEquals("unrecognized token: \"1233__4\"", error("SELECT 12_3__4"));
    assertEquals("unrecognized token: \"1_\"", error("SELECT 1_"));
    assertEquals("near \")\": syntax error", error("SELECT 1__2)"));
    assertEquals("near \"1_0\": syntax error", error("CREATE TABLE t(a VARCHAR(1_0))"));
  }

  @Test
  void error_registerVariable_isSyntaxError() {
    assertEquals("near \"#1\": syntax error", error("SELECT #1"));
  }

  @Test
  void error_parameterNumberOutOfRange() {
    assertEquals("variable number must be between ?1 and ?250000", error("SELECT ?0"));
    assertEquals("variable number must be between ?1 and ?250000", error("SELECT ?250001"));
  }

  @Test
  void error_actionErrors_matchSqlite() {
    assertEquals("unknown table option: foo", error("CREATE TABLE t(a) foo"));
    assertEquals("unknown table option: \"rowid\"", error("CREATE TABLE t(a) WITHOUT \"rowid\""));
    assertEquals("near \"bar\": syntax error", error("CREATE TABLE t(a) foo bar"));
    assertEquals("error in generated column \"a\"", error("CREATE TABLE t(a AS (1) foo)"));
    assertEquals("syntax error after column name \"a\"",
        error("CREATE TABLE t(a REFERENCES p(a COLLATE x))"));
    assertEquals("ORDER BY clause should come after UNION not before",
        error("SELECT 1 ORDER BY 1 UNION SELECT 2"));
    assertEquals("LIMIT clause should come after UNION ALL not before",
        error("SELECT 1 LIMIT 1 UNION ALL SELECT 2"));
    assertEquals("unknown join type: LEFT INNER", error("SELECT * FROM t LEFT INNER JOIN u"));
    assertEquals("unknown join type: OUTER", error("SELECT * FROM t OUTER JOIN u"));
    assertEquals("a JOIN clause is required before ON", error("SELECT * FROM t ON 1"));
    assertEquals("a JOIN clause is required before USING", error("SELECT * FROM t USING (a)"));
    assertEquals("all VALUES must have the same number of terms", error("VALUES (1), (2, 3)"));
    assertEquals("duplicate WITH table name: X",
        error("WITH x AS (SELECT 1), X AS (SELECT 2) SELECT 1"));
  }

  @Test
  void error_grammarCorners_matchSqlite() {
    assertEquals("incomplete input", error("SELECT 1 BETWEEN 0 OR 1 AND 2"));
    assertEquals("near \"ESCAPE\": syntax error", error("SELECT 1 LIKE 2 ESCAPE 3 ESCAPE 4"));
    assertEquals("near \"ORDER\": syntax error", error("VALUES (1) ORDER BY 1"));
    assertEquals("near \"*\": syntax error", error("SELECT count(DISTINCT *)"));
    assertEquals("near \"b\": syntax error", error("SELECT a NOT b"));
    assertEquals("near \"b\": syntax error", error("CREATE TABLE t(a, PRIMARY KEY(a), b)"));
    assertEquals("near \"STRICT\": syntax error", error("CREATE TABLE t(a) STRICT STRICT"));
    assertEquals("near \"(\": syntax error", error("CREATE TABLE if(a)"));
    assertEquals("near \"y\": syntax error", error("SELECT a FROM t x y"));
    assertEquals("near \"FROM\": syntax error", error("SELECT cast FROM t"));
  }

  @Test
  void error_createIndex_matchesSqlite() {
    assertEquals("near \")\": syntax error", error("CREATE INDEX i ON t()"));
    assertEquals("near \"ON\": syntax error", error("CREATE INDEX ON t(a)"));
    assertEquals("near \"t\": syntax error", error("CREATE INDEX i t(a)"));
    assertEquals("near \"INDEX\": syntax error", error("CREATE TEMP INDEX i ON t(a)"));
    assertEquals("near \".\": syntax error", error("CREATE INDEX i ON main.t(a)"));
    assertEquals("near \"i\": syntax error", error("CREATE UNIQUE i ON t(a)"));
    assertEquals("near \"EXISTS\": syntax error", error("CREATE INDEX IF EXISTS i ON t(a)"));
    assertEquals("near \"DESC\": syntax error", error("CREATE INDEX i ON t(a ASC DESC)"));
    assertEquals("near \"ORDER\": syntax error", error("CREATE INDEX i ON t(a) ORDER BY a"));
    assertEquals("near \"index\": syntax error", error("create index index on t(a)"));
    assertEquals("incomplete input", error("CREATE INDEX i ON t"));
    assertEquals("incomplete input", error("CREATE INDEX i ON t(a) WHERE"));
  }

  @Test
  void error_drop_matchesSqlite() {
    assertEquals("incomplete input", error("DROP INDEX"));
    assertEquals("incomplete input", error("DROP INDEX if"));
    assertEquals("incomplete input", error("DROP INDEX main."));
    assertEquals("near \"i\": syntax error", error("DROP INDEX IF i"));
    assertEquals("near \".\": syntax error", error("DROP TRIGGER x.y.z"));
  }

  @Test
  void error_position_pointsAtOffendingToken() {
    assertEquals(9, positionOf("SELECT * FORM t"));
    assertEquals(6, positionOf("SELECT"));
    assertEquals(7, positionOf("SELECT 'abc"));
    assertEquals(19, positionOf("SELECT 1; SELECT * FORM"));
  }

  @Test
  void error_unsupportedStatement_isSyntaxErrorAtItsKeyword() {
    assertEquals("near \"FOO\": syntax error", error("FOO BAR"));
  }

  private static int positionOf(String sql) {
    try {
      Parser.parseAll(sql);
    } catch (ParseException e) {
      return e.position();
    }
    throw new AssertionError("no error: " + sql);
  }

  @Test
  void errors_sayLineAndColumn() {
    ParseException e = assertThrows(ParseException.class,
        () -> Parser.parseAll("SELECT 1;\nSELECT a\r\n  FORM t;"));
    assertEquals("near \"t\": syntax error", e.getMessage());
    assertEquals(3, e.line(), "\\n and \\r\\n each end a line");
    assertEquals(8, e.column());
    ParseException incomplete = assertThrows(ParseException.class,
        () -> Parser.parseAll("SELECT (1,\r2"));
    assertEquals("incomplete input", incomplete.getMessage());
    assertEquals(2, incomplete.line());
    assertEquals(2, incomplete.column());
    assertEquals(0, new ParseException("x", 3).line(), "unknown without the text");
  }
}
