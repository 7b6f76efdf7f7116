package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Common table expressions: recursive ones (UNION and UNION ALL, several recursive SELECTs, ORDER
 * BY, LIMIT and OFFSET in the CTE, joins with tables), several CTEs, CTEs referenced twice and
 * from subqueries, and SQLite's errors. Each compared with sqlite-jdbc.
 */
class CteDifferentialTest {
  private static Differential d;

  @BeforeAll
  static void open() throws SQLException {
    d = new Differential(
        "CREATE TABLE t(a INTEGER, b TEXT)",
        "INSERT INTO t VALUES (1, 'x'), (2, 'y'), (2, 'z'), (NULL, 'n')",
        "CREATE TABLE edge(src INTEGER, dst INTEGER)",
        "INSERT INTO edge VALUES (1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (6, 7)",
        "CREATE TABLE emp(name TEXT, boss TEXT)",
        "INSERT INTO emp VALUES ('ann', NULL), ('bob', 'ann'), ('cat', 'ann'), ('dan', 'bob'),"
            + " ('eve', 'dan')");
  }

  @AfterAll
  static void close() throws SQLException {
    d.close();
  }

  static Stream<String> queries() {
    return Stream.of(
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10)"
            + " SELECT * FROM c",
        "WITH c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 5) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 3 OFFSET 2)"
            + " SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 0) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION SELECT n % 3 + 1 FROM c) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3"
            + " UNION ALL SELECT n + 10 FROM c WHERE n < 2) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT n + 10 FROM c"
            + " WHERE n < 20) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (VALUES (1), (5) UNION ALL SELECT n * 2 FROM c WHERE n < 20)"
            + " SELECT * FROM c",
        "WITH RECURSIVE c(n, s) AS (SELECT 1, 'a' UNION ALL SELECT n + 1, s || 'b' FROM c"
            + " WHERE n < 4) SELECT s, n FROM c ORDER BY n DESC",
        "WITH RECURSIVE reach(x) AS (SELECT 1 UNION SELECT dst FROM edge, reach WHERE src = x)"
            + " SELECT x FROM reach",
        "WITH RECURSIVE reach(x) AS (SELECT 1 UNION SELECT dst FROM reach JOIN edge ON src = x)"
            + " SELECT count(*), sum(x) FROM reach",
        "WITH RECURSIVE chain(name, depth) AS (SELECT name, 0 FROM emp WHERE boss IS NULL"
            + " UNION ALL SELECT emp.name, depth + 1 FROM emp JOIN chain ON emp.boss = chain.name)"
            + " SELECT * FROM chain",
        // ORDER BY in the CTE: the queue is a priority queue
        "WITH RECURSIVE chain(name, depth) AS (SELECT name, 0 FROM emp WHERE boss IS NULL"
            + " UNION ALL SELECT emp.name, depth + 1 FROM emp JOIN chain ON emp.boss = chain.name"
            + " ORDER BY 2 DESC) SELECT name FROM chain",
        "WITH RECURSIVE chain(name, depth) AS (SELECT name, 0 FROM emp WHERE boss IS NULL"
            + " UNION ALL SELECT emp.name, depth + 1 FROM emp JOIN chain ON emp.boss = chain.name"
            + " ORDER BY 2) SELECT name FROM chain",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c ORDER BY 1 DESC LIMIT 5)"
            + " SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 5 UNION ALL SELECT 1 UNION ALL SELECT n + 2 FROM c"
            + " WHERE n < 8 ORDER BY 1) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LEFT JOIN t ON t.a = n"
            + " WHERE n < 4) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5)"
            + " SELECT x.n, y.n FROM c AS x, c AS y WHERE x.n + y.n = 6",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3),"
            + " d(m) AS (SELECT n * 10 FROM c) SELECT * FROM d, c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 4)"
            + " SELECT a, (SELECT count(*) FROM c WHERE n <= t.a) FROM t",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 4)"
            + " SELECT * FROM t WHERE a IN (SELECT n FROM c)",
        "SELECT (WITH RECURSIVE c(n) AS (SELECT t.a UNION ALL SELECT n + 1 FROM c WHERE n < 5)"
            + " SELECT count(*) FROM c) FROM t",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT DISTINCT n + 1 FROM c WHERE n < 2)"
            + " SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 100)"
            + " SELECT sum(n), count(*) FROM c",
        "WITH w AS (SELECT a, b FROM t), v AS (SELECT a FROM w WHERE a < 3) SELECT * FROM v, w",
        "WITH w(a) AS (SELECT 1), v AS (SELECT a + 1 AS a FROM w) SELECT * FROM w, v",
        "WITH w AS (SELECT a FROM t) SELECT * FROM w AS x JOIN w AS y ON x.a = y.a",
        "WITH w AS (SELECT a FROM t) SELECT (SELECT count(*) FROM w WHERE w.a = t.a) FROM t",
        "WITH t(q) AS (SELECT 7) SELECT * FROM t",
        // errors
        "WITH c AS (SELECT * FROM c) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c, c WHERE n < 3)"
            + " SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT a FROM t WHERE a IN"
            + " (SELECT n FROM c)) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT max(n) + 1 FROM c) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT n FROM c UNION ALL SELECT 1) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 INTERSECT SELECT n + 1 FROM c) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (SELECT * FROM c))"
            + " SELECT * FROM c",
        "WITH RECURSIVE c(n, m) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n, n FROM c) SELECT * FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 2 ORDER BY n)"
            + " SELECT * FROM c",
        "WITH c(n) AS (SELECT 1), c(m) AS (SELECT 2) SELECT * FROM c");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void sameAsSqlite(String sql) {
    d.check(sql);
  }

  @Test
  void aCteReferencedTwiceIsComputedOnce() {
    // random() differs per computation: both references must see the same rows.
    String sql = "WITH r AS (SELECT random() AS v) SELECT count(*) FROM r AS x, r AS y"
        + " WHERE x.v = y.v";
    assertEquals("I1|", d.pagodaResult(sql));
  }
}
