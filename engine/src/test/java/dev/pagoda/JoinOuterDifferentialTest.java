package dev.pagoda;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RIGHT and FULL joins, alone and in chains with inner and LEFT joins, with NULLs, duplicates,
 * constant ON terms, USING and NATURAL, WHERE terms on either side; LEFT joins whose right side
 * is a parenthesized join or a subquery. Each compared with sqlite-jdbc.
 */
class JoinOuterDifferentialTest {
  private static Differential d;

  @BeforeAll
  static void open() throws SQLException {
    d = new Differential(
        "CREATE TABLE a(x INTEGER, y TEXT)",
        "CREATE TABLE b(x INTEGER, z TEXT)",
        "CREATE TABLE c(x INTEGER, w)",
        "CREATE TABLE e(x INTEGER)",
        "CREATE TABLE k(id INTEGER PRIMARY KEY, x INTEGER)",
        "CREATE INDEX kx ON k(x)",
        "INSERT INTO a VALUES (1, 'a1'), (2, 'a2'), (2, 'a2b'), (NULL, 'an'), (5, 'a5')",
        "INSERT INTO b VALUES (2, 'b2'), (3, 'b3'), (3, 'b3b'), (NULL, 'bn'), (5, 'b5')",
        "INSERT INTO c VALUES (3, 'c3'), (5, 'c5'), (6, 'c6'), (NULL, NULL)",
        "INSERT INTO k VALUES (1, 2), (2, 3), (3, 7)");
  }

  @AfterAll
  static void close() throws SQLException {
    d.close();
  }

  static Stream<String> queries() {
    return Stream.of(
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x",
        "SELECT * FROM a RIGHT OUTER JOIN b ON a.x = b.x",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x",
        "SELECT * FROM a FULL OUTER JOIN b ON a.x = b.x",
        "SELECT a.y, b.z FROM a RIGHT JOIN b ON a.x = b.x ORDER BY b.z, a.y",
        "SELECT * FROM a RIGHT JOIN b ON 1",
        "SELECT * FROM a RIGHT JOIN b ON 0",
        "SELECT * FROM a FULL JOIN b ON 0",
        "SELECT * FROM a FULL JOIN b ON NULL",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x AND b.z <> 'b3'",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x AND a.y = 'a2'",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x AND b.x > 2",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x WHERE a.x IS NULL",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x WHERE a.y = 'a2' OR a.y IS NULL",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x WHERE a.x IS NULL OR b.x IS NULL",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x WHERE b.z > 'b2'",
        "SELECT * FROM e RIGHT JOIN b ON e.x = b.x",
        "SELECT * FROM e FULL JOIN b ON e.x = b.x",
        "SELECT * FROM a FULL JOIN e ON e.x = a.x",
        "SELECT * FROM a RIGHT JOIN e ON e.x = a.x",
        "SELECT * FROM a RIGHT JOIN b USING (x)",
        "SELECT * FROM a FULL JOIN b USING (x)",
        "SELECT x, a.x, b.x FROM a FULL JOIN b USING (x)",
        "SELECT x FROM a FULL JOIN b USING (x) WHERE x > 2",
        "SELECT * FROM a NATURAL RIGHT JOIN b",
        "SELECT * FROM a NATURAL FULL JOIN b",
        "SELECT * FROM a FULL JOIN b USING (x) FULL JOIN c USING (x)",
        "SELECT * FROM a JOIN b ON a.x = b.x RIGHT JOIN c ON c.x = b.x",
        "SELECT * FROM a LEFT JOIN b ON a.x = b.x RIGHT JOIN c ON c.x = b.x",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x LEFT JOIN c ON c.x = b.x",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x JOIN c ON c.x = b.x",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x RIGHT JOIN c ON c.x = b.x",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x FULL JOIN c ON c.x = a.x",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x FULL JOIN c ON c.x = b.x WHERE c.w IS NOT NULL",
        "SELECT * FROM a, b RIGHT JOIN c ON c.x = b.x AND a.x = 2",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x JOIN c ON a.x IS NULL",
        "SELECT * FROM a RIGHT JOIN k ON a.x = k.x",
        "SELECT * FROM k RIGHT JOIN a ON a.x = k.x",
        "SELECT * FROM k FULL JOIN a ON k.id = a.x",
        "SELECT * FROM a FULL JOIN k ON k.id = a.x WHERE k.id = 2",
        "SELECT count(*), count(a.x), count(b.x) FROM a FULL JOIN b ON a.x = b.x",
        "SELECT b.x, count(a.y) FROM a RIGHT JOIN b ON a.x = b.x GROUP BY b.x",
        "SELECT * FROM (SELECT * FROM a WHERE x > 1) s RIGHT JOIN b ON s.x = b.x",
        "SELECT * FROM b RIGHT JOIN (SELECT 2 AS x UNION ALL SELECT 9) v ON v.x = b.x",
        "SELECT (SELECT count(*) FROM a FULL JOIN b ON a.x = b.x WHERE b.x = o.x) FROM c o",
        // LEFT JOIN with a parenthesized join or a subquery on its right
        "SELECT * FROM a LEFT JOIN (b JOIN c ON b.x = c.x) ON a.x = b.x",
        "SELECT a.y, b.z, c.w FROM a LEFT JOIN (b JOIN c ON b.x = c.x) ON a.x = c.x",
        "SELECT * FROM a LEFT JOIN (b LEFT JOIN c ON b.x = c.x) ON a.x = b.x",
        "SELECT * FROM a LEFT JOIN (b JOIN c USING (x)) USING (x)",
        "SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.x = b.x",
        "SELECT * FROM a LEFT JOIN (SELECT x, count(*) AS n FROM b GROUP BY x) s ON s.x = a.x",
        "SELECT * FROM a LEFT JOIN (SELECT * FROM b WHERE z > 'b2') s ON s.x = a.x",
        "SELECT a.y, s.z FROM a LEFT JOIN (SELECT * FROM b) AS s ON s.x = a.x WHERE s.z IS NULL",
        "SELECT * FROM a RIGHT JOIN (b JOIN c ON b.x = c.x) ON a.x = b.x",
        "SELECT * FROM a FULL JOIN (b LEFT JOIN c ON b.x = c.x) ON a.x = b.x");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void sameAsSqlite(String sql) {
    d.check(sql);
  }
}
