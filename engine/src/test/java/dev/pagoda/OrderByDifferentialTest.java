package dev.pagoda;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How ORDER BY, GROUP BY, HAVING and WHERE resolve names: result aliases inside expressions, a
 * table column winning over an alias, ambiguous names; compound SELECTs under the first SELECT's
 * collations and ORDER BY with COLLATE. Each compared with sqlite-jdbc.
 */
class OrderByDifferentialTest {
  private static Differential d;

  @BeforeAll
  static void open() throws SQLException {
    d = new Differential(
        "CREATE TABLE t(a INTEGER, b TEXT, c)",
        "INSERT INTO t VALUES (1, 'x', 3), (2, 'y', 2), (3, 'x', 1), (NULL, 'Y', 0)",
        "CREATE TABLE u(a INTEGER, d TEXT COLLATE NOCASE)",
        "INSERT INTO u VALUES (1, 'X'), (5, 'y'), (6, 'Z')");
  }

  @AfterAll
  static void close() throws SQLException {
    d.close();
  }

  static Stream<String> queries() {
    return Stream.of(
        "SELECT a + 1 AS x FROM t ORDER BY x * 2 DESC",
        "SELECT a + 1 AS x FROM t ORDER BY -x",
        "SELECT c AS a FROM t ORDER BY a",
        "SELECT c AS a FROM t ORDER BY a + 0",
        "SELECT c AS a FROM t ORDER BY -a",
        "SELECT a AS b FROM t ORDER BY b || ''",
        "SELECT a AS x, b AS x FROM t ORDER BY x",
        "SELECT b, count(*) AS n FROM t GROUP BY b ORDER BY n * -1, b",
        "SELECT count(*) AS n FROM t GROUP BY b ORDER BY n",
        "SELECT a + 1 AS x FROM t WHERE x > 2",
        "SELECT a + 1 AS x FROM t WHERE x + 1 > 3",
        "SELECT c AS a FROM t WHERE a > 1",
        "SELECT a AS \"q\" FROM t WHERE \"q\" > 1",
        "SELECT x + 1 AS x FROM t WHERE x > 1",
        "SELECT count(*) AS n FROM t WHERE n > 1",
        "SELECT b, count(*) AS n FROM t GROUP BY b HAVING n > 1",
        "SELECT a, count(*) AS n FROM t GROUP BY b HAVING n > 1",
        "SELECT a, count(*) FROM t",
        "SELECT a, b, count(*) FROM t GROUP BY b",
        "SELECT c, max(a), b FROM t GROUP BY b",
        "SELECT count(*) AS n FROM t GROUP BY b HAVING n + 0 > 1",
        "SELECT a AS x FROM t GROUP BY x HAVING x > 1",
        "SELECT b AS a, count(*) FROM t GROUP BY a",
        "SELECT a + 1 AS x FROM t GROUP BY x + 1",
        "SELECT a + 1 AS x, count(*) FROM t GROUP BY x ORDER BY x",
        "SELECT a + 1 AS x, x * 2 FROM t",
        "SELECT t.a, u.a FROM t, u WHERE t.a = u.a ORDER BY a",
        "SELECT t.a FROM t, u ORDER BY a",
        "SELECT t.a, u.a FROM t, u GROUP BY a",
        "SELECT a AS x FROM t, u ORDER BY x",
        "SELECT a AS q FROM u ORDER BY d",
        "SELECT b FROM t ORDER BY b COLLATE NOCASE, a",
        "SELECT b AS q FROM t ORDER BY q COLLATE NOCASE, q",
        "SELECT d FROM u ORDER BY d DESC",
        // compounds
        "SELECT b FROM t UNION SELECT d FROM u ORDER BY 1 COLLATE NOCASE",
        "SELECT d FROM u UNION SELECT b FROM t",
        "SELECT b FROM t UNION SELECT d FROM u",
        "SELECT d FROM u UNION SELECT b FROM t ORDER BY 1",
        "SELECT d FROM u UNION SELECT b FROM t ORDER BY 1 COLLATE BINARY",
        "SELECT d FROM u INTERSECT SELECT b FROM t",
        "SELECT d FROM u EXCEPT SELECT b FROM t",
        "SELECT b FROM t UNION ALL SELECT d FROM u ORDER BY b COLLATE NOCASE DESC, 1",
        "SELECT d AS k FROM u UNION ALL SELECT b FROM t ORDER BY k",
        "SELECT 1 AS a UNION SELECT 2 ORDER BY a + 1",
        "SELECT a FROM t UNION SELECT a FROM u ORDER BY u.a",
        "SELECT x.a FROM t AS x UNION SELECT a FROM u ORDER BY x.a",
        "SELECT 1 UNION SELECT 1.0",
        "SELECT 1.0 UNION SELECT 1",
        "SELECT 1 UNION SELECT 1.0 UNION SELECT 1",
        "SELECT 2.0 INTERSECT SELECT 2",
        "SELECT d FROM u UNION SELECT 'x' UNION SELECT 'X'",
        "SELECT d FROM u UNION VALUES ('Y'), ('y')");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void sameAsSqlite(String sql) {
    d.check(sql);
  }
}
