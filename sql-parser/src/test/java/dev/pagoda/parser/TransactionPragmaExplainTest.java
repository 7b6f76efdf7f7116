package dev.pagoda.parser;

import static dev.pagoda.parser.Ast.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagoda.parser.ast.Begin;
import dev.pagoda.parser.ast.Commit;
import dev.pagoda.parser.ast.Explain;
import dev.pagoda.parser.ast.Pragma;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Release;
import dev.pagoda.parser.ast.Rollback;
import dev.pagoda.parser.ast.Savepoint;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.TransactionMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** BEGIN, COMMIT/END, ROLLBACK, SAVEPOINT, RELEASE, PRAGMA and EXPLAIN. */
class TransactionPragmaExplainTest {
  // ---- transactions

  @Test
  void parse_begin_modeDefaultsToDeferredAndNameIsIgnored() {
    assertEquals(new Begin(TransactionMode.DEFERRED), stmt("BEGIN"));
    assertEquals(new Begin(TransactionMode.DEFERRED), stmt("begin deferred transaction x"));
    assertEquals(new Begin(TransactionMode.IMMEDIATE), stmt("BEGIN IMMEDIATE"));
    assertEquals(new Begin(TransactionMode.EXCLUSIVE), stmt("BEGIN EXCLUSIVE TRANSACTION"));
    // after TRANSACTION a keyword falls back to a name
    assertEquals(new Begin(TransactionMode.DEFERRED), stmt("BEGIN TRANSACTION immediate"));
  }

  @Test
  void parse_commitAndEnd_areCommit() {
    assertEquals(new Commit(), stmt("COMMIT"));
    assertEquals(new Commit(), stmt("END"));
    assertEquals(new Commit(), stmt("commit transaction t1"));
    assertEquals(new Commit(), stmt("END TRANSACTION"));
  }

  @Test
  void parse_rollback_wholeTransactionOrToSavepoint() {
    assertEquals(new Rollback(null), stmt("ROLLBACK"));
    assertEquals(new Rollback(null), stmt("ROLLBACK TRANSACTION x"));
    assertEquals(new Rollback("sp"), stmt("ROLLBACK TO sp"));
    assertEquals(new Rollback("sp"), stmt("ROLLBACK TO SAVEPOINT sp"));
    assertEquals(new Rollback("a b"), stmt("ROLLBACK TRANSACTION x TO SAVEPOINT \"a b\""));
    assertEquals(new Rollback("savepoint"), stmt("ROLLBACK TO SAVEPOINT savepoint"));
    assertEquals(new Rollback(null), stmt("ROLLBACK TRANSACTION SAVEPOINT"));
  }

  @Test
  void parse_savepointAndRelease_dequoteTheName() {
    assertEquals(new Savepoint("x"), stmt("SAVEPOINT x"));
    assertEquals(new Savepoint("it's"), stmt("SAVEPOINT 'it''s'"));
    assertEquals(new Savepoint("savepoint"), stmt("SAVEPOINT savepoint"));
    assertEquals(new Release("x"), stmt("RELEASE x"));
    assertEquals(new Release("x"), stmt("RELEASE SAVEPOINT [x]"));
    assertEquals(new Release("savepoint"), stmt("RELEASE SAVEPOINT savepoint"));
  }

  @Test
  void parse_transactionErrors_asSqlite() {
    assertError("near \"x\": syntax error", "BEGIN x");
    assertError("near \"IMMEDIATE\": syntax error", "BEGIN DEFERRED IMMEDIATE");
    assertError("near \"TO\": syntax error", "COMMIT TO x");
    assertError("incomplete input", "ROLLBACK TO");
    assertError("incomplete input", "ROLLBACK TO SAVEPOINT");
    assertError("near \";\": syntax error", "RELEASE SAVEPOINT;");
    assertError("near \".\": syntax error", "SAVEPOINT main.x");
  }

  // ---- PRAGMA

  @Test
  void parse_pragma_nameAndSchema() {
    assertEquals(new Pragma(QualifiedName.of("user_version"), null), stmt("PRAGMA user_version"));
    assertEquals(new Pragma(new QualifiedName("main", "x y"), null), stmt("PRAGMA main.'x y'"));
  }

  @Test
  void parse_pragma_valueAsSqlitePassesIt() {
    assertEquals("wal", pragmaValue("PRAGMA journal_mode = wal"));
    assertEquals("wal", pragmaValue("PRAGMA journal_mode('wal')"));
    assertEquals("delete", pragmaValue("PRAGMA journal_mode = delete"));
    assertEquals("ON", pragmaValue("PRAGMA foreign_keys = ON"));
    assertEquals("DEFAULT", pragmaValue("PRAGMA x(DEFAULT)"));
    assertEquals("full", pragmaValue("PRAGMA synchronous = full"));
    assertEquals("it's", pragmaValue("PRAGMA x = 'it''s'"));
    assertEquals("q", pragmaValue("PRAGMA x = \"q\""));
    assertEquals("-2000", pragmaValue("PRAGMA cache_size = -2000"));
    assertEquals("-2000", pragmaValue("PRAGMA cache_size(-  2000)"));
    assertEquals("2000", pragmaValue("PRAGMA cache_size = +2000"));
    assertEquals("-0x1F", pragmaValue("PRAGMA x = -0x1F"));
    assertEquals("1.5e3", pragmaValue("PRAGMA x = 1.5e3"));
    assertEquals("CURRENT_TIME", pragmaValue("PRAGMA x = CURRENT_TIME"));
  }

  @Test
  void parse_pragmaErrors_asSqlite() {
    assertError("near \"NULL\": syntax error", "PRAGMA x = NULL");
    assertError("near \"'1'\": syntax error", "PRAGMA x = -'1'");
    assertError("near \"a\": syntax error", "PRAGMA x = -a");
    assertError("near \"1_000\": syntax error", "PRAGMA x = 1_000");
    assertError("near \",\": syntax error", "PRAGMA x(1, 2)");
    assertError("near \")\": syntax error", "PRAGMA x()");
    assertError("incomplete input", "PRAGMA x =");
    assertError("near \"1\": syntax error", "PRAGMA x 1");
  }

  /** The value SQLite's cache_size pragma reads ({@code sqlite3Atoi}) agrees with the AST's. */
  @Test
  void differential_pragmaValue_isWhatSqlitePragmaReceives() throws SQLException {
    String[] values = {"-2000", "- 2000", "+300", "(400)", "(-500)", "'-600'", "\"700\"",
        "0x10", "1e3"};
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        java.sql.Statement s = c.createStatement()) {
      for (String v : values) {
        String sql = "PRAGMA cache_size" + (v.startsWith("(") ? v : " = " + v);
        s.execute(sql);
        long theirs;
        try (ResultSet r = s.executeQuery("PRAGMA cache_size")) {
          r.next();
          theirs = r.getLong(1);
        }
        String value = pragmaValue(sql);
        assertEquals(theirs, atoi(value), sql + " -> " + value);
      }
    }
  }

  /** Enough of sqlite3Atoi for the values above: optional sign, then decimal or 0x digits. */
  private static long atoi(String v) {
    boolean negative = v.startsWith("-");
    String digits = negative || v.startsWith("+") ? v.substring(1) : v;
    long n;
    if (digits.startsWith("0x")) {
      n = Long.parseLong(digits.substring(2), 16);
    } else {
      int end = 0;
      while (end < digits.length() && Character.isDigit(digits.charAt(end))) {
        end++;
      }
      n = Long.parseLong(digits.substring(0, end));
    }
    return negative ? -n : n;
  }

  // ---- EXPLAIN

  @Test
  void parse_explain_wrapsTheStatement() {
    Statement s = stmt("EXPLAIN SELECT 1");
    assertEquals(new Explain(false, stmt("SELECT 1")), s);
    assertEquals(new Explain(true, stmt("SELECT * FROM t")),
        stmt("explain query plan select * from t"));
    assertEquals(new Explain(false, new Begin(TransactionMode.IMMEDIATE)),
        stmt("EXPLAIN BEGIN IMMEDIATE"));
    assertEquals(new Explain(true, new Pragma(QualifiedName.of("x"), "1")),
        stmt("EXPLAIN QUERY PLAN PRAGMA x(1)"));
    assertEquals(Select.class, ((Explain) stmt("EXPLAIN WITH c AS (SELECT 1) SELECT * FROM c"))
        .statement().getClass());
  }

  @Test
  void parse_explainErrors_asSqlite() {
    assertError("near \"EXPLAIN\": syntax error", "EXPLAIN EXPLAIN SELECT 1");
    assertError("near \"SELECT\": syntax error", "EXPLAIN QUERY SELECT 1");
    assertError("near \"PLAN\": syntax error", "EXPLAIN PLAN SELECT 1");
    assertError("incomplete input", "EXPLAIN QUERY PLAN");
    assertError("near \";\": syntax error", "EXPLAIN;");
  }

  @Test
  void explain_nestedExplain_rejectedByRecord() {
    Explain inner = new Explain(false, new Commit());
    assertThrows(IllegalArgumentException.class, () -> new Explain(true, inner));
  }

  @Test
  void parse_statementSpans_coverExplainPrefix() {
    ParsedStatement p = Parser.parseFirst("  EXPLAIN QUERY PLAN SELECT 1 ; PRAGMA x");
    assertEquals(2, p.start());
    assertEquals(29, p.end());
    assertEquals(2, Parser.parseAll("BEGIN; PRAGMA x = 1; COMMIT").size() - 1);
  }

  private static String pragmaValue(String sql) {
    return ((Pragma) stmt(sql)).value();
  }

  private static void assertError(String message, String sql) {
    ParseException e = assertThrows(ParseException.class, () -> Parser.parseFirst(sql), sql);
    assertEquals(message, e.getMessage(), sql);
  }
}
