package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL-level differential test of the date and time functions (the {@code DateTimeFunctions}
 * provider found through the function catalog): calls written in SQL, over literals of every
 * storage class and over table columns, value and storage class compared with SQLite's; the
 * {@code CURRENT_*} keywords and 'now' checked for being one instant per statement.
 *
 * <p>One deliberate exclusion: {@code unixepoch('9999-12-31 23:59:59.999', 'subsec')} is the
 * same double on both sides (the function-level test compares it exactly), but SQLite writes that
 * REAL as text as {@code 253402300799.99899} where Pagoda's {@code Conversions.formatReal} writes
 * {@code 253402300799.999} (which reads back as the same double): a difference of REAL-to-text
 * conversion, not of the date functions.
 *
 * <p>The exhaustive per-argument comparison is the function-level {@code
 * DateTimeFunctionsAgainstSqliteTest} in sql-executor; this one shows the same answers arrive
 * through the binder and executor.
 */
class DateTimeDifferentialTest {
  private static ExprOracle oracle;

  static final List<String> TIMES = List.of(
      "'2024-03-10'", "'2024-03-10 12:34:56.789'", "'2024-03-10T12:34'", "'2023-02-31'",
      "'12:34:56'", "'2024-03-10 12:34+05:30'", "'-0500-03-01'", "'0000-01-01'",
      "'9999-12-31 23:59:59.999'", "'2451545.5'", "2451545", "2451545.25", "1700000000", "-1",
      "1e10", "NULL", "''", "'junk'", "x'323032342d30332d3130'", "x''", "'now '");

  static final List<String> MODIFIERS = List.of(
      "'+1 day'", "'-1.5 hours'", "'+1 month'", "'-13 months'", "'+1 year'", "'floor'",
      "'ceiling'", "'start of month'", "'start of year'", "'start of day'", "'weekday 0'",
      "'unixepoch'", "'julianday'", "'auto'", "'subsec'", "'localtime'", "'utc'", "'+12:30'",
      "'-0001-02-03 04:05'", "'junk'", "NULL", "5", "x'2b312064617973'");

  static final List<String> FUNCTIONS =
      List.of("date", "time", "datetime", "julianday", "unixepoch");

  @BeforeAll
  static void open() {
    oracle = new ExprOracle();
  }

  @AfterAll
  static void close() {
    oracle.close();
  }

  @Test
  void everyFunction_overTimesAndModifiers_matchesSqlite() {
    List<String> cases = new ArrayList<>();
    for (String t : TIMES) {
      for (String f : FUNCTIONS) {
        cases.add(f + "(" + t + ")");
        for (String m : MODIFIERS) {
          if (!(f.equals("unixepoch") && t.startsWith("'9999") && m.equals("'subsec'"))) {
            cases.add(f + "(" + t + ", " + m + ")");
          }
        }
      }
      cases.add("strftime('%Y-%m-%d %H:%M:%f %j %J %s %w %u %U %W %V %G %g %p %%', " + t + ")");
      cases.add("strftime('%Q', " + t + ")");
      cases.add("timediff(" + t + ", '2000-01-01')");
      cases.add("timediff('2000-01-01', " + t + ")");
    }
    cases.add("strftime()");
    cases.add("date()  IS NOT NULL");
    oracle.assertSameAsSqlite(cases);
  }

  @Test
  void columnsOfEveryStorageClass_matchSqlite() {
    oracle.executeBoth("CREATE TABLE dt(a)");
    oracle.executeBoth("INSERT INTO dt VALUES ('2024-02-29 10:00'), (2460000.5), (1700000000),"
        + " (NULL), (x'31323a3030'), ('junk'), (-5)");
    for (String sql : List.of(
        "SELECT date(a), datetime(a, '+1 month', 'floor'), typeof(julianday(a)) FROM dt",
        "SELECT datetime(a, 'unixepoch'), unixepoch(a, 'auto', 'subsec') FROM dt",
        "SELECT strftime('%F %T', a, 'start of year'), timediff(a, '2024-01-01') FROM dt")) {
      assertEquals(oracle.sqliteRows(sql), oracle.pagodaRows(sql), sql);
    }
  }

  @Test
  void currentKeywordsAndNow_areOneInstantPerStatement() {
    List<String> cases = List.of(
        "CURRENT_TIMESTAMP = datetime('now')", "CURRENT_DATE = date('now')",
        "CURRENT_TIME = time('now')", "typeof(CURRENT_TIMESTAMP)", "length(CURRENT_TIME)",
        "length(CURRENT_DATE)", "datetime('now') = datetime()",
        "julianday('now') = julianday('now')",
        "datetime('now', 'subsec') = datetime('subsec')",
        "abs(unixepoch('now') - unixepoch(CURRENT_TIMESTAMP)) <= 1");
    oracle.assertSameAsSqlite(cases);
    String perRow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
        + " SELECT count(DISTINCT strftime('%f', 'now')) FROM n";
    assertEquals(List.of("1"), oracle.pagodaRows(perRow));
    // Both engines' clocks agree to within a couple of seconds.
    long pagoda = Long.parseLong(oracle.pagodaRows("SELECT unixepoch()").get(0));
    long sqlite = Long.parseLong(oracle.sqliteRows("SELECT unixepoch()").get(0));
    assertTrue(Math.abs(pagoda - sqlite) <= 2, pagoda + " vs " + sqlite);
  }
}
