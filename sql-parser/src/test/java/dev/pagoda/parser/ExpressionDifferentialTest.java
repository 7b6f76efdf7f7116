package dev.pagoda.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Window functions, the expression grammar and SQLite's nesting limits against real SQLite
 * (sqlite-jdbc): a statement SQLite's parser rejects is rejected with the same message, one it
 * accepts is accepted. Errors SQLite raises after parsing ({@code no such table}, {@code misuse
 * of window function}, {@code RAISE() may only be used within a trigger-program}, ...) count as
 * accepted.
 */
class ExpressionDifferentialTest {
  private static Connection sqlite;

  @BeforeAll
  static void open() throws SQLException {
    sqlite = RejectedMessages.sqliteWith("CREATE TABLE t(a, b)");
  }

  @AfterAll
  static void close() {
    try {
      sqlite.close();
    } catch (SQLException e) {
      // nothing to release
    }
  }




  static final String[] BAD = {
    // frames: bound order is checked by the parser, the rest is syntax
    "SELECT sum(a) OVER (ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM t",
    "SELECT sum(a) OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING) FROM t",
    "SELECT sum(a) OVER (ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING) FROM t",
    "SELECT sum(a) OVER (ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM t",
    "SELECT sum(a) OVER (ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM t",
    "SELECT sum(a) OVER (ROWS UNBOUNDED FOLLOWING) FROM t",
    "SELECT sum(a) OVER (RANGE 1 FOLLOWING) FROM t",
    "SELECT sum(a) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED PRECEDING) FROM t",
    "SELECT sum(a) OVER (ORDER BY a GROUPS 2 PRECEDING EXCLUDE) FROM t",
    "SELECT sum(a) OVER (ORDER BY a EXCLUDE TIES) FROM t",
    "SELECT sum(a) OVER (ROWS BETWEEN 1 PRECEDING) FROM t",
    "SELECT sum(a) OVER (ROWS BETWEEN AND 1 PRECEDING) FROM t",
    "SELECT sum(a) OVER (ROWS) FROM t", "SELECT sum(a) OVER (ROWS CURRENT) FROM t",
    "SELECT sum(a) OVER (ROWS UNBOUNDED) FROM t", "SELECT sum(a) OVER (ROWS 1) FROM t",
    "SELECT sum(a) OVER (ORDER BY a ROWS current PRECEDING) FROM t",
    "SELECT sum(a) OVER (ORDER BY a ROWS 1 PRECEDING EXCLUDE NO) FROM t",
    "SELECT sum(a) OVER (ORDER BY a ROWS 1 PRECEDING EXCLUDE CURRENT) FROM t",
    "SELECT sum(a) OVER (ORDER BY a ROWS 1 PRECEDING EXCLUDE OTHERS) FROM t",
    "SELECT sum(a) OVER (ROWS 1 FOLLOWING x", "SELECT sum(a) OVER (ROWS 1 FOLLOWING",
    // window definitions and OVER
    "SELECT sum(a) OVER (PARTITION a) FROM t", "SELECT sum(a) OVER (PARTITION BY) FROM t",
    "SELECT sum(a) OVER (ORDER BY) FROM t", "SELECT sum(a) OVER (w w) FROM t",
    "SELECT sum(a) OVER (rows) FROM t", "SELECT sum(a) OVER (partition) FROM t",
    "SELECT sum(a) OVER 1 FROM t", "SELECT a OVER () FROM t", "SELECT (a) OVER () FROM t",
    "SELECT CAST(a AS int) OVER () FROM t", "SELECT x'AB' OVER ()",
    "SELECT sum(a) OVER () OVER () FROM t", "SELECT sum(a) OVER ( FROM t",
    "SELECT sum(a) OVER (", "SELECT sum(a) over filter FROM t",
    // FILTER
    "SELECT (1) FILTER (WHERE 1) FROM t", "SELECT sum(a) FILTER (a > 1) FROM t",
    "SELECT sum(a) FILTER () FROM t", "SELECT sum(a) FILTER (WHERE) FROM t",
    "SELECT sum(a) FILTER WHERE a FROM t", "SELECT sum(a) OVER () FILTER (WHERE 1) FROM t",
    "SELECT sum(a) FILTER (WHERE a FROM t", "SELECT sum(a) FILTER (WHERE a",
    // grammar actions of window calls
    "SELECT count(DISTINCT a) OVER () FROM t", "SELECT count(DISTINCT a) OVER w",
    "SELECT count(DISTINCT a) FILTER (WHERE a) OVER () FROM t",
    "SELECT group_concat(a ORDER BY b) OVER () FROM t",
    "SELECT GROUP_CONCAT(a ORDER BY b) OVER () FROM t",
    "SELECT \"group_concat\"(a ORDER BY b) OVER () FROM t",
    "SELECT count(DISTINCT a ORDER BY b) OVER () FROM t", "SELECT count(* ORDER BY b) FROM t",
    // WINDOW clause
    "SELECT 1 FROM t WINDOW w", "SELECT 1 FROM t WINDOW w AS", "SELECT 1 FROM t WINDOW AS ()",
    "SELECT 1 FROM t WINDOW w AS ( ORDER BY a", "SELECT 1 FROM t WINDOW w AS () GROUP BY a",
    "SELECT 1 FROM t ORDER BY 1 WINDOW w AS ()", "SELECT 1 FROM t WINDOW w AS (ROWS 1 FOLLOWING)",
    "SELECT 1 FROM t WINDOW w AS (), v", "SELECT 1 FROM t WINDOW w AS () WINDOW v AS ()",
    "VALUES (1) WINDOW w AS ()",
    // the rest of the expression grammar
    "SELECT f(" + "1,".repeat(100) + "1)", "SELECT \"f\"(" + "1,".repeat(100) + "1) garbage x",
    "SELECT CAST(a AS int(1,2,3)) FROM t", "SELECT CAST(a) FROM t", "SELECT CAST(a AS int(x))",
    "SELECT RAISE(IGNORE, 'x')", "SELECT RAISE(ABORT)", "SELECT RAISE(x, 'y')", "SELECT a COLLATE",
    "SELECT a ESCAPE 'x' FROM t", "SELECT 1 NOT", "SELECT a IS NOT DISTINCT b FROM t",
    "SELECT a ->", "SELECT EXISTS 1", "SELECT (1, 2", "SELECT 1 IN (1,)", "SELECT 1 IN t.",
    "SELECT a NOT NULL NULL FROM t", "SELECT a ISNULL NULL FROM t", "SELECT 1 BETWEEN 2",
    "SELECT count(ALL *) FROM t", "SELECT f(a ORDER BY)",
    "SELECT CASE WHEN 1 END", "SELECT CASE 1 ELSE 2 END", "SELECT - FROM t", "SELECT ~",
  };

  static final String[] GOOD = {
    "SELECT sum(a) OVER () FROM t", "SELECT sum(a) OVER w FROM t WINDOW w AS (PARTITION BY b)",
    "SELECT sum(a) OVER (w ORDER BY a) FROM t WINDOW w AS (PARTITION BY b)",
    "SELECT sum(a) OVER (PARTITION BY a, b ORDER BY a DESC NULLS LAST ROWS BETWEEN UNBOUNDED"
        + " PRECEDING AND CURRENT ROW EXCLUDE TIES) FROM t",
    "SELECT sum(a) OVER (ROWS BETWEEN 1 PRECEDING AND 2 PRECEDING) FROM t",
    "SELECT sum(a) OVER (ROWS BETWEEN 2 FOLLOWING AND 1 FOLLOWING) FROM t",
    "SELECT sum(a) OVER (ROWS BETWEEN CURRENT ROW AND CURRENT ROW) FROM t",
    "SELECT sum(a) OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM t",
    "SELECT sum(a) OVER (ORDER BY a GROUPS 2 PRECEDING EXCLUDE NO OTHERS) FROM t",
    "SELECT sum(a) OVER (ORDER BY a GROUPS 2 PRECEDING EXCLUDE CURRENT ROW) FROM t",
    "SELECT sum(a) OVER (ORDER BY a GROUPS 2 PRECEDING EXCLUDE GROUP) FROM t",
    "SELECT sum(a) OVER (ROWS a PRECEDING) FROM t", "SELECT sum(a) OVER (ROWS -1 PRECEDING) FROM t",
    "SELECT sum(a) OVER (ORDER BY a ROWS (SELECT 1) PRECEDING) FROM t",
    "SELECT sum(a) OVER (ORDER BY a ROWS BETWEEN 1+1 PRECEDING AND ?1 FOLLOWING) FROM t",
    "SELECT sum(a) OVER (unbounded) FROM t WINDOW unbounded AS ()",
    "SELECT sum(a) OVER (current ORDER BY a) FROM t WINDOW current AS ()",
    "SELECT sum(a) OVER 'w' FROM t WINDOW w AS ()", "SELECT sum(a) OVER left FROM t",
    "SELECT sum(a) OVER FROM t", "SELECT sum(a) over, 1 FROM t", "SELECT 1 over",
    "SELECT sum(a) OVER /* c */ ( ) FROM t", "SELECT sum(a) OVER w x FROM t WINDOW w AS ()",
    "SELECT count(*) OVER (), count(*) FILTER (WHERE a > 1) OVER () FROM t",
    "SELECT count(DISTINCT a) FILTER (WHERE a > 1) FROM t", "SELECT sum(a) filter FROM t",
    "SELECT abs(a) OVER () FROM t", "SELECT abs(a) FILTER (WHERE 1) FROM t",
    "SELECT group_concat(a ORDER BY b) FILTER (WHERE 1) FROM t",
    "SELECT count(ORDER BY b) OVER () FROM t", "SELECT rank() OVER (ORDER BY a) FROM t",
    "SELECT 1 FROM t WINDOW w AS (), w AS ()",
    "SELECT 1 FROM t GROUP BY a HAVING 1 WINDOW w AS () ORDER BY 1 LIMIT 1",
    "SELECT 1 WINDOW w AS ()", "SELECT 1 FROM t AS window", "SELECT 1 FROM t window",
    "SELECT window FROM t", "SELECT window.a FROM t AS window", "SELECT 1 FROM t window, t",
    "SELECT 1 FROM t WINDOW w AS () UNION SELECT 2 FROM t WINDOW v AS ()",
    "SELECT over, filter, over(a), filter(a) FROM t", "SELECT a FROM t AS over",
    "SELECT a FROM t WHERE sum(a) OVER () > 1", "SELECT a FROM t ORDER BY sum(a) OVER ()",
    // the rest of the expression grammar
    "SELECT f(" + "1,".repeat(99) + "1)", "SELECT 'a' COLLATE nosuch COLLATE nocase",
    "SELECT a IS NOT DISTINCT FROM b, a IS DISTINCT FROM NULL FROM t",
    "SELECT a -> '$' ->> 'x' COLLATE nocase FROM t", "SELECT CAST(a AS VARCHAR(10, 2)) FROM t",
    "SELECT CAST(a AS) FROM t", "SELECT (a, b) = (1, 2) FROM t", "SELECT a NOT IN t FROM t",
    "SELECT a IN json_each('[1]'), a IN main.t, a IN () FROM t", "SELECT - - + ~ NOT 1",
    "SELECT CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP", "SELECT x'AbCd', X''",
    "SELECT ?, ?1, :a, @b, $c, $d::e(f)", "SELECT a NOTNULL, a ISNULL, a NOT NULL FROM t",
    "SELECT a LIKE b ESCAPE c, a NOT GLOB b, a REGEXP b, a NOT MATCH b FROM t",
    "SELECT RAISE(IGNORE)", "SELECT RAISE(ROLLBACK, 'x'), RAISE(FAIL, 'y')",
    "SELECT count(DISTINCT a), count(*), f(*), f(ALL a) FROM t",
    "SELECT group_concat(a ORDER BY b DESC, a) FROM t", "SELECT EXISTS (SELECT 1), (SELECT 2)",
    "SELECT NOT EXISTS (SELECT 1) AND NOT a FROM t", "SELECT count(DISTINCT) FROM t",
    "SELECT 1 FROM " + "t, ".repeat(199) + "t",
  };

  @Test
  void differential_rejected_sameMessageAsSqlite() {
    List<String> failures = new ArrayList<>();
    for (String sql : BAD) {
      String theirs = RejectedMessages.sqliteError(sqlite, sql);
      if (theirs == null || !RejectedMessages.isParseLevel(theirs)) {
        failures.add("oracle: " + sql + ": " + theirs);
        continue;
      }
      String mine = RejectedMessages.pagodaScriptError(sql);
      if (!theirs.equals(mine)) {
        failures.add(sql + "\n  sqlite: " + theirs + "\n  pagoda: " + mine);
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(BAD.length >= 80, "cases: " + BAD.length);
  }

  @Test
  void differential_accepted_parsedByPagoda() {
    List<String> failures = new ArrayList<>();
    for (String sql : GOOD) {
      String theirs = RejectedMessages.sqliteError(sqlite, sql);
      if (theirs != null && RejectedMessages.isParseLevel(theirs)) {
        failures.add("oracle: " + sql + ": " + theirs);
        continue;
      }
      String mine = RejectedMessages.pagodaScriptError(sql);
      if (mine != null) {
        failures.add(sql + "\n  pagoda: " + mine);
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(GOOD.length >= 60, "cases: " + GOOD.length);
  }
}
