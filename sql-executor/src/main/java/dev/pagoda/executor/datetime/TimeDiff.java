package dev.pagoda.executor.datetime;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.Value;

/**
 * {@code timediff(a, b)}: how much time to add to {@code b} to reach {@code a}, as {@code
 * (+|-)YYYY-MM-DD HH:MM:SS.SSS}. Whole years and months are counted on the calendar from {@code
 * b} (stepping back a month while that overshoots), the rest in days and time, as SQLite 3.43+
 * does.
 */
final class TimeDiff {
  private TimeDiff() {}

  /** The julian day in milliseconds that reads as 0000-01-01 00:00:00, the zero difference. */
  private static final long ZERO_JD = 148_699_540_800_000L;

  static Value call(FunctionContext ctx, Arguments args) {
    DateTime d1 = DateTimeFunctions.parse(ctx, Arguments.of(args.get(0)), 0);
    if (d1 == null) {
      return Value.NULL;
    }
    DateTime d2 = DateTimeFunctions.parse(ctx, Arguments.of(args.get(1)), 0);
    if (d2 == null) {
      return Value.NULL;
    }
    d1.computeYmdHms();
    d2.computeYmdHms();
    char sign;
    int years;
    int months;
    if (d1.jd >= d2.jd) {
      sign = '+';
      years = d1.year - d2.year;
      if (years != 0) {
        moveTo(d2, d1.year, d2.month);
      }
      months = d1.month - d2.month;
      if (months < 0) {
        years--;
        months += 12;
      }
      if (months != 0) {
        moveTo(d2, d2.year, d1.month);
      }
      while (d1.jd < d2.jd) {
        months--;
        if (months < 0) {
          months = 11;
          years--;
        }
        int m = d2.month - 1;
        moveTo(d2, m < 1 ? d2.year - 1 : d2.year, m < 1 ? 12 : m);
      }
      d1.jd -= d2.jd;
    } else {
      sign = '-';
      years = d2.year - d1.year;
      if (years != 0) {
        moveTo(d2, d1.year, d2.month);
      }
      months = d2.month - d1.month;
      if (months < 0) {
        years--;
        months += 12;
      }
      if (months != 0) {
        moveTo(d2, d2.year, d1.month);
      }
      while (d1.jd > d2.jd) {
        months--;
        if (months < 0) {
          months = 11;
          years--;
        }
        int m = d2.month + 1;
        moveTo(d2, m > 12 ? d2.year + 1 : d2.year, m > 12 ? 1 : m);
      }
      d1.jd = d2.jd - d1.jd;
    }
    d1.jd += ZERO_JD;
    d1.clearYmdHmsTz();
    d1.computeYmdHms();
    StringBuilder sb = new StringBuilder(24).append(sign);
    Strftime.zeroPad(sb, years, 4).append('-');
    Strftime.zeroPad(sb, months, 2).append('-');
    Strftime.zeroPad(sb, d1.day - 1, 2).append(' ');
    Strftime.zeroPad(sb, d1.hour, 2).append(':');
    Strftime.zeroPad(sb, d1.minute, 2).append(':');
    return Value.of(sb.append(Strftime.fixed(d1.second, 3, 6)).toString());
  }

  /** Gives {@code d} a new year and month (same day and time) and recomputes its julian day. */
  private static void moveTo(DateTime d, int year, int month) {
    d.year = year;
    d.month = month;
    d.validJD = false;
    d.computeJD();
  }
}
