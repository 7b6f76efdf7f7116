package dev.pagoda.executor.datetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.Value;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * 'now' and the clock, explicit time zones, flags and registration: what the differential test
 * cannot pin down because the two sides' clocks or zones differ.
 */
class DateTimeFunctionsTest {
  private static final Map<String, ScalarFunction> FUNCTIONS = new HashMap<>();

  static {
    for (ScalarFunction f : new DateTimeFunctions().scalarFunctions()) {
      FUNCTIONS.put(f.name(), f);
    }
  }

  private static Value callValues(FunctionContext ctx, String name, Value... args) {
    return FUNCTIONS.get(name).call(ctx, Arguments.of(args));
  }

  private static Value call(FunctionContext ctx, String name, String... args) {
    Value[] values = new Value[args.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = Value.of(args[i]);
    }
    return callValues(ctx, name, values);
  }

  private static FunctionContext at(Instant now, ZoneId zone) {
    return FunctionContext.detached(now, zone);
  }

  @Test
  void now_isTheStatementTime_soTwoCallsAgreeAndMatchTheKeywords() {
    Instant fixed = Instant.parse("2024-05-06T07:08:09.123Z");
    FunctionContext ctx = at(fixed, ZoneOffset.UTC);
    assertEquals(Value.of("2024-05-06 07:08:09"), call(ctx, "datetime", "now"));
    assertEquals(call(ctx, "datetime", "now"), call(ctx, "datetime", "now"));
    assertEquals(Value.of("2024-05-06 07:08:09.123"), call(ctx, "datetime", "now", "subsec"));
    assertEquals(Value.of("2024-05-06 07:08:09.123"), call(ctx, "datetime", "subsec"));
    assertEquals(Value.of("2024-05-06 07:08:09.123"), call(ctx, "datetime", "SubSecond"));
    assertEquals(call(ctx, "datetime", "now"), call(ctx, "current_timestamp"));
    assertEquals(call(ctx, "date", "now"), call(ctx, "current_date"));
    assertEquals(call(ctx, "time", "now"), call(ctx, "current_time"));
    assertEquals(call(ctx, "datetime", "now"), call(ctx, "datetime"));
    assertEquals(Value.of(fixed.getEpochSecond()), call(ctx, "unixepoch", "NOW"));
    assertEquals(Value.of(fixed.toEpochMilli() / 1000.0), call(ctx, "unixepoch", "now", "subsec"));
  }

  @Test
  void now_followsTheContextsClock_andIsCloseToTheWallClockAndToSqlite() throws SQLException {
    Instant now = Instant.now();
    FunctionContext ctx = at(now, ZoneOffset.UTC);
    long ours = ((Value.Int) call(ctx, "unixepoch", "now")).value();
    assertTrue(Math.abs(ours - System.currentTimeMillis() / 1000) <= 2, "unixepoch('now') " + ours);
    String expected = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
        .withZone(ZoneOffset.UTC).format(now);
    assertEquals(Value.of(expected), call(ctx, "datetime", "now", "subsec"));
    try (SqliteOracle oracle = new SqliteOracle()) {
      double theirs = ((Value.Real) oracle.sqlite("julianday", Value.of("now"))).value();
      double mine = ((Value.Real) call(ctx, "julianday", "now")).value();
      assertTrue(Math.abs(theirs - mine) * 86400 < 2, "julianday('now') " + mine + " vs " + theirs);
    }
    FunctionContext later = at(now.plusSeconds(3600), ZoneOffset.UTC);
    assertNotEquals(call(ctx, "datetime", "now"), call(later, "datetime", "now"));
  }

  @Test
  void localtimeAndUtc_useTheContextsZone() {
    FunctionContext tokyo = at(Instant.EPOCH, ZoneId.of("Asia/Tokyo"));
    assertEquals(Value.of("2024-01-01 09:00:00"),
        call(tokyo, "datetime", "2024-01-01 00:00", "localtime"));
    assertEquals(Value.of("2023-12-31 15:00:00"),
        call(tokyo, "datetime", "2024-01-01 00:00", "utc"));
    FunctionContext newYork = at(Instant.EPOCH, ZoneId.of("America/New_York"));
    assertEquals(Value.of("2024-07-01 08:00:00"),
        call(newYork, "datetime", "2024-07-01 12:00", "localtime"));
    assertEquals(Value.of("2024-01-01 07:00:00"),
        call(newYork, "datetime", "2024-01-01 12:00", "localtime"));
    // A time with an explicit zone is UTC already: 'utc' leaves it alone.
    assertEquals(Value.of("2024-01-01 11:00:00"),
        call(newYork, "datetime", "2024-01-01 12:00+01:00", "utc"));
    // Outside 1970..2037 the rules of a year with the same leap phase apply, as in SQLite.
    assertEquals(Value.of("2100-07-01 08:00:00"),
        call(newYork, "datetime", "2100-07-01 12:00", "localtime"));
  }

  @Test
  void documentedExamples() {
    FunctionContext ctx = at(Instant.EPOCH, ZoneOffset.UTC);
    assertEquals(Value.of(2451545.0), call(ctx, "julianday", "2000-01-01 12:00"));
    assertEquals(Value.of("2004-01-01 02:34:56"),
        callValues(ctx, "datetime", Value.of(1092941466L), Value.of("unixepoch"),
            Value.of("start of year"), Value.of("+02:34:56")));
    assertEquals(Value.of("2023-03-03"), call(ctx, "date", "2023-02-31"));
    assertEquals(Value.of("2023-02-28"), call(ctx, "date", "2023-01-31", "+1 month", "floor"));
    assertEquals(Value.of("2023-03-03"), call(ctx, "date", "2023-01-31", "+1 month", "ceiling"));
    assertEquals(Value.of("2024-10-01"),
        call(ctx, "date", "2024-09-15", "start of month", "+1 month", "-1 day", "weekday 2"));
    assertEquals(Value.of("+0001-01-01 00:00:00.000"),
        call(ctx, "timediff", "2024-03-10", "2023-02-09"));
    assertEquals(Value.NULL, call(ctx, "strftime", "%Q", "2024-03-10"));
    assertEquals(Value.of("2024-W10-7"), call(ctx, "strftime", "%G-W%V-%u", "2024-03-10"));
  }

  @Test
  void flags_followSqlitesRegistrations() {
    for (String pure : new String[] {
      "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff"
    }) {
      assertTrue(FUNCTIONS.get(pure).flags().contains(FunctionFlag.DETERMINISTIC), pure);
    }
    for (String clock : new String[] {"current_date", "current_time", "current_timestamp"}) {
      assertTrue(!FUNCTIONS.get(clock).flags().contains(FunctionFlag.DETERMINISTIC), clock);
      assertTrue(FUNCTIONS.get(clock).arity().accepts(0) && !FUNCTIONS.get(clock).arity().accepts(1));
    }
    assertTrue(FUNCTIONS.get("date").arity().isVariadic() && FUNCTIONS.get("date").arity().accepts(0));
    assertTrue(FUNCTIONS.get("timediff").arity().accepts(2));
    assertTrue(!FUNCTIONS.get("timediff").arity().accepts(3));
  }

  @Test
  void serviceLoader_findsTheProvider() {
    boolean found = false;
    for (FunctionProvider p : ServiceLoader.load(FunctionProvider.class)) {
      found |= p instanceof DateTimeFunctions;
    }
    assertTrue(found, "DateTimeFunctions not registered in META-INF/services");
  }
}
