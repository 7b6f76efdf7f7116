package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries of every shape Step 5 runs (joins, LEFT JOIN, USING and NATURAL, GROUP BY and HAVING,
 * aggregates with DISTINCT and FILTER, DISTINCT, ORDER BY with ordinals, aliases, DESC and NULLS
 * LAST, LIMIT and OFFSET, compound SELECT, subqueries in FROM, WHERE and the result, correlated or
 * not, CTEs, VALUES), each run on Pagoda and on sqlite-jdbc over the same data and compared value
 * by value and storage class by storage class. A query with ORDER BY is compared in order; others
 * as multisets.
 */
class QueryDifferentialTest {
  private static final String[] SCHEMA = {
    "CREATE TABLE t1(a INTEGER, b TEXT, c REAL)",
    "CREATE TABLE t2(a INTEGER, d, e TEXT)",
    "CREATE TABLE t3(id INTEGER PRIMARY KEY, a INTEGER, f)",
    "INSERT INTO t1 VALUES (1, 'one', 1.5), (2, 'two', NULL), (3, 'three', 3.0), (NULL, 'nul', 0.5),"
        + " (2, 'Two', 2.25), (5, NULL, -1.0), (3, 'three', 3.0)",
    "INSERT INTO t2 VALUES (1, 10, 'x'), (2, 'twenty', 'y'), (2, 21, NULL), (4, 40.5, 'z'),"
        + " (NULL, NULL, 'n')",
    "INSERT INTO t3 VALUES (1, 1, 'p'), (2, 3, 'q'), (7, 9, NULL), (10, 2, X'00ff')",
    "CREATE TABLE t5(k INTEGER PRIMARY KEY, b TEXT COLLATE NOCASE, c TEXT COLLATE RTRIM)",
    "INSERT INTO t5 VALUES (1, 'abc', 'abc  '), (2, 'ABC', 'abc'), (3, 'x', 'ABC')",
    "CREATE TABLE t4(k INTEGER PRIMARY KEY, x INTEGER, y TEXT, z)",
    "CREATE INDEX t4x ON t4(x)",
    "CREATE INDEX t4yz ON t4(y, z)",
    "CREATE INDEX t4zd ON t4(z DESC)",
    "INSERT INTO t4 VALUES (1, 3, 'b', 1), (2, '3', 'b', 2.5), (3, 'abc', 'a', 'q'), (4, NULL, 'b', NULL),"
        + " (5, 2.0, 'c', X'01'), (6, 7, NULL, '1'), (7, -4, 'b', 2), (8, 3, 'a', 10), (9, 1.5, 'c', 'a')",
  };

  private static Database db;
  private static Connection pagoda;
  private static java.sql.Connection sqlite;

  @BeforeAll
  static void open() throws SQLException {
    db = Database.openInMemory();
    pagoda = db.connect();
    sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement s = sqlite.createStatement()) {
      for (String sql : SCHEMA) {
        pagoda.execute(sql);
        s.execute(sql);
      }
    }
  }

  @AfterAll
  static void close() throws SQLException {
    pagoda.close();
    db.close();
    sqlite.close();
  }

  static Stream<String> queries() {
    return Stream.of(
        // joins
        "SELECT * FROM t1, t2 WHERE t1.a = t2.a",
        "SELECT t1.b, t2.e FROM t1 JOIN t2 ON t1.a = t2.a AND t2.e <> 'x'",
        "SELECT * FROM t1 CROSS JOIN t3",
        "SELECT t1.a, t2.d FROM t1 LEFT JOIN t2 ON t1.a = t2.a",
        "SELECT t1.a, t2.d FROM t1 LEFT JOIN t2 ON t1.a = t2.a WHERE t2.d IS NULL",
        "SELECT t1.a, t2.d FROM t1 LEFT JOIN t2 ON t1.a = t2.a AND t2.d > 15",
        "SELECT * FROM t1 JOIN t2 USING (a)",
        "SELECT * FROM t1 NATURAL JOIN t3",
        "SELECT a, b, d FROM t1 LEFT JOIN t2 USING (a)",
        "SELECT x.a, y.a FROM t1 AS x, t1 AS y WHERE x.a < y.a",
        "SELECT t1.a, t3.f, t2.e FROM t3, t2, t1 WHERE t1.a = t2.a AND t3.a = t1.a",
        "SELECT t3.rowid, t1.rowid FROM t1, t3 WHERE t1.a = t3.id",
        // aggregates and grouping
        "SELECT count(*), count(a), sum(a), total(a), avg(a), min(a), max(a) FROM t1",
        "SELECT count(*), sum(a), min(b), max(b) FROM t1 WHERE a > 100",
        "SELECT a, count(*), group_concat(b) FROM t1 GROUP BY a",
        "SELECT a, count(DISTINCT b), sum(c) FROM t1 GROUP BY 1 HAVING count(*) > 1",
        "SELECT b, max(c), a FROM t1 GROUP BY b",
        "SELECT max(c), b FROM t1",
        "SELECT min(c), b FROM t1",
        "SELECT count(*) FILTER (WHERE a > 1), sum(a) FILTER (WHERE b > 't') FROM t1",
        "SELECT a % 2 AS parity, count(*) FROM t1 GROUP BY parity",
        "SELECT group_concat(e, '-') FROM t2",
        "SELECT t1.a, count(t2.d) FROM t1 LEFT JOIN t2 ON t1.a = t2.a GROUP BY t1.a",
        "SELECT avg(c), sum(c) FROM t1 GROUP BY a ORDER BY 1",
        "SELECT count(*) FROM t1, t2",
        // DISTINCT, ORDER BY, LIMIT
        "SELECT DISTINCT a FROM t1",
        "SELECT DISTINCT a, b FROM t1 ORDER BY a, b",
        "SELECT a, b FROM t1 ORDER BY a DESC, b",
        "SELECT a, b FROM t1 ORDER BY a NULLS LAST, b DESC",
        "SELECT a, b FROM t1 ORDER BY c",
        "SELECT b AS x FROM t1 ORDER BY x",
        "SELECT a, b FROM t1 ORDER BY 2 DESC LIMIT 3",
        "SELECT a FROM t1 ORDER BY a LIMIT 2 OFFSET 2",
        "SELECT a FROM t1 ORDER BY a LIMIT 3, 2",
        "SELECT a FROM t1 ORDER BY a LIMIT -1 OFFSET 5",
        "SELECT d FROM t2 ORDER BY d",
        "SELECT a + c FROM t1 ORDER BY a + c DESC",
        // compound
        "SELECT a FROM t1 UNION SELECT a FROM t2",
        "SELECT a FROM t1 UNION ALL SELECT a FROM t2",
        "SELECT a FROM t1 INTERSECT SELECT a FROM t2",
        "SELECT a FROM t1 EXCEPT SELECT a FROM t2",
        "SELECT a, b FROM t1 UNION SELECT a, e FROM t2 ORDER BY 2 DESC LIMIT 4",
        "SELECT a FROM t1 UNION SELECT id FROM t3 ORDER BY a",
        // subqueries
        "SELECT (SELECT max(a) FROM t2), a FROM t1",
        "SELECT a, (SELECT count(*) FROM t2 WHERE t2.a = t1.a) FROM t1",
        "SELECT a FROM t1 WHERE a IN (SELECT a FROM t2)",
        "SELECT a FROM t1 WHERE a NOT IN (SELECT a FROM t2)",
        "SELECT a FROM t1 WHERE a NOT IN (SELECT a FROM t2 WHERE a IS NOT NULL)",
        "SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a)",
        "SELECT a FROM t1 WHERE NOT EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a)",
        "SELECT * FROM (SELECT a, count(*) AS n FROM t1 GROUP BY a) WHERE n > 1",
        "SELECT s.x FROM (SELECT a * 2 AS x FROM t1) AS s ORDER BY s.x",
        "SELECT a FROM t1 WHERE a = (SELECT min(a) FROM t2)",
        "SELECT a FROM t1 WHERE a IN (SELECT id FROM t3)",
        "SELECT b FROM t1 WHERE c > (SELECT avg(c) FROM t1 AS x WHERE x.a = t1.a)",
        // CTEs and VALUES
        "WITH w(x) AS (SELECT a FROM t1 WHERE a > 1) SELECT x FROM w ORDER BY x",
        "WITH w AS (SELECT a, b FROM t1), v AS (SELECT a FROM w WHERE a < 3) SELECT * FROM v",
        "VALUES (1, 'a'), (2, NULL), (3.5, x'01')",
        "SELECT * FROM (VALUES (1), (2)) AS v, t3 WHERE v.column1 = t3.id",
        "SELECT column1 FROM (VALUES (3), (1), (2)) ORDER BY 1",
        "SELECT 1 WHERE 0",
        "SELECT count(*) WHERE 0",
        // index and rowid access paths
        "SELECT k FROM t4 WHERE x = 3",
        "SELECT k FROM t4 WHERE x = '3'",
        "SELECT k FROM t4 WHERE x > 2",
        "SELECT k FROM t4 WHERE x >= 2 AND x < 7",
        "SELECT k FROM t4 WHERE x BETWEEN -4 AND 2",
        "SELECT k FROM t4 WHERE x < 'b'",
        "SELECT k FROM t4 WHERE x > 'a'",
        "SELECT k FROM t4 WHERE x IN (1, 3, '3', 7, 7)",
        "SELECT k FROM t4 WHERE x IS NULL",
        "SELECT k FROM t4 WHERE y = 'b' AND z > 1",
        "SELECT k FROM t4 WHERE y = 'b' AND z = 2",
        "SELECT k FROM t4 WHERE y = 'c'",
        "SELECT k FROM t4 WHERE z = '1'",
        "SELECT k FROM t4 WHERE z = 1",
        "SELECT k FROM t4 WHERE z > 'a'",
        "SELECT k FROM t4 WHERE k IN (1, 2, 2, 9.0, 3.5, '4')",
        "SELECT k FROM t4 WHERE k > 2.5 AND k <= 7",
        "SELECT k FROM t4 WHERE k < '3'",
        "SELECT k FROM t4 WHERE rowid = 2.0",
        "SELECT k FROM t4 WHERE k > 8 OR k < 2",
        "SELECT k FROM t4 WHERE k = NULL",
        "SELECT k FROM t4 WHERE k > 9223372036854775807",
        "SELECT k FROM t4 WHERE k >= -9223372036854775808 AND k < 3",
        "SELECT t1.b, t4.k FROM t1, t4 WHERE t1.a = t4.x",
        "SELECT t1.b, t4.k FROM t1 JOIN t4 ON t4.k = t1.a",
        "SELECT t1.b, t4.k FROM t1 LEFT JOIN t4 ON t4.x = t1.a AND t4.y = 'b'",
        "SELECT a.k, b.k FROM t4 a, t4 b WHERE a.x = b.k AND b.y = 'b'",
        "SELECT k FROM t4 WHERE x IN (SELECT a FROM t1)",
        // collations through subqueries
        "SELECT n FROM (SELECT b AS n FROM t5) WHERE n = 'ABC'",
        "SELECT * FROM (SELECT * FROM t5) WHERE b = 'abc '",
        "SELECT n FROM (SELECT b AS n FROM t5 UNION ALL SELECT 'x') WHERE n = 'ABC'",
        "SELECT k FROM t5 WHERE 'ABC' IN (SELECT b FROM t5)",
        "SELECT k FROM t5 WHERE b IN (SELECT 'ABC')",
        "SELECT k FROM t5 WHERE b COLLATE BINARY IN (SELECT 'ABC')",
        "SELECT k FROM t5 WHERE c IN (SELECT 'abc')",
        "SELECT k FROM t5 WHERE b IN (SELECT 'ABC' UNION SELECT 'q' UNION SELECT 'r' UNION SELECT 's'"
            + " UNION SELECT 't' UNION SELECT 'u' UNION SELECT 'v' UNION SELECT 'w' UNION SELECT 'x')");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void sameAsSqlite(String sql) throws SQLException {
    List<String> expected = new ArrayList<>(SqlOracle.sqlite(sqlite, sql));
    List<String> actual = new ArrayList<>(SqlOracle.pagoda(pagoda, sql));
    if (!sql.contains("ORDER BY")) {
      Collections.sort(expected);
      Collections.sort(actual);
    }
    assertEquals(expected, actual, sql);
  }
}
