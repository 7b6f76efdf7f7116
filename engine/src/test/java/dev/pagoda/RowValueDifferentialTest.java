package dev.pagoda;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Row values in comparisons, BETWEEN, IN lists and IN subqueries, and their errors. */
class RowValueDifferentialTest {
  private static Differential d;

  @BeforeAll
  static void open() throws SQLException {
    d = new Differential(
        "CREATE TABLE t(a INTEGER, b TEXT, c)",
        "INSERT INTO t VALUES (1, 'x', 1), (1, 'y', 2), (2, 'x', NULL), (NULL, 'x', 3),"
            + " (2, NULL, 4), (3, '3', '3')",
        "CREATE TABLE u(p INTEGER, q TEXT)",
        "INSERT INTO u VALUES (1, 'x'), (2, NULL), (3, '3'), (NULL, 'y')",
        "CREATE TABLE k(a INTEGER, b INTEGER)",
        "CREATE INDEX kab ON k(a, b)",
        "INSERT INTO k VALUES (1, 1), (1, 2), (2, 1), (2, 2), (3, 3)");
  }

  @AfterAll
  static void close() throws SQLException {
    d.close();
  }

  static Stream<String> queries() {
    return Stream.of(
        "SELECT (1, 2) = (1, 2), (1, 2) < (1, 3), (1, NULL) = (1, 2), (1, NULL) = (2, 2)",
        "SELECT (1, 2) IS (1, 2), (1, NULL) IS (1, NULL), (1, 2) <> (1, 3), (1, NULL) <> (2, 3)",
        "SELECT (1, NULL) IS NOT (1, 2), (1, 2) > (1, NULL), (2, 1) > (1, NULL), (NULL, 1) < (1, 2)",
        "SELECT (1, 2) <= (1, 2), (1, 2) >= (1, 3), (1, 2, 3) < (1, 2, 4), (1, 2, 3) >= (1, 2, 3)",
        "SELECT (1, '1') = (1, 1), ((1, 2)) = (1, 2)",
        "SELECT a, b FROM t WHERE (a, b) = (1, 'x')",
        "SELECT a, b FROM t WHERE (a, b) <> (1, 'x')",
        "SELECT a, b FROM t WHERE (a, b) < (2, 'x') ORDER BY a, b",
        "SELECT a, b FROM t WHERE (a, b) >= (2, 'x')",
        "SELECT a, b FROM t WHERE (a, b) IS (2, NULL)",
        "SELECT a, c FROM t WHERE (a, c) = (3, 3)",
        "SELECT a, b FROM t WHERE (b, a) BETWEEN ('x', 1) AND ('x', 2)",
        "SELECT a, b FROM t WHERE (a, b) NOT BETWEEN (1, 'y') AND (2, 'x')",
        "SELECT * FROM k WHERE (a, b) = (2, 1)",
        "SELECT * FROM k WHERE (a, b) > (1, 2) ORDER BY a, b",
        "SELECT (1, 2) IN ((1, 2), (3, 4)), (1, 2) NOT IN ((1, 3)), (1, NULL) IN ((1, 2))",
        "SELECT a, b FROM t WHERE (a, b) IN ((1, 'x'), (2, 'x'), (9, 'z'))",
        "SELECT (1, 2) IN (SELECT 1, 2), (1, NULL) IN (SELECT 1, 2), (1, NULL) NOT IN (SELECT 1, 2)",
        "SELECT (3, NULL) IN (SELECT 1, 2), (1, 2) NOT IN (SELECT 1, 2 WHERE 0)",
        "SELECT (1, 2) IN (VALUES (1, 2), (3, 4))",
        "SELECT a, b FROM t WHERE (a, b) IN (SELECT p, q FROM u)",
        "SELECT a, b FROM t WHERE (a, b) NOT IN (SELECT p, q FROM u)",
        "SELECT a, b, (a, b) IN (SELECT p, q FROM u) FROM t",
        "SELECT a, b FROM t WHERE (a + 0, b) IN (SELECT p, q FROM u WHERE p = t.a)",
        "SELECT a FROM t WHERE (c, a) IN (SELECT q, p FROM u)",
        "SELECT (1, 2) = (SELECT 1, 2), (1, 2) = (SELECT 1, 2 WHERE 0), (1, 2) < (SELECT 1, 3)",
        "SELECT (SELECT 1, 2) = (1, 2), (1, 2) = (SELECT 1, 2 UNION SELECT 0, 0)",
        "SELECT a, b FROM t WHERE (a, b) = (SELECT p, q FROM u WHERE p = t.a)",
        "SELECT a FROM t WHERE a = (SELECT max(p) FROM u)",
        // errors
        "SELECT (1, 2) = (1, 2, 3)",
        "SELECT (1, 2) = 1",
        "SELECT 1 = (1, 2)",
        "SELECT (1, 2)",
        "SELECT (1, 2) = (SELECT 1)",
        "SELECT 1 = (SELECT 1, 2)",
        "SELECT (1, 2) IN (SELECT 1)",
        "SELECT 1 IN (SELECT 1, 2)",
        "SELECT (SELECT 1, 2)",
        "SELECT 1 WHERE (1, 2)",
        "SELECT (1, 2) + 1",
        "SELECT (1, (2, 3)) = (1, (2, 3))",
        "SELECT (1, 2) IS NULL",
        "SELECT a FROM t ORDER BY (a, b)");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void sameAsSqlite(String sql) {
    d.check(sql);
  }
}
