package dev.pagoda.executor.datetime;

import dev.pagoda.spi.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Argument tables for the differential tests: time values, modifiers and formats. */
final class DateTimeCases {
  private DateTimeCases() {}

  static final String[] TEXT_TIMES = {
    "2000-01-01", "2024-02-29", "2023-02-29", "2023-02-31", "2023-04-31", "2000-02-30",
    "1900-02-29", "2100-02-29", "0000-01-01", "0000-02-29", "9999-12-31",
    "9999-12-31 23:59:59.999", "9999-12-31 23:59:59.9999", "-0001-01-01", "-0001-12-31 23:59",
    "-4713-11-24 12:00:00", "-4713-11-24 11:59:59", "-4713-11-24", "-4714-01-01", "-0000-01-01",
    "1970-01-01", "1969-12-31 23:59:59", "2038-01-19 03:14:08", "2038-01-18 00:00",
    "2024-03-10 02:30", "2024-03-10 12:34:56", "2024-03-10T12:34:56.789",
    "2024-03-10 12:34:56.7896", "2024-03-10 12:34:56.0005", "2024-03-10 12:34:56.9999",
    "2024-03-10 12:34:56.123456789012345678901234567890", "2024-03-10   12:34", "2024-03-10TT12:34",
    "2024-03-10 T 12:34", "2024-03-10t12:34", "2024-03-10 12:34:56Z", "2024-03-10 12:34:56z",
    "2024-03-10 12:34:56+05:30", "2024-03-10 12:34:56 -08:00", "2024-03-10 12:34:56+14:59",
    "2024-03-10 12:34:56+15:00", "2024-03-10 12:34:56+0530", "2024-03-10 12:34:56+05:30 ",
    "2024-03-10 12:34:56 Z ", "2024-03-10 12:34:56ZZ", "2024-03-10 00:30+01:00",
    "2024-01-01 00:30:00+01:00", "2024-03-10 24:00", "2024-03-10 24:59:59", "2024-03-10 25:00",
    "2024-03-10 12:60", "2024-03-10 12:34:60", "2024-03-10 12:3", "2024-03-10 1:30", "12:34",
    "12:34:56", "12:34:56.5", "00:00", "24:00:00", "12:34Z", "12:34+01:00", "12:34-12:00",
    "12:34 ", " 12:34", "12:34:56.", "12:34:56.x", "12:34:56,5", "12", "12:", "2024-3-10",
    "24-03-10", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "20240310",
    "2024/03/10", "2024-03-10 ", "2024-03-10T", " 2024-03-10", "+2024-03-10", "12024-03-10",
    "2451545", "2451545.5", " 2451545.5 ", "2451545.5x", "1e6", "1E6", "-1", "0", "0.0",
    "5373484.4", "5373484.5", "-0.0", ".5", "5.", "1e", "0x10", "Inf", "NaN", "", " ", "abc",
    "now ", "nowx", "2024-03-10 junk", "2024-03-10 12:34 junk", "2024-03-10\0junk",
    "2024-03-10 12:34\0", "\0", "\uff12\uff10\uff12\uff14-03-10", "2024\u201003\u201010",
    "2024-03-10\u00a012:34", "2024-03-10\u300012:34", "\u65e5\u672c", "\ud83d\ude00",
    "2000-02-29 23:59:59.999", "1582-10-10", "1000-01-01 00:00:00", "2024-12-31 23:59:59",
    "2020-12-31", "2021-01-03", "2026-12-28", "2027-01-01", "2008-12-29", "2010-01-03",
  };

  static List<Value> timeValues() {
    List<Value> values = new ArrayList<>();
    for (String s : TEXT_TIMES) {
      values.add(Value.of(s));
    }
    long[] ints = {
      0, 1, 2451545, -1, 5373484, 5373485, 1700000000, 86400, Long.MAX_VALUE, Long.MIN_VALUE
    };
    for (long n : ints) {
      values.add(Value.of(n));
    }
    double[] reals = {
      2451545.5, 2451545.123456789, 0.0, -0.0, -0.5, 5373484.4999, 5373484.5, 1e300, 0.000001,
      2460000.999999, 1700000000.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE
    };
    for (double d : reals) {
      values.add(Value.of(d));
    }
    values.add(blob("2024-03-10"));
    values.add(blob("12:34:56"));
    values.add(blob("2451545.5"));
    values.add(blob("2024-03-10\0x"));
    values.add(Value.of(new byte[0]));
    values.add(Value.of(new byte[] {0}));
    values.add(Value.of(new byte[] {(byte) 0xff, (byte) 0xfe, 0x32}));
    values.add(Value.NULL);
    return values;
  }

  /** Bases that the modifier tests start from. */
  static List<Value> modifierBases() {
    List<Value> values = new ArrayList<>();
    for (String s : new String[] {
      "2023-01-31", "2024-01-31 12:34:56.789", "2023-02-31", "2024-02-29", "12:34:56",
      "1969-07-20 20:17:40", "-0500-03-01", "9999-12-31 12:00", "0000-01-01",
      "2024-03-10 12:34:56+05:30", "2024-06-15 23:59:59.999Z", "2451545.5", "1700000000", "junk"
    }) {
      values.add(Value.of(s));
    }
    values.add(Value.of(1700000000L));
    values.add(Value.of(1700000000.123));
    values.add(Value.of(-1000L));
    values.add(Value.of(2451545L));
    values.add(Value.of(0L));
    values.add(Value.of(1e10));
    values.add(Value.of(253402300800L));
    values.add(Value.NULL);
    return values;
  }

  static final String[] MODIFIERS = {
    "+1 day", "-1 day", "+1 days", "1 day", "+1.5 days", "-0.25 days", "+1 DAYS", "+1 dayss",
    "+1  days", "+1 days ", " +1 days", "+1day", "+1 hour", "+25 hours", "-90 minutes",
    "+3600 seconds", "+0.0005 seconds", "+0.0004 seconds", "-0.0005 seconds", "+1 month",
    "-1 month", "+13 months", "-13 months", "-12 months", "-11 months", "+1.5 months",
    "-1.5 months", "+1 year", "-1 year", "+0.5 years", "+10000 years", "+14712 years",
    "+14713 years", "+1e3 days", "+1e10 days", "+5373485 days", "+5373484 days",
    "-5373484 days", "+176545 months", "+176546 months", "+1 fortnight", "+1 s", "+1 mon",
    "+1 secs", "+1 minute", "+1 minutes", "+1 sec", "+0 days", "-0 days", "++1 days",
    "+-1 days", "+1e days", "+.5 days", "-.5 days", "+5. days", "+1 \u212Aay",
    "+0001-00-00", "-0001-00-00", "+0000-01-00", "+0000-11-30", "+0000-12-00",
    "+0000-00-31", "+0001-02-03", "-0001-02-03", "+10000-00-00", "+14712-00-00",
    "+0001-02-03 04:05", "-0001-02-03 04:05:06.789", "+0001-02-03T04:05", "+0001-02-03 4:05",
    "+0001-02-03  04:05", "+0001-02-03 04:05 ", "+0001-02-03 04:05Z", "+0001-02-03 04:05+01:00",
    "0001-02-03", "+001-02-03", "+0001-2-03", "+12:00", "-12:00", "+12:30:45", "+12:30:45.678",
    "-00:00:00.001", "+24:00", "+23:59:59.999", "+1:00", "12:00", "+12:00Z", "+12:00+01:00",
    "-12:00-01:00", "+99:00", "+12:00 ", "start of day", "start of month", "start of year",
    "START OF YEAR", "Start Of Month", "start of week", "start of  day", "start of",
    "start of day ", "weekday 0", "weekday 1", "weekday 2", "weekday 3", "weekday 4",
    "weekday 5", "weekday 6", "weekday 7", "weekday -1", "weekday 1.5", "weekday 3.0",
    "weekday  3 ", "weekday3", "WEEKDAY 2", "weekday 1e0", "unixepoch", "UNIXEPOCH",
    "julianday", "auto", "localtime", "utc", "UTC", "subsec", "subsecond", "SUBSEC", "subsecs",
    "ceiling", "floor", "FLOOR", "", " ", "junk", "\u017Ftart of day", "\u017Fubsec",
    "utc\0junk", "+1 day\0x", "now", "\u00e9", "\ud83d\ude00",
  };

  /** Modifiers other than text: numbers, blobs, NULL. */
  static List<Value> modifierValues() {
    List<Value> values = new ArrayList<>();
    for (String m : MODIFIERS) {
      values.add(Value.of(m));
    }
    values.add(Value.of(5L));
    values.add(Value.of(1.5));
    values.add(blob("+1 day"));
    values.add(blob("start of month"));
    values.add(Value.NULL);
    return values;
  }

  /** A smaller set whose every ordered pair is tried. */
  static final String[] PAIR_MODIFIERS = {
    "+1 month", "-1 month", "+1 year", "-1 year", "floor", "ceiling", "+0001-01-00",
    "-0000-01-00", "start of month", "start of day", "subsec", "localtime", "utc",
    "weekday 3", "+12:00", "unixepoch", "auto", "julianday", "+1 day", "+0.5 months",
  };

  /** Every conversion, and text around them. */
  static final String[] FORMATS = {
    "%Y-%m-%d %H:%M:%S", "%d|%e|%f|%F|%G|%g|%H|%I|%j|%J|%k|%l|%m|%M|%p|%P|%R|%s|%S|%T",
    "%u|%U|%V|%w|%W|%Y|%%", "%J", "%s", "%f", "%G-W%V-%u", "%g", "%j", "%U %W %V",
    "no conversions", "", "%", "100%", "%q", "%a", "%E", "%%%", "%Y%", "\u65e5%Y\u6708",
    "%\u00e9", "a\0%q", "%H\0%q", "%k:%l %p %P", "%c", "%D", "%h", "%n", "%t", "%x", "%z",
  };

  static Value blob(String s) {
    return Value.of(s.getBytes(StandardCharsets.UTF_8));
  }
}
