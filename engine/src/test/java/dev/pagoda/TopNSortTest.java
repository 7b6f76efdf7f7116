package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ORDER BY under a LIMIT, which the executor answers with a bounded heap instead of a full sort:
 * compared with sqlite-jdbc on total orders (limits, offsets, DESC, NULLs, collations, DISTINCT,
 * GROUP BY, a limit past the heap's bound), and on orders with ties compared with Pagoda's own full
 * (stable) sort, whose first rows a limited query must return in the same order.
 */
class TopNSortTest {
  private static final int ROWS = 3_000;
  private static Differential d;

  @BeforeAll
  static void open() throws SQLException {
    SplittableRandom random = new SplittableRandom(20261202);
    StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
    String[] words = {"apple", "Apple", "banana", "BANANA", "cherry", "date", "Date", ""};
    for (int i = 1; i <= ROWS; i++) {
      String k = random.nextInt(10) == 0 ? "NULL" : Integer.toString(random.nextInt(20));
      String s = random.nextInt(12) == 0 ? "NULL" : "'" + words[random.nextInt(words.length)] + "'";
      double r = random.nextInt(1000) / 8.0;
      insert.append(i == 1 ? "" : ", ")
          .append('(').append(i).append(", ").append(k).append(", ").append(s).append(", ")
          .append(r).append(')');
    }
    d = new Differential("CREATE TABLE t(id INTEGER PRIMARY KEY, k INTEGER, s TEXT, r REAL)",
        insert.toString());
  }

  @AfterAll
  static void close() throws SQLException {
    d.close();
  }

  static Stream<String> totalOrders() {
    return Stream.of(
        "SELECT id, k FROM t ORDER BY k, id LIMIT 10",
        "SELECT id, k FROM t ORDER BY k DESC, id LIMIT 10",
        "SELECT id, k FROM t ORDER BY k NULLS LAST, id DESC LIMIT 25",
        "SELECT id, k FROM t ORDER BY k DESC NULLS FIRST, id LIMIT 25 OFFSET 3",
        "SELECT id, s FROM t ORDER BY s COLLATE NOCASE, id LIMIT 40",
        "SELECT id, s FROM t ORDER BY s DESC, id DESC LIMIT 7 OFFSET 100",
        "SELECT id, r FROM t ORDER BY r * -1, id LIMIT 15",
        "SELECT id FROM t ORDER BY id DESC LIMIT 1",
        "SELECT id FROM t ORDER BY k, id LIMIT 0",
        "SELECT id FROM t ORDER BY k, id LIMIT 5 OFFSET 2999",
        "SELECT id FROM t ORDER BY k, id LIMIT 5 OFFSET 5000",
        "SELECT id FROM t ORDER BY k, id LIMIT -1 OFFSET 2990",
        "SELECT id FROM t ORDER BY s, k, id LIMIT 10000",
        "SELECT id FROM t ORDER BY r, id LIMIT 12000",
        "SELECT id FROM t ORDER BY k, id LIMIT 9000 OFFSET 2000",
        "SELECT id FROM t ORDER BY k, id LIMIT (SELECT count(*) FROM t WHERE k = 3)",
        "SELECT id FROM t ORDER BY k, id LIMIT '4'",
        "SELECT id FROM t ORDER BY k, id LIMIT 'x'",
        "SELECT id FROM t ORDER BY k, id LIMIT 3 OFFSET -2",
        "SELECT DISTINCT k FROM t ORDER BY k DESC LIMIT 5",
        "SELECT DISTINCT s FROM t ORDER BY s LIMIT 3 OFFSET 1",
        "SELECT k, count(*) FROM t GROUP BY k ORDER BY count(*) DESC, k LIMIT 4",
        "SELECT k, sum(r) AS total FROM t GROUP BY k ORDER BY total, k LIMIT 6",
        "SELECT id FROM t WHERE k = 7 ORDER BY r DESC, id LIMIT 5",
        "SELECT id, k FROM t ORDER BY k, id LIMIT 3 OFFSET 1 UNION ALL SELECT 0, 0",
        "SELECT * FROM (SELECT id, k FROM t ORDER BY k DESC, id LIMIT 10) ORDER BY id",
        "SELECT id, (SELECT id FROM t AS u WHERE u.k = t.k ORDER BY u.r, u.id LIMIT 1) FROM t"
            + " WHERE id < 20 ORDER BY id");
  }

  @ParameterizedTest
  @MethodSource("totalOrders")
  void matchesSqlite(String sql) {
    d.check(sql);
  }

  static Stream<String> ordersWithTies() {
    return Stream.of("k", "k DESC", "s COLLATE NOCASE", "s DESC", "r", "k, s", "k IS NULL");
  }

  /** Ties come out in input order, as the full sort gives them, at every limit and offset. */
  @ParameterizedTest
  @MethodSource("ordersWithTies")
  void keepsTiesInTheFullSortsOrder(String order) {
    List<String> full = rows("SELECT id FROM t ORDER BY " + order);
    assertEquals(ROWS, full.size());
    for (int[] limitOffset : new int[][] {{1, 0}, {10, 0}, {150, 0}, {10, 140}, {1000, 1500}}) {
      int limit = limitOffset[0];
      int offset = limitOffset[1];
      List<String> expected = full.subList(offset, Math.min(ROWS, offset + limit));
      String sql = "SELECT id FROM t ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset;
      assertEquals(expected, rows(sql), sql);
    }
  }

  private static List<String> rows(String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = d.pagoda().prepare(sql); Rows rows = ps.query()) {
      while (rows.next()) {
        out.add(SqlOracle.render(rows.get(0)));
      }
    }
    return out;
  }
}
