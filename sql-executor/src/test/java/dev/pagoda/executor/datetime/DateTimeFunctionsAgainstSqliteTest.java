package dev.pagoda.executor.datetime;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.Value;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: every date and time function, over large tables of time values,
 * modifiers and formats (see {@link DateTimeCases}), gives the value and storage class that real
 * SQLite gives for {@code SELECT f(?, ...)} with the same bound arguments.
 *
 * <p>'localtime' and 'utc' use the JVM's default zone, which is the zone SQLite's C library uses
 * in the same process (both read {@code TZ}), so running these tests with, say, {@code
 * TZ=America/New_York} checks a zone with daylight saving time too.
 */
class DateTimeFunctionsAgainstSqliteTest {
  private static final String[] SIMPLE = {"date", "time", "datetime", "julianday", "unixepoch"};
  private static SqliteOracle oracle;

  @BeforeAll
  static void open() throws SQLException {
    oracle = new SqliteOracle();
  }

  @AfterAll
  static void close() throws SQLException {
    oracle.close();
  }

  private static void assertAgrees(int minimumCalls) {
    String report = oracle.report();
    oracle.mismatches.clear();
    int calls = oracle.calls;
    int nonNull = oracle.nonNullCalls;
    oracle.calls = 0;
    oracle.nonNullCalls = 0;
    assertNull(report, report);
    assertTrue(calls >= minimumCalls, "only " + calls + " calls made");
    // Most cases are meant to have a value: a run where nearly all are NULL tests too little.
    assertTrue(nonNull * 4 >= calls, "only " + nonNull + " of " + calls + " results not NULL");
  }

  @Test
  void timeValuesAlone_everyFunction_matchSqlite() throws SQLException {
    for (Value t : DateTimeCases.timeValues()) {
      for (String f : SIMPLE) {
        oracle.check(f, t);
        oracle.check(f, t, Value.of("subsec"));
      }
      oracle.check("strftime", Value.of(DateTimeCases.FORMATS[1]), t);
      oracle.check("strftime", Value.of(DateTimeCases.FORMATS[2]), t);
    }
    assertAgrees(1000);
  }

  @Test
  void eachModifierAlone_onManyBases_matchesSqlite() throws SQLException {
    for (Value base : DateTimeCases.modifierBases()) {
      for (Value m : DateTimeCases.modifierValues()) {
        oracle.check("datetime", base, m);
        oracle.check("julianday", base, m);
        oracle.check("unixepoch", base, m, Value.of("subsec"));
        oracle.check("strftime", Value.of(DateTimeCases.FORMATS[1]), base, m);
        oracle.check("time", base, Value.of("subsec"), m);
      }
    }
    assertAgrees(10000);
  }

  @Test
  void modifierPairs_onMonthEndDates_matchSqlite() throws SQLException {
    String[] bases = {
      "2023-01-31 10:20:30.5", "2024-01-29", "2024-02-29", "2023-03-31", "2024-12-31 23:00",
      "2023-02-31", "1700000000", "2000-06-15 12:00Z", "-0001-03-31"
    };
    for (String base : bases) {
      for (String m1 : DateTimeCases.PAIR_MODIFIERS) {
        for (String m2 : DateTimeCases.PAIR_MODIFIERS) {
          Value b = Value.of(base);
          oracle.check("datetime", b, Value.of(m1), Value.of(m2));
          oracle.check("strftime", Value.of("%F %T %f %s %J"), b, Value.of(m1), Value.of(m2));
        }
      }
    }
    assertAgrees(5000);
  }

  @Test
  void longModifierChains_matchSqlite() throws SQLException {
    String[][] chains = {
      {"start of month", "+1 month", "-1 day"},
      {"weekday 0", "-7 days", "start of day"},
      {"+1 month", "floor", "floor"},
      {"+1 month", "ceiling", "floor"},
      {"-1 month", "+1 month", "floor"},
      {"floor", "+1 month", "floor"},
      {"subsec", "+0.001 seconds", "+0.0004 seconds"},
      {"localtime", "utc", "localtime"},
      {"utc", "utc", "localtime", "localtime"},
      {"unixepoch", "localtime", "start of year", "+6 months"},
      {"auto", "+1 day", "subsec"},
      {"julianday", "julianday"},
      {"auto", "localtime"},
      {"unixepoch", "localtime"},
      {"julianday", "localtime"},
      {"+1 day", "utc"},
      {"localtime"},
      {"+1 day", "unixepoch"},
      {"+1 day", "auto"},
      {"+0001-01-31 12:00", "-0001-01-31 12:00"},
      {"+14712 years", "-14712 years"},
      {"-10000 years", "+10000 years"},
      {"start of year", "+59 days", "weekday 1", "+12:34:56.789", "subsec"},
    };
    for (Value base : DateTimeCases.modifierBases()) {
      for (String[] chain : chains) {
        Value[] args = new Value[chain.length + 1];
        args[0] = base;
        for (int i = 0; i < chain.length; i++) {
          args[i + 1] = Value.of(chain[i]);
        }
        oracle.check("datetime", args);
        Value[] withFormat = new Value[args.length + 1];
        withFormat[0] = Value.of("%F %T %f %J %s");
        System.arraycopy(args, 0, withFormat, 1, args.length);
        oracle.check("strftime", withFormat);
      }
    }
    assertAgrees(500);
  }

  @Test
  void everyFormat_onManyTimes_matchesSqlite() throws SQLException {
    List<Value> formats = new ArrayList<>();
    for (String f : DateTimeCases.FORMATS) {
      formats.add(Value.of(f));
    }
    formats.add(Value.of(5L));
    formats.add(Value.of(1.5));
    formats.add(DateTimeCases.blob("%Y"));
    formats.add(Value.NULL);
    for (Value t : DateTimeCases.timeValues()) {
      for (Value f : formats) {
        oracle.check("strftime", f, t);
      }
    }
    oracle.check("strftime");
    oracle.check("strftime", Value.of("%Y"));
    assertAgrees(5000);
  }

  @Test
  void isoWeeksAndDayNumbers_overTwoDecades_matchSqlite() throws SQLException {
    Value format = Value.of("%F %G %g %V %U %W %j %u %w");
    for (int day = 0; day < 366 * 20; day += 3) {
      oracle.check("strftime", format, Value.of("2015-12-20"), Value.of("+" + day + " days"));
    }
    assertAgrees(2000);
  }

  @Test
  void timediff_overPairsOfValues_matchesSqlite() throws SQLException {
    String[] times = {
      "2024-03-10", "2024-03-10 12:34:56.789", "2023-01-31", "2023-03-01", "2024-02-29",
      "2023-02-28 23:59:59.999", "2000-01-01", "1999-12-31 23:59:59", "-0001-06-15", "0000-01-01",
      "9999-12-31 23:59:59.999", "12:00", "2023-02-31", "2024-01-31 12:00", "2024-03-31",
      "1970-01-01 00:00:00.001", "2451545.5", "junk", ""
    };
    List<Value> values = new ArrayList<>();
    for (String t : times) {
      values.add(Value.of(t));
    }
    values.add(Value.of(2451545L));
    values.add(Value.of(2460000.25));
    values.add(Value.of(1e10));
    values.add(Value.NULL);
    values.add(DateTimeCases.blob("2024-03-10"));
    for (Value a : values) {
      for (Value b : values) {
        oracle.check("timediff", a, b);
      }
    }
    assertAgrees(500);
  }

  @Test
  void localtimeAndUtc_aroundDaylightSavingChanges_matchSqlite() throws SQLException {
    String[] days = {
      "2024-03-10", "2024-11-03", "2024-03-31", "2024-10-27", "2024-04-07", "2024-10-06",
      "1965-04-25", "1965-10-31", "2050-03-13", "2050-10-30", "1901-12-13", "2038-01-19"
    };
    String[][] chains = {{"utc"}, {"localtime"}, {"utc", "localtime"}, {"localtime", "utc"}};
    for (String day : days) {
      for (int minutes = -60; minutes < 26 * 60; minutes += 30) {
        Value t = Value.of(day);
        Value shift = Value.of(minutes + " minutes");
        for (String[] chain : chains) {
          Value[] args = new Value[chain.length + 3];
          args[0] = t;
          args[1] = shift;
          args[2] = Value.of("subsec");
          for (int i = 0; i < chain.length; i++) {
            args[i + 3] = Value.of(chain[i]);
          }
          oracle.check("datetime", args);
        }
      }
    }
    assertAgrees(2000);
  }

  @Test
  void randomModifierChains_matchSqlite() throws SQLException {
    Random random = new Random(20240310);
    List<Value> bases = new ArrayList<>(DateTimeCases.timeValues());
    bases.addAll(DateTimeCases.modifierBases());
    List<Value> fixed = DateTimeCases.modifierValues();
    String[] functions = {"date", "time", "datetime", "julianday", "unixepoch"};
    for (int n = 0; n < 6000; n++) {
      int count = random.nextInt(4);
      Value[] args = new Value[count + 1];
      args[0] = bases.get(random.nextInt(bases.size()));
      for (int i = 1; i <= count; i++) {
        args[i] = random.nextInt(3) == 0
            ? fixed.get(random.nextInt(fixed.size()))
            : Value.of(randomModifier(random));
      }
      int which = random.nextInt(functions.length + 2);
      if (which < functions.length) {
        oracle.check(functions[which], args);
      } else if (which == functions.length) {
        Value[] withFormat = new Value[args.length + 1];
        withFormat[0] = Value.of(DateTimeCases.FORMATS[1 + random.nextInt(2)]);
        System.arraycopy(args, 0, withFormat, 1, args.length);
        oracle.check("strftime", withFormat);
      } else {
        oracle.check("timediff", args[0], bases.get(random.nextInt(bases.size())));
      }
    }
    assertAgrees(6000);
  }

  @Test
  void timediff_randomCalendarPairs_matchSqlite() throws SQLException {
    Random random = new Random(43);
    for (int n = 0; n < 3000; n++) {
      oracle.check("timediff", Value.of(randomDate(random)), Value.of(randomDate(random)));
    }
    assertAgrees(3000);
  }

  /** A date and time between years -99 and 2199, days up to 31 (so some overflow). */
  private static String randomDate(Random r) {
    int year = r.nextInt(40) == 0 ? r.nextInt(2300) - 99 : 1990 + r.nextInt(40);
    String y = year < 0 ? String.format("-%04d", -year) : String.format("%04d", year);
    return String.format("%s-%02d-%02d %02d:%02d:%02d.%03d", y, 1 + r.nextInt(12),
        1 + r.nextInt(31), r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000));
  }

  private static final String[] UNITS = {
    "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds", "month", "months",
    "year", "years", "MONTHS"
  };

  /** A random well-formed (or nearly so) modifier of one of the numeric kinds, or a keyword. */
  private static String randomModifier(Random r) {
    String sign = r.nextBoolean() ? "+" : "-";
    return switch (r.nextInt(6)) {
      case 0 -> {
        double amount = r.nextInt(3) == 0 ? r.nextInt(100) : (r.nextDouble() - 0.5) * 2000;
        yield sign + amount + " " + UNITS[r.nextInt(UNITS.length)];
      }
      case 1 -> sign + r.nextInt(40) + " " + UNITS[r.nextInt(UNITS.length)];
      case 2 -> String.format("%s%04d-%02d-%02d", sign, r.nextInt(30), r.nextInt(13),
          r.nextInt(32));
      case 3 -> String.format("%s%02d:%02d:%02d.%03d", sign, r.nextInt(26), r.nextInt(61),
          r.nextInt(61), r.nextInt(1000));
      case 4 -> String.format("%s%04d-%02d-%02d %02d:%02d", sign, r.nextInt(3), r.nextInt(12),
          r.nextInt(31), r.nextInt(25), r.nextInt(60));
      default -> DateTimeCases.PAIR_MODIFIERS[r.nextInt(DateTimeCases.PAIR_MODIFIERS.length)];
    };
  }

  @Test
  void oracleRunsInTheJvmDefaultZone() throws SQLException {
    // The zone both sides used, and SQLite's version, appear in the test report.
    System.out.println("DateTime differential test: zone " + TimeZone.getDefault().getID()
        + ", SQLite " + oracle.sqliteVersion());
    oracle.check("datetime", Value.of("2024-07-01 12:00"), Value.of("localtime"));
    oracle.check("datetime", Value.of("2024-01-01 12:00"), Value.of("utc"));
    assertAgrees(2);
  }
}
