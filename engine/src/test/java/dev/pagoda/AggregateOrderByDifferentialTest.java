package dev.pagoda;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ORDER BY inside an aggregate call (SQLite 3.44+): the rows of each group are stepped in that
 * order, with DESC, NULLS FIRST/LAST, collations, DISTINCT and FILTER. Each query compared with
 * sqlite-jdbc; outer ORDER BY keeps group order deterministic where rows would be sorted anyway.
 */
class AggregateOrderByDifferentialTest {
  private static Differential d;

  @BeforeAll
  static void open() throws SQLException {
    d = new Differential(
        "CREATE TABLE t(g INTEGER, v TEXT, k INTEGER, n TEXT COLLATE NOCASE)",
        "INSERT INTO t VALUES (1, 'a', 3, 'B'), (1, 'b', 1, 'a'), (1, 'c', 2, 'C'),"
            + " (1, 'c', NULL, 'b'), (2, 'x', 5, 'Z'), (2, NULL, 4, 'y'), (2, 'y', 5, 'X'),"
            + " (3, 'q', NULL, NULL)");
  }

  @AfterAll
  static void close() throws SQLException {
    d.close();
  }

  static Stream<String> queries() {
    return Stream.of(
        "SELECT g, group_concat(v ORDER BY k) FROM t GROUP BY g ORDER BY g",
        "SELECT g, group_concat(v ORDER BY k DESC) FROM t GROUP BY g ORDER BY g",
        "SELECT g, group_concat(v ORDER BY k NULLS LAST) FROM t GROUP BY g ORDER BY g",
        "SELECT g, group_concat(v ORDER BY k DESC NULLS FIRST) FROM t GROUP BY g ORDER BY g",
        "SELECT g, group_concat(v, '-' ORDER BY v DESC, k) FROM t GROUP BY g ORDER BY g",
        "SELECT g, string_agg(v, ';' ORDER BY n) FROM t GROUP BY g ORDER BY g",
        "SELECT g, string_agg(v, ';' ORDER BY n COLLATE BINARY) FROM t GROUP BY g ORDER BY g",
        "SELECT group_concat(DISTINCT v ORDER BY v DESC) FROM t",
        "SELECT group_concat(v ORDER BY k) FILTER (WHERE g < 3) FROM t",
        "SELECT g, sum(k ORDER BY v), count(* ORDER BY v) FROM t GROUP BY g ORDER BY g",
        "SELECT g, json_group_array(v ORDER BY k DESC) FROM t GROUP BY g ORDER BY g",
        "SELECT group_concat(v ORDER BY g * -1, k) FROM t",
        "SELECT group_concat(v ORDER BY (SELECT count(*) FROM t AS u WHERE u.k < t.k), v) FROM t",
        "SELECT g, (SELECT group_concat(v ORDER BY k) FROM t AS u WHERE u.g = t.g) FROM t"
            + " GROUP BY g ORDER BY g",
        "SELECT group_concat(v ORDER BY k) FROM t WHERE 0",
        "SELECT abs(k ORDER BY v) FROM t");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void sameAsSqlite(String sql) {
    d.check(sql);
  }
}
