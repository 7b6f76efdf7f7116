package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagoda.spi.ResultCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Table-valued functions in FROM, end to end, over the test functions of {@link
 * TestTableFunctions}: scans, aliases, hidden columns, joins (correlated, LEFT, reordered),
 * subqueries, CTEs, and SQLite's errors.
 */
class TableFunctionTest {
  private Database db;
  private Connection conn;

  @BeforeEach
  void open() {
    db = Database.openInMemory();
    conn = db.connect();
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, n)");
    conn.execute("INSERT INTO t VALUES (1, 2), (2, 0), (3, 3), (4, NULL)");
  }

  @AfterEach
  void close() {
    conn.close();
    db.close();
  }

  /** Rows of {@code sql} as '|'-joined text, NULL as "NULL", in scan order. */
  private List<String> rows(String sql) {
    try (PreparedStatement ps = conn.prepare(sql)) {
      return rows(ps);
    }
  }

  private static List<String> rows(PreparedStatement ps) {
    List<String> out = new ArrayList<>();
    try (Rows rows = ps.query()) {
      while (rows.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.columnCount(); i++) {
          sb.append(i > 0 ? "|" : "").append(rows.isNull(i) ? "NULL" : rows.getString(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private List<String> columnNames(String sql) {
    try (PreparedStatement ps = conn.prepare(sql)) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < ps.columnCount(); i++) {
        names.add(ps.columnName(i));
      }
      return names;
    }
  }

  private PagodaException fails(String sql) {
    return assertThrows(PagodaException.class, () -> rows(sql));
  }

  private void assertError(String message, String sql) {
    assertEquals(message, fails(sql).getMessage());
  }

  @Test
  void plainScan_yieldsTheFunctionsRows() {
    assertEquals(List.of("1", "2", "3"), rows("SELECT value FROM test_series(1, 3)"));
    assertEquals(List.of("5", "3", "1"), rows("SELECT value FROM test_series(5, 1, -2)"));
    assertEquals(List.of("7"), rows("SELECT value FROM TEST_SERIES(7)"));
    assertEquals(List.of(), rows("SELECT value FROM test_series(3, 1)"));
  }

  @Test
  void star_expandsToVisibleColumnsOnly() {
    assertEquals(List.of("value"), columnNames("SELECT * FROM test_series(1, 2)"));
    assertEquals(List.of("1", "2"), rows("SELECT * FROM test_series(1, 2)"));
    assertEquals(List.of("value", "type"), columnNames("SELECT s.* FROM test_echo(1) AS s"));
    assertEquals(List.of("id", "n", "value"),
        columnNames("SELECT * FROM t, test_series(1, 1)"));
  }

  @Test
  void hiddenColumns_readTheArgumentsAndNullPastTheLast() {
    assertEquals(List.of("2|2|4|NULL", "3|2|4|NULL", "4|2|4|NULL"),
        rows("SELECT value, start, stop, step FROM test_series(2, 4)"));
    assertEquals(List.of("x|text|x"), rows("SELECT value, type, arg FROM test_echo('x')"));
    assertEquals(List.of("start", "stop"), columnNames("SELECT start, stop FROM test_series(1)"));
    assertEquals(List.of("1+1"), rows("SELECT arg FROM test_echo('1' || '+1')"));
  }

  @Test
  void alias_qualifiesColumns() {
    assertEquals(List.of("1|1", "2|1"), rows("SELECT s.value, s.start FROM test_series(1, 2) s"));
    assertEquals(List.of("1", "2"), rows("SELECT test_series.value FROM test_series(1, 2)"));
    assertError("no such column: test_series.value",
        "SELECT test_series.value FROM test_series(1, 2) AS s");
    assertError("ambiguous column name: value",
        "SELECT value FROM test_series(1, 2) AS a, test_series(1, 2) AS b");
  }

  @Test
  void where_onVisibleAndHiddenColumns() {
    assertEquals(List.of("2", "4"), rows("SELECT value FROM test_series(1, 5) WHERE value % 2 = 0"));
    assertEquals(List.of("1", "2"), rows("SELECT value FROM test_series(1, 2) WHERE stop = 2"));
    assertEquals(List.of(), rows("SELECT value FROM test_series(1, 2) WHERE step IS NOT NULL"));
    assertEquals(List.of("3"),
        rows("SELECT count(*) FROM test_series(1, 6) WHERE value > 3 AND start = 1"));
  }

  @Test
  void joinWithTable_inEitherOrder() {
    List<String> expected = List.of("1|1", "1|2", "3|1", "3|2");
    assertEquals(expected, rows(
        "SELECT t.id, s.value FROM t, test_series(1, 2) AS s WHERE t.n > 1 ORDER BY 1, 2"));
    assertEquals(expected, rows(
        "SELECT t.id, s.value FROM test_series(1, 2) AS s, t WHERE t.n > 1 ORDER BY 1, 2"));
    assertEquals(List.of("1|1", "2|2", "3|3"), rows(
        "SELECT s.value, t.id FROM test_series(1, 5) AS s JOIN t ON t.id = s.value"
            + " WHERE t.n IS NOT NULL ORDER BY 1"));
  }

  @Test
  void correlatedArguments_areEvaluatedPerOuterRow() {
    assertEquals(List.of("1|1", "1|2", "3|1", "3|2", "3|3"), rows(
        "SELECT t.id, s.value FROM t, test_series(1, t.n) AS s"));
    // A term on the function alone must not move it ahead of the table its arguments read.
    assertEquals(List.of("1|2", "3|2"), rows(
        "SELECT t.id, s.value FROM t, test_series(1, t.n) AS s WHERE s.value = 2"));
    assertEquals(List.of("3|3|6"), rows(
        "SELECT t.id, s.value, s.stop FROM t JOIN test_series(t.n, t.n * 2) AS s"
            + " ON s.value = t.id"));
    assertEquals(List.of("1|1", "2|1", "2|2", "3|1", "3|2", "3|3"), rows(
        "SELECT a.value, b.value FROM test_series(1, 3) AS a, test_series(1, a.value) AS b"));
    // A column USING merged is unambiguous in the arguments of a function to its right.
    assertEquals(List.of("1|2|1", "1|2|2"), rows(
        "SELECT id, n, s.value FROM t AS a JOIN t AS b USING (id, n), test_series(1, n) AS s"
            + " WHERE id = 1 OR id = 2"));
  }

  @Test
  void argumentsReadingTablesToTheRight_putTheFunctionAfterThem() {
    assertEquals(List.of("1|1", "1|2", "3|1", "3|2", "3|3"), rows(
        "SELECT t.id, s.value FROM test_series(1, t.n) AS s, t"));
    assertEquals(List.of("1|2", "3|2"), rows(
        "SELECT t.id, s.value FROM test_series(1, t.n) AS s JOIN t WHERE s.value = 2"));
    assertEquals(List.of("2|1|1"), rows(
        "SELECT count(*), min(a.value), max(b.value)"
            + " FROM test_series(1, (SELECT 2)) AS a, test_series(1, (SELECT 1)) AS b"));
    assertError("table-function argument references tables to its right",
        "SELECT * FROM test_series(1, t.n) AS s LEFT JOIN t");
    assertError("no query solution",
        "SELECT * FROM test_series(b.value) AS a, test_series(a.value) AS b");
    // Unlike SQLite, a correlated subquery among the arguments sees only the sources to the left.
    assertError("no such column: t.n", "SELECT * FROM test_series(1, (SELECT t.n)) AS s, t");
    assertEquals(List.of("1|2", "3|3"), rows(
        "SELECT t.id, s.value FROM t, test_series(1, (SELECT t.n)) AS s WHERE s.value > 1"
            + " AND s.value = t.n"));
  }

  @Test
  void leftJoin_givesNullsWhenTheFunctionHasNoRows() {
    assertEquals(List.of("1|1", "1|2", "2|NULL", "3|1", "3|2", "3|3", "4|NULL"), rows(
        "SELECT t.id, s.value FROM t LEFT JOIN test_series(1, t.n) AS s"));
    assertEquals(List.of("1|2", "2|NULL", "3|2", "3|3", "4|NULL"), rows(
        "SELECT t.id, s.value FROM t LEFT JOIN test_series(1, t.n) AS s ON s.value > 1"));
    assertEquals(List.of("2", "4"), rows(
        "SELECT t.id FROM t LEFT JOIN test_series(1, t.n) AS s WHERE s.value IS NULL"));
  }

  @Test
  void rightJoin_uncorrelatedWorksCorrelatedIsRefused() {
    assertEquals(List.of("1|1", "2|2", "3|3", "NULL|5"), rows(
        "SELECT t.id, s.value FROM t RIGHT JOIN test_series(1, 5, 2) AS s ON s.value = t.id"
            + " UNION ALL SELECT t.id, s.value FROM t RIGHT JOIN test_series(2, 2) AS s"
            + " ON s.value = t.id ORDER BY 2"));
    assertError("not supported yet: a RIGHT or FULL JOIN to a table-valued function whose"
            + " arguments read the tables before it",
        "SELECT * FROM t RIGHT JOIN test_series(1, t.n) AS s");
  }

  @Test
  void naturalJoin_ignoresHiddenColumnsButUsingMayNameThem() {
    assertEquals(List.of("2", "3"), rows(
        "SELECT value FROM test_series(1, 3) AS a NATURAL JOIN test_series(2, 5) AS b"));
    assertEquals(List.of("1|2|2", "2|2|2"), rows(
        "SELECT a.value, b.value, stop FROM test_series(1, 2) AS a"
            + " JOIN test_series(2, 2) AS b USING (stop)"));
    assertEquals(List.of(), rows(
        "SELECT * FROM test_series(1, 2) AS a JOIN test_series(1, 3) AS b USING (stop)"));
  }

  @Test
  void subqueriesAndCtes_containTheFunction() {
    assertEquals(List.of("1|3", "2|0", "3|6", "4|0"), rows(
        "SELECT id, coalesce((SELECT sum(value) FROM test_series(1, t.n)), 0) FROM t"));
    assertEquals(List.of("2|0", "3|3"), rows(
        "SELECT id, n FROM t WHERE id IN (SELECT value FROM test_series(2, 3))"));
    assertEquals(List.of("9"), rows(
        "WITH x AS (SELECT value FROM test_series(4, 5)) SELECT sum(value) FROM x"));
    assertEquals(List.of("1|2", "2|4"), rows(
        "SELECT value, d FROM (SELECT value, value * 2 AS d FROM test_series(1, 2))"));
    assertEquals(List.of("1", "3"), rows(
        "SELECT id FROM t WHERE EXISTS (SELECT 1 FROM test_series(1, t.n) WHERE value = 2)"));
    assertEquals(List.of("1|2", "3|3"), rows(
        "WITH m AS (SELECT id, (SELECT max(value) FROM test_series(1, n)) AS top FROM t)"
            + " SELECT * FROM m WHERE top IS NOT NULL"));
  }

  @Test
  void viewsCompoundsRecursionAndWrites_useTheFunction() {
    conn.execute("CREATE VIEW v AS SELECT value * 10 AS x FROM test_series(1, 3)");
    assertEquals(List.of("10", "20", "30"), rows("SELECT x FROM v"));
    assertEquals(List.of("1", "2", "3"), rows(
        "SELECT value FROM test_series(1, 2) UNION SELECT value FROM test_series(2, 3)"));
    assertEquals(List.of("1", "2", "3"), rows(
        "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL"
            + " SELECT r.x + s.value FROM r, test_series(1, 1) AS s WHERE r.x < 3)"
            + " SELECT x FROM r"));
    assertEquals(List.of("1|1", "2|1", "2|2"), rows(
        "SELECT t.id, b.value FROM t JOIN (test_series(1, 2) AS a, test_series(1, a.value) AS b)"
            + " ON t.id = a.value"));
    conn.execute("CREATE TABLE u(v)");
    conn.execute("INSERT INTO u SELECT value FROM test_series(1, 4)");
    conn.execute("DELETE FROM u WHERE v IN (SELECT value FROM test_series(2, 3))");
    assertEquals(List.of("1", "4"), rows("SELECT v FROM u"));
    conn.execute("UPDATE u SET v = (SELECT sum(value) FROM test_series(1, u.v))");
    assertEquals(List.of("1", "10"), rows("SELECT v FROM u"));
    assertEquals(List.of("3|3"), rows(
        "SELECT count(*), max(s.value) FROM test_series(1, (SELECT max(n) FROM t)) AS s, t"
            + " WHERE t.id = s.value"));
  }

  @Test
  void argumentCount_errorsAsSqliteWordsThem() {
    assertError("too many arguments on test_series() - max 3",
        "SELECT * FROM test_series(1, 2, 3, 4)");
    assertError("too many arguments on test_echo() - max 1", "SELECT * FROM Test_Echo(1, 2)");
    assertError("too few arguments on test_series() - min 1", "SELECT * FROM test_series()");
    assertEquals(List.of(), rows("SELECT * FROM test_echo()"));
  }

  @Test
  void unknownName_isNoSuchTable_andATableWithArgumentsIsNotAFunction() {
    assertError("no such table: nosuch", "SELECT * FROM nosuch(1)");
    assertError("'t' is not a function", "SELECT * FROM t(1)");
    assertError("'c' is not a function", "WITH c AS (SELECT 1) SELECT * FROM c(1)");
    conn.execute("CREATE VIEW v AS SELECT 1");
    assertError("'v' is not a function", "SELECT * FROM v(1)");
    assertError("no such column: nope", "SELECT * FROM test_series(nope)");
    assertError("misuse of aggregate function max()", "SELECT * FROM test_series(max(1))");
    // Unlike SQLite, an argument cannot read the function's own columns.
    assertError("no such column: value", "SELECT * FROM test_series(value)");
  }

  @Test
  void nullArgument_reachesTheFunctionAsNull() {
    assertEquals(List.of("NULL|null|NULL"), rows("SELECT value, type, arg FROM test_echo(NULL)"));
    assertEquals(List.of(), rows("SELECT value FROM test_series(NULL, 3)"));
    assertEquals(List.of(), rows("SELECT value FROM test_series(1, NULL)"));
    assertEquals(List.of("1|integer", "2|integer"),
        rows("SELECT e.value, e.type FROM test_series(1, 2) s, test_echo(s.value) e"));
  }

  @Test
  void parameters_areArguments() {
    try (PreparedStatement ps = conn.prepare("SELECT value FROM test_series(?, ?)")) {
      ps.bind(1, 2).bind(2, 3);
      assertEquals(List.of("2", "3"), rows(ps));
      ps.bind(1, 5).bind(2, 6);
      assertEquals(List.of("5", "6"), rows(ps));
    }
  }

  @Test
  void errorsOfTheFunction_reachTheCaller() {
    PagodaException e = fails("SELECT * FROM test_fail('bad input')");
    assertEquals("bad input", e.getMessage());
    assertEquals(ResultCode.CONSTRAINT, e.code());
    assertEquals("test_series step is 0",
        fails("SELECT * FROM t, test_series(1, t.n, 0)").getMessage());
    assertEquals("test_late_fail ran out after 2",
        fails("SELECT * FROM test_late_fail(2)").getMessage());
  }
}
