package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Window functions (lang_windowfunc) compared with sqlite-jdbc: every built-in window function,
 * aggregates over ROWS, RANGE and GROUPS frames with every kind of bound and EXCLUDE, partitions
 * with NULLs and ties, collations, named windows and their inheritance, windows over GROUP BY,
 * in ORDER BY, in subqueries and CTEs, FILTER, and SQLite's errors. Rows compare value by value
 * and storage class by storage class; a query whose outer ORDER BY does not order every row is
 * compared as a multiset.
 */
class WindowDifferentialTest {
  private static Differential d;

  @BeforeAll
  static void open() throws SQLException {
    d = new Differential(
        "CREATE TABLE t(id INTEGER PRIMARY KEY, g TEXT, x INTEGER, y REAL, s TEXT COLLATE NOCASE)",
        "INSERT INTO t VALUES (1, 'a', 1, 1.5, 'x'), (2, 'a', 2, NULL, 'Y'), (3, 'a', 2, 2.5, 'y'),"
            + " (4, 'b', NULL, 3.0, 'X'), (5, 'b', 3, -1.0, NULL), (6, NULL, 5, 0.0, 'z'),"
            + " (7, 'B', 5, 10.25, 'a'), (8, NULL, NULL, NULL, 'b'), (9, 'a', 7, 7.0, 'Z'),"
            + " (10, 'b', 3, 2.0, 'x')",
        "CREATE TABLE e(k INTEGER, v TEXT)",
        "CREATE TABLE big(n INTEGER)",
        "INSERT INTO big VALUES (9223372036854775807), (1), (-9223372036854775807), (2), (3)",
        "CREATE TABLE m(id INTEGER PRIMARY KEY, v)",
        "INSERT INTO m VALUES (1, 1), (2, 1.0), (3, 2.5), (4, 'a'), (5, '2'), (6, x'00'),"
            + " (7, NULL), (8, 2), (9, 'b'), (10, 3.0)",
        "CREATE VIEW ranked AS SELECT id, rank() OVER (ORDER BY x DESC) AS r FROM t",
        "CREATE TABLE copied AS SELECT id, row_number() OVER (ORDER BY x DESC, id) AS rn,"
            + " sum(x) OVER (PARTITION BY g) AS total FROM t");
  }

  @AfterAll
  static void close() throws SQLException {
    d.close();
  }

  /** Queries whose outer ORDER BY orders every row. */
  static Stream<String> ordered() {
    return Stream.of(
        // the ranking functions
        "SELECT id, row_number() OVER (ORDER BY id) FROM t ORDER BY id",
        "SELECT id, row_number() OVER (PARTITION BY g ORDER BY x, id) FROM t ORDER BY id",
        "SELECT id, rank() OVER (ORDER BY x), dense_rank() OVER (ORDER BY x) FROM t ORDER BY id",
        "SELECT id, rank() OVER (PARTITION BY g ORDER BY x DESC) FROM t ORDER BY id",
        "SELECT id, percent_rank() OVER (ORDER BY x), cume_dist() OVER (ORDER BY x) FROM t"
            + " ORDER BY id",
        "SELECT id, percent_rank() OVER (PARTITION BY g ORDER BY y), cume_dist() OVER"
            + " (PARTITION BY g ORDER BY y) FROM t ORDER BY id",
        "SELECT id, rank() OVER (), dense_rank() OVER (), percent_rank() OVER (), cume_dist()"
            + " OVER () FROM t ORDER BY id",
        "SELECT id, ntile(3) OVER (ORDER BY id), ntile(4) OVER (PARTITION BY g ORDER BY id),"
            + " ntile(20) OVER (ORDER BY id) FROM t ORDER BY id",
        "SELECT id, ntile(x) OVER (ORDER BY id DESC) FROM t ORDER BY id",
        "SELECT id, row_number(ORDER BY x) OVER (ORDER BY id) FROM t ORDER BY id",
        "SELECT id, ntile(2.7) OVER (ORDER BY id), ntile('3') OVER (ORDER BY id) FROM t ORDER BY id",
        // navigation
        "SELECT id, lag(x) OVER (ORDER BY id), lead(x) OVER (ORDER BY id) FROM t ORDER BY id",
        "SELECT id, lag(x, 2) OVER (ORDER BY id), lead(x, 3, -1) OVER (ORDER BY id) FROM t"
            + " ORDER BY id",
        "SELECT id, lag(x, 1, 'none') OVER (PARTITION BY g ORDER BY id), lead(s, 1, s) OVER"
            + " (PARTITION BY g ORDER BY id) FROM t ORDER BY id",
        "SELECT id, lag(x, 1.5, 'd'), lag(x, -1), lag(x, NULL, 9), lag(x, '1'), lead(x, 0),"
            + " lead(x, 2.0), lead(x, id % 3) FROM t WINDOW w AS (ORDER BY id) ORDER BY id",
        "SELECT id, first_value(x) OVER (ORDER BY id), last_value(x) OVER (ORDER BY id),"
            + " nth_value(x, 2) OVER (ORDER BY id) FROM t ORDER BY id",
        "SELECT id, first_value(s) OVER w, last_value(s) OVER w, nth_value(s, 3) OVER w FROM t"
            + " WINDOW w AS (PARTITION BY g ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)"
            + " ORDER BY id",
        "SELECT id, nth_value(y, '2') OVER (ORDER BY id), nth_value(y, 2.0) OVER (ORDER BY id"
            + " ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM t ORDER BY id",
        "SELECT id, first_value(x) OVER (ORDER BY id ROWS BETWEEN 2 FOLLOWING AND 3 FOLLOWING),"
            + " last_value(x) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 2 PRECEDING)"
            + " FROM t ORDER BY id",
        // aggregates over frames
        "SELECT id, sum(x) OVER (ORDER BY id) FROM t ORDER BY id",
        "SELECT id, sum(x) OVER (ORDER BY x), count(*) OVER (ORDER BY x), count(x) OVER"
            + " (ORDER BY x) FROM t ORDER BY id",
        "SELECT id, sum(x) OVER (), avg(y) OVER (), total(x) OVER (PARTITION BY g) FROM t"
            + " ORDER BY id",
        "SELECT id, sum(x) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING),"
            + " avg(y) OVER (ORDER BY id ROWS 2 PRECEDING) FROM t ORDER BY id",
        "SELECT id, sum(y) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING),"
            + " total(y) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) FROM t"
            + " ORDER BY id",
        "SELECT id, sum(x) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING),"
            + " count(*) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED"
            + " FOLLOWING) FROM t ORDER BY id",
        "SELECT id, sum(x) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING) FROM t"
            + " ORDER BY id",
        "SELECT id, sum(id) OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING),"
            + " count(*) OVER (ORDER BY x GROUPS 1 PRECEDING) FROM t ORDER BY id",
        "SELECT id, sum(id) OVER (ORDER BY x GROUPS BETWEEN CURRENT ROW AND 2 FOLLOWING),"
            + " group_concat(id) OVER (ORDER BY x GROUPS BETWEEN 2 PRECEDING AND CURRENT ROW)"
            + " FROM t ORDER BY id",
        "SELECT id, sum(id) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t"
            + " ORDER BY id",
        "SELECT id, sum(id) OVER (ORDER BY x DESC RANGE BETWEEN 2 PRECEDING AND CURRENT ROW),"
            + " count(*) OVER (ORDER BY y RANGE BETWEEN 1.5 PRECEDING AND 0.5 FOLLOWING) FROM t"
            + " ORDER BY id",
        "SELECT id, sum(id) OVER (ORDER BY x NULLS LAST RANGE BETWEEN 1 PRECEDING AND 1"
            + " FOLLOWING), sum(id) OVER (ORDER BY x DESC NULLS FIRST RANGE 2 PRECEDING) FROM t"
            + " ORDER BY id",
        "SELECT id, sum(id) OVER (PARTITION BY g ORDER BY y RANGE BETWEEN UNBOUNDED PRECEDING"
            + " AND 1 FOLLOWING) FROM t ORDER BY id",
        "SELECT id, sum(id) OVER (ORDER BY s RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t"
            + " ORDER BY id",
        "SELECT id, sum(x) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)"
            + " FROM t ORDER BY id",
        // EXCLUDE
        "SELECT id, sum(id) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED"
            + " FOLLOWING EXCLUDE CURRENT ROW) FROM t ORDER BY id",
        "SELECT id, sum(id) OVER (ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED"
            + " FOLLOWING EXCLUDE GROUP), sum(id) OVER (ORDER BY x RANGE BETWEEN UNBOUNDED"
            + " PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES) FROM t ORDER BY id",
        "SELECT id, group_concat(id, '.') OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND 1"
            + " FOLLOWING EXCLUDE TIES), count(*) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1"
            + " FOLLOWING EXCLUDE NO OTHERS) FROM t ORDER BY id",
        "SELECT id, first_value(id) OVER w, last_value(id) OVER w, nth_value(id, 2) OVER w FROM t"
            + " WINDOW w AS (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT"
            + " ROW) ORDER BY id",
        "SELECT id, min(y) OVER w, max(y) OVER w, max(s) OVER w FROM t"
            + " WINDOW w AS (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE GROUP)"
            + " ORDER BY id",
        // min and max, growing and sliding
        "SELECT id, min(x) OVER (ORDER BY id), max(y) OVER (PARTITION BY g ORDER BY id) FROM t"
            + " ORDER BY id",
        "SELECT id, min(x) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), max(s)"
            + " OVER (ORDER BY id ROWS 2 PRECEDING), min(s) OVER (PARTITION BY g) FROM t ORDER BY id",
        // group_concat and string_agg sliding
        "SELECT id, group_concat(s) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING),"
            + " string_agg(x, g) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t"
            + " ORDER BY id",
        "SELECT id, group_concat(s, '') OVER (ORDER BY id ROWS 1 PRECEDING), hex(group_concat('',"
            + " '-') OVER (ORDER BY id ROWS 1 PRECEDING)) FROM t ORDER BY id",
        // collations in partitions and orders
        "SELECT id, count(*) OVER (PARTITION BY s) FROM t ORDER BY id",
        "SELECT id, count(*) OVER (PARTITION BY s COLLATE BINARY) FROM t ORDER BY id",
        "SELECT id, row_number() OVER (PARTITION BY g COLLATE NOCASE ORDER BY id) FROM t"
            + " ORDER BY id",
        "SELECT id, rank() OVER (ORDER BY s), rank() OVER (ORDER BY s COLLATE BINARY DESC) FROM t"
            + " ORDER BY id",
        // named windows and inheritance
        "SELECT id, sum(x) OVER w, row_number() OVER w FROM t WINDOW w AS (PARTITION BY g ORDER BY"
            + " id) ORDER BY id",
        "SELECT id, sum(x) OVER (w ORDER BY id), count(*) OVER (w) FROM t WINDOW w AS (PARTITION"
            + " BY g) ORDER BY id",
        "SELECT id, sum(x) OVER (w ROWS 1 PRECEDING) FROM t WINDOW w AS (PARTITION BY g ORDER BY"
            + " id) ORDER BY id",
        "SELECT id, sum(x) OVER v FROM t WINDOW w AS (PARTITION BY g), v AS (w ORDER BY id DESC)"
            + " ORDER BY id",
        "SELECT id, sum(x) OVER W FROM t WINDOW w AS (ORDER BY id) ORDER BY id",
        // FILTER
        "SELECT id, count(*) FILTER (WHERE x > 2) OVER (ORDER BY id), sum(x) FILTER (WHERE g = 'a')"
            + " OVER (ORDER BY id ROWS 2 PRECEDING) FROM t ORDER BY id",
        // over GROUP BY and aggregates
        "SELECT g, sum(x), rank() OVER (ORDER BY sum(x)) FROM t GROUP BY g ORDER BY g",
        "SELECT g, count(*), sum(count(*)) OVER (ORDER BY g) FROM t GROUP BY g ORDER BY g",
        "SELECT g, max(y), lag(max(y)) OVER (ORDER BY g) FROM t GROUP BY g HAVING count(*) > 1"
            + " ORDER BY g",
        "SELECT sum(x), row_number() OVER () FROM t",
        "SELECT g, row_number() OVER (ORDER BY count(*) DESC, g) FROM t GROUP BY g ORDER BY g",
        // window in ORDER BY, DISTINCT, LIMIT
        "SELECT id FROM t ORDER BY row_number() OVER (ORDER BY id DESC)",
        "SELECT id, x FROM t ORDER BY sum(x) OVER (ORDER BY id) DESC, id",
        "SELECT id, rank() OVER (ORDER BY x) AS r FROM t ORDER BY r, id",
        "SELECT id, rank() OVER (ORDER BY x) AS r FROM t ORDER BY r + 0, id LIMIT 4 OFFSET 2",
        "SELECT DISTINCT g, count(*) OVER (PARTITION BY g) FROM t ORDER BY 1",
        // subqueries and CTEs
        "SELECT * FROM (SELECT id, row_number() OVER (ORDER BY x DESC, id) AS rn FROM t)"
            + " WHERE rn <= 3 ORDER BY rn",
        "WITH r AS (SELECT g, x, rank() OVER (PARTITION BY g ORDER BY x) AS k FROM t)"
            + " SELECT g, x, k FROM r WHERE k = 1 ORDER BY g, x",
        "SELECT id, (SELECT count(*) OVER () FROM t AS u WHERE u.x = t.x LIMIT 1) FROM t ORDER BY id",
        "SELECT id, x, (SELECT max(r) FROM (SELECT rank() OVER (ORDER BY u.id) r FROM t AS u"
            + " WHERE u.id <= t.id)) FROM t ORDER BY id",
        "SELECT a.id, sum(b.x) OVER (PARTITION BY a.id ORDER BY b.id) FROM t AS a JOIN t AS b"
            + " ON b.g = a.g WHERE a.id < 4 ORDER BY a.id, b.id",
        "SELECT id, row_number() OVER (ORDER BY id) FROM t UNION ALL SELECT id, -row_number()"
            + " OVER (ORDER BY id DESC) FROM t ORDER BY 1, 2",
        "SELECT *, rank() OVER (ORDER BY x) FROM t ORDER BY id",
        "SELECT t.*, lead(t.id) OVER (PARTITION BY t.g ORDER BY t.id) AS nxt FROM t ORDER BY nxt, id",
        // empty input and expressions around calls
        "SELECT row_number() OVER (), sum(k) OVER () FROM e",
        "SELECT id, 10 * row_number() OVER (ORDER BY id) + lag(id, 1, 0) OVER (ORDER BY id),"
            + " coalesce(lead(g) OVER (ORDER BY id), 'end') FROM t ORDER BY id",
        "SELECT id, sum(x + y) OVER (ORDER BY id ROWS 1 PRECEDING), avg(x) OVER (PARTITION BY x % 2"
            + " ORDER BY id) FROM t ORDER BY id",
        // integer overflow in a sliding sum and the exact results after it
        "SELECT n, sum(n) OVER (ORDER BY rowid ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM big"
            + " ORDER BY rowid",
        "SELECT n, total(n) OVER (ORDER BY rowid ROWS 1 PRECEDING), avg(n) OVER (ORDER BY rowid"
            + " ROWS 1 PRECEDING) FROM big ORDER BY rowid",
        "SELECT id, sum(y) OVER (ORDER BY id ROWS 1 PRECEDING), sum(x) OVER (ORDER BY id ROWS"
            + " BETWEEN 1 PRECEDING AND 1 PRECEDING) FROM t ORDER BY id",
        // equal values of different classes: which one min and max give
        "SELECT id, max(v) OVER (ORDER BY id ROWS 1 PRECEDING), min(v) OVER (ORDER BY id ROWS 1"
            + " PRECEDING), max(v) OVER (ORDER BY id), min(v) OVER (ORDER BY id) FROM m ORDER BY id",
        "SELECT id, max(v) OVER (PARTITION BY id % 2), min(v) OVER (ORDER BY id DESC ROWS BETWEEN"
            + " 2 PRECEDING AND 2 FOLLOWING) FROM m ORDER BY id",
        // RANGE over mixed classes
        "SELECT id, count(*) OVER (ORDER BY v RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING),"
            + " group_concat(id) OVER (ORDER BY v DESC RANGE BETWEEN 2 PRECEDING AND 0 FOLLOWING)"
            + " FROM m ORDER BY id",
        "SELECT id, count(*) OVER (ORDER BY y RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING),"
            + " sum(id) OVER (ORDER BY x RANGE CURRENT ROW), sum(id) OVER (ORDER BY x GROUPS"
            + " UNBOUNDED PRECEDING) FROM t ORDER BY id",
        // several windows in one SELECT
        "SELECT id, row_number() OVER (PARTITION BY g ORDER BY id), sum(x) OVER (ORDER BY y DESC,"
            + " id), count(*) OVER (PARTITION BY x), lag(id) OVER (ORDER BY s, id) FROM t ORDER BY id",
        "SELECT id, lead(x, 2) OVER w, lag(x, 2) OVER w, rank() OVER (ORDER BY x * 2 - y) FROM t"
            + " WINDOW w AS (PARTITION BY g ORDER BY id DESC) ORDER BY id",
        "SELECT id, group_concat(id) OVER (PARTITION BY g ORDER BY id RANGE BETWEEN UNBOUNDED"
            + " PRECEDING AND UNBOUNDED FOLLOWING) FROM t ORDER BY id",
        "SELECT id, group_concat(id) FILTER (WHERE id % 2 = 0) OVER (ORDER BY id ROWS BETWEEN 2"
            + " PRECEDING AND 2 FOLLOWING), count(y) FILTER (WHERE y > 1) OVER (PARTITION BY g)"
            + " FROM t ORDER BY id",
        "SELECT id, count(*) OVER () FROM t ORDER BY id LIMIT 3",
        "SELECT count(*), rank() OVER (ORDER BY count(*)) FROM t",
        "SELECT g, x, sum(x) OVER (PARTITION BY g ORDER BY x), count(*) FROM t GROUP BY g, x"
            + " ORDER BY g, x",
        // views, CREATE TABLE AS, CTEs used twice, correlated arguments
        "SELECT * FROM ranked ORDER BY id",
        "SELECT * FROM copied ORDER BY id",
        "WITH r AS (SELECT id, ntile(3) OVER (ORDER BY id) AS b FROM t) SELECT a.id, b.b FROM r AS a"
            + " JOIN r AS b ON a.id = b.id + 1 ORDER BY a.id",
        "SELECT id, (SELECT group_concat(u.id + t.id) OVER (ORDER BY u.id) FROM t AS u WHERE u.id"
            + " <= 3 ORDER BY u.id DESC LIMIT 1) FROM t ORDER BY id",
        // WINDOW clause corner cases
        "SELECT sum(x) OVER (w) FROM t WINDOW w AS (ROWS 1 PRECEDING) ORDER BY 1",
        "SELECT sum(x) OVER v FROM t WINDOW v AS (w), w AS (ORDER BY id) ORDER BY 1",
        "SELECT id, sum(x) OVER w FROM t WINDOW w AS (ORDER BY x), w AS (ORDER BY id) ORDER BY id",
        "SELECT id, sum(x) OVER (ORDER BY id RANGE UNBOUNDED PRECEDING) FROM t ORDER BY id",
        // without an outer ORDER BY the rows come in the first window's order
        "SELECT id, row_number() OVER (ORDER BY x, id) FROM t",
        "SELECT id, row_number() OVER (ORDER BY s DESC, id), row_number() OVER (ORDER BY x, id),"
            + " count(*) OVER (ORDER BY s DESC, id) FROM t",
        "SELECT id, sum(x) OVER (PARTITION BY g ORDER BY id), rank() OVER (ORDER BY y, id) FROM t",
        // frame offsets from expressions and parameters-free constants
        "SELECT id, sum(x) OVER (ORDER BY id ROWS BETWEEN 1 + 1 PRECEDING AND '1' FOLLOWING) FROM t"
            + " ORDER BY id",
        "SELECT id, sum(x) OVER (ORDER BY id ROWS BETWEEN 2.0 PRECEDING AND CURRENT ROW) FROM t"
            + " ORDER BY id");
  }

  /** Queries compared as multisets of rows. */
  static Stream<String> unordered() {
    return Stream.of(
        "SELECT id, row_number() OVER () FROM t",
        "SELECT g, row_number() OVER (PARTITION BY g) FROM t",
        "SELECT x, sum(x) OVER (PARTITION BY g), count(*) OVER (PARTITION BY x) FROM t",
        "SELECT g, x, dense_rank() OVER (PARTITION BY g ORDER BY x) FROM t",
        "SELECT id, min(y) OVER (PARTITION BY g), max(x) OVER (PARTITION BY s) FROM t");
  }

  /**
   * Every valid frame: ROWS, RANGE and GROUPS, each pair of bounds that may start and end a
   * frame, each EXCLUDE, over two orders with NULLs and ties, with aggregates and the value
   * functions.
   */
  static Stream<String> frameGrid() {
    String[] bounds = {"UNBOUNDED PRECEDING", "2 PRECEDING", "0 PRECEDING", "CURRENT ROW",
        "1 FOLLOWING", "UNBOUNDED FOLLOWING"};
    int[] rank = {0, 1, 1, 2, 3, 4};
    String[] excludes = {"", " EXCLUDE CURRENT ROW", " EXCLUDE GROUP", " EXCLUDE TIES"};
    String[] orders = {"PARTITION BY g ORDER BY x", "ORDER BY y DESC NULLS FIRST"};
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String unit : new String[] {"ROWS", "RANGE", "GROUPS"}) {
      for (int a = 0; a < bounds.length - 1; a++) {
        for (int b = 1; b < bounds.length; b++) {
          // SQLite's rule: the start's kind may not come after the end's in this order
          if (rank[a] > rank[b]) {
            continue;
          }
          for (String exclude : excludes) {
            for (String order : orders) {
              String w = "(" + order + " " + unit + " BETWEEN " + bounds[a] + " AND " + bounds[b]
                  + exclude + ")";
              out.add("SELECT id, sum(x) OVER w, count(*) OVER w, group_concat(id, '.') OVER w,"
                  + " min(s) OVER w, max(y) OVER w, avg(y) OVER w, first_value(id) OVER w,"
                  + " last_value(id) OVER w, nth_value(s, 2) OVER w FROM t WINDOW w AS " + w
                  + " ORDER BY id");
            }
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("frameGrid")
  void everyFrame(String sql) {
    d.check(sql);
  }

  /** Statements SQLite refuses, with its messages. */
  static Stream<String> errors() {
    return Stream.of(
        "SELECT id FROM t WHERE row_number() OVER () > 1",
        "SELECT count(*) FROM t GROUP BY row_number() OVER ()",
        "SELECT count(*) FROM t GROUP BY g HAVING row_number() OVER () > 1",
        "SELECT sum(row_number() OVER ()) OVER () FROM t",
        "SELECT sum(row_number() OVER ()) FROM t",
        "SELECT abs(x) OVER () FROM t",
        "SELECT row_number() FROM t",
        "SELECT rank(), x FROM t",
        "SELECT row_number() FILTER (WHERE x > 1) OVER () FROM t",
        "SELECT sum(x) OVER w FROM t",
        "SELECT sum(x) OVER (w) FROM t",
        "SELECT sum(x) OVER (w PARTITION BY g) FROM t WINDOW w AS (ORDER BY x)",
        "SELECT sum(x) OVER (w ORDER BY id) FROM t WINDOW w AS (ORDER BY x)",
        "SELECT sum(x) OVER (w ORDER BY id) FROM t WINDOW w AS (ROWS UNBOUNDED PRECEDING)",
        "SELECT count(DISTINCT x) OVER () FROM t",
        "SELECT lag(x, 1, 2, 3) OVER () FROM t",
        "SELECT row_number(1) OVER () FROM t",
        "SELECT nosuch(x) OVER () FROM t",
        "SELECT ntile(0) OVER () FROM t",
        "SELECT ntile(-1) OVER (ORDER BY id) FROM t",
        "SELECT nth_value(x, 0) OVER () FROM t",
        "SELECT nth_value(x, 1.5) OVER () FROM t",
        "SELECT nth_value(x, 'a') OVER () FROM t",
        "SELECT sum(x) OVER (ROWS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM t",
        "SELECT sum(x) OVER (ROWS BETWEEN CURRENT ROW AND 1.5 FOLLOWING) FROM t",
        "SELECT sum(x) OVER (ORDER BY x GROUPS BETWEEN NULL PRECEDING AND CURRENT ROW) FROM t",
        "SELECT sum(x) OVER (ORDER BY x RANGE BETWEEN 'a' PRECEDING AND CURRENT ROW) FROM t",
        "SELECT sum(x) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND -2 FOLLOWING) FROM t",
        "SELECT sum(x) OVER (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
        "SELECT sum(x) OVER (ORDER BY x, id RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
        "SELECT sum(x) OVER (ROWS BETWEEN x PRECEDING AND CURRENT ROW) FROM t",
        "SELECT id, row_number() OVER (ORDER BY id) AS rn FROM t WHERE rn > 1",
        "SELECT sum(x) OVER (ORDER BY nosuch) FROM t",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT row_number() OVER () + n FROM c"
            + " WHERE n < 3) SELECT * FROM c",
        "SELECT n, sum(n) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
            + " FROM big ORDER BY rowid",
        "SELECT count(*) OVER () FROM t WHERE sum(x) OVER () > 0",
        "SELECT row_number() OVER (ORDER BY row_number() OVER ()) FROM t",
        "SELECT row_number() OVER (PARTITION BY sum(x) OVER ()) FROM t",
        "SELECT 1 FROM t ORDER BY row_number() OVER (), abs(1) OVER ()",
        "SELECT abs(x) FILTER (WHERE 1) FROM t",
        "SELECT first_value(x) FILTER (WHERE x > 1) OVER () FROM t",
        "SELECT lag() OVER () FROM t",
        "SELECT group_concat(s ORDER BY x DESC) OVER () FROM t",
        "SELECT abs(x ORDER BY x) OVER () FROM t",
        "SELECT sum(x) OVER (ORDER BY y GROUPS BETWEEN 'a' PRECEDING AND CURRENT ROW) FROM t");
  }

  @ParameterizedTest
  @MethodSource("ordered")
  void orderedRows(String sql) {
    d.check(sql);
  }

  @ParameterizedTest
  @MethodSource("unordered")
  void rowsAsMultiset(String sql) {
    assertEquals(sorted(d.sqliteResult(sql)), sorted(d.pagodaResult(sql)), sql);
  }

  @ParameterizedTest
  @MethodSource("errors")
  void sameError(String sql) {
    String expected = d.sqliteResult(sql);
    org.junit.jupiter.api.Assertions.assertTrue(expected.startsWith("error: "), expected);
    assertEquals(expected, d.pagodaResult(sql), sql);
  }

  /** A sort that spills still gives every window its rows in order. */
  @org.junit.jupiter.api.Test
  void windowsOverSpilledSort() throws SQLException {
    try (Differential spill = new Differential(
        "CREATE TABLE s(i INTEGER PRIMARY KEY, k INTEGER, v TEXT)",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3000)"
            + " INSERT INTO s SELECT n, n % 7, printf('%05d', (n * 7919) % 3001) FROM c")) {
      long runs = dev.pagoda.executor.MemoryBudget.runsWritten();
      dev.pagoda.executor.MemoryBudget.setBytes(16 << 10);
      try {
        spill.check("SELECT i, row_number() OVER (PARTITION BY k ORDER BY v), sum(i) OVER"
            + " (PARTITION BY k ORDER BY v ROWS 3 PRECEDING), first_value(v) OVER (ORDER BY v DESC)"
            + " FROM s ORDER BY i");
      } finally {
        dev.pagoda.executor.MemoryBudget.setBytes(dev.pagoda.executor.MemoryBudget.DEFAULT_BYTES);
      }
      org.junit.jupiter.api.Assertions.assertTrue(
          dev.pagoda.executor.MemoryBudget.runsWritten() > runs, "the sort spilled");
    }
  }

  /**
   * A plug-in window aggregate (inverse and value) runs as SQLite runs the same function made
   * with sqlite-jdbc's Function.Window; a plug-in aggregate without them, which SQLite refuses
   * as a window function, Pagoda recomputes frame by frame (it must match the built-in sum).
   */
  @org.junit.jupiter.api.Test
  void pluginWindowFunctions() throws SQLException {
    dev.pagoda.spi.WindowFunction sumInt = new dev.pagoda.spi.WindowFunction() {
      @Override
      public String name() {
        return "sumint";
      }

      @Override
      public dev.pagoda.spi.Arity arity() {
        return dev.pagoda.spi.Arity.exactly(1);
      }

      @Override
      public WindowAccumulator newAccumulator(dev.pagoda.spi.FunctionContext ctx) {
        return new WindowAccumulator() {
          private long s;

          @Override
          public void step(dev.pagoda.spi.Arguments a) {
            s += a.getLong(0);
          }

          @Override
          public void inverse(dev.pagoda.spi.Arguments a) {
            s -= a.getLong(0);
          }

          @Override
          public dev.pagoda.spi.Value value() {
            return dev.pagoda.spi.Value.of(s);
          }

          @Override
          public dev.pagoda.spi.Value finish() {
            return dev.pagoda.spi.Value.of(s);
          }
        };
      }
    };
    dev.pagoda.spi.AggregateFunction plainSum = new dev.pagoda.spi.AggregateFunction() {
      @Override
      public String name() {
        return "plainsum";
      }

      @Override
      public dev.pagoda.spi.Arity arity() {
        return dev.pagoda.spi.Arity.exactly(1);
      }

      @Override
      public Accumulator newAccumulator(dev.pagoda.spi.FunctionContext ctx) {
        return new Accumulator() {
          private long s;
          private boolean any;

          @Override
          public void step(dev.pagoda.spi.Arguments a) {
            if (!a.isNull(0)) {
              s += a.getLong(0);
              any = true;
            }
          }

          @Override
          public dev.pagoda.spi.Value finish() {
            return any ? dev.pagoda.spi.Value.of(s) : dev.pagoda.spi.Value.NULL;
          }
        };
      }
    };
    d.pagoda().createFunction(sumInt);
    d.pagoda().createFunction(plainSum);
    try (java.sql.Connection sqlite = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
        java.sql.Statement st = sqlite.createStatement()) {
      st.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, g TEXT, x INTEGER)");
      st.execute("INSERT INTO t VALUES (1, 'a', 1), (2, 'a', 2), (3, 'a', 2), (4, 'b', NULL),"
          + " (5, 'b', 3), (6, NULL, 5), (7, 'B', 5), (8, NULL, NULL), (9, 'a', 7), (10, 'b', 3)");
      org.sqlite.Function.create(sqlite, "sumint", new org.sqlite.Function.Window() {
        private long s;

        @Override
        protected void xStep() throws SQLException {
          s += value_long(0);
        }

        @Override
        protected void xInverse() throws SQLException {
          s -= value_long(0);
        }

        @Override
        protected void xValue() throws SQLException {
          result(s);
        }

        @Override
        protected void xFinal() throws SQLException {
          result(s);
        }
      });
      String[] frames = {"ORDER BY id", "ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING",
          "PARTITION BY g ORDER BY x GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW",
          "ORDER BY x RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING EXCLUDE TIES"};
      for (String frame : frames) {
        String sql = "SELECT id, sumint(x) OVER (" + frame + ") FROM t ORDER BY id";
        assertEquals(rows(sqlite, sql), d.pagodaResult(sql), sql);
        String plain = "SELECT id, plainsum(x) OVER (" + frame + ") FROM t ORDER BY id";
        assertEquals(rows(sqlite, plain.replace("plainsum", "sum")), d.pagodaResult(plain), plain);
      }
    }
  }

  private static String rows(java.sql.Connection c, String sql) throws SQLException {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          sb.append(SqlOracle.render(SqlOracle.value(rs.getObject(i)))).append('|');
        }
        out.add(sb.toString());
      }
    }
    return String.join("\n", out);
  }

  private static String sorted(String rows) {
    String[] lines = rows.split("\n", -1);
    Arrays.sort(lines);
    return String.join("\n", lines);
  }
}
