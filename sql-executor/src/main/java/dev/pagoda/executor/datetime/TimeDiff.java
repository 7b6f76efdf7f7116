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
    boolean forward = d1.jd >= d2.jd;
    int[] span = wholeMonths(d1, d2, forward);
    d1.jd = forward ? d1.jd - d2.jd : d2.jd - d1.jd;
    d1.jd += ZERO_JD;
    d1.clearYmdHmsTz();
    d1.computeYmdHms();
    StringBuilder sb = new StringBuilder(24).append(forward ? '+' : '-');
    Strftime.zeroPad(sb, span[0], 4).append('-');
    Strftime.zeroPad(sb, span[1], 2).append('-');
    Strftime.zeroPad(sb, d1.day - 1, 2).append(' ');
    Strftime.zeroPad(sb, d1.hour, 2).append(':');
    Strftime.zeroPad(sb, d1.minute, 2).append(':');
    return Value.of(sb.append(Strftime.fixed(d1.second, 3, 6)).toString());
  }

  /**
   * Counts whole years and months from the earlier to the later of {@code d1} and {@code d2},
   * moving {@code d2} onto {@code d1}'s year and month and then a month at a time back towards
   * its side while that overshoots; returns {years, months}, leaving {@code d2} that many
   * calendar months from where it was.
   */
  private static int[] wholeMonths(DateTime d1, DateTime d2, boolean forward) {
    int years = forward ? d1.year - d2.year : d2.year - d1.year;
    if (years != 0) {
      moveTo(d2, d1.year, d2.month);
    }
    int months = forward ? d1.month - d2.month : d2.month - d1.month;
    if (months < 0) {
      years--;
      months += 12;
    }
    if (months != 0) {
      moveTo(d2, d2.year, d1.month);
    }
    while (forward ? d1.jd < d2.jd : d1.jd > d2.jd) {
      months--;
      if (months < 0) {
        months = 11;
        years--;
      }
      int m = d2.month + (forward ? -1 : 1);
      if (m < 1) {
        moveTo(d2, d2.year - 1, 12);
      } else if (m > 12) {
        moveTo(d2, d2.year + 1, 1);
      } else {
        moveTo(d2, d2.year, m);
      }
    }
    return new int[] {years, months};
  }

  /** Gives {@code d} a new year and month (same day and time) and recomputes its julian day. */
  private static void moveTo(DateTime d, int year, int month) {
    d.year = year;
    d.month = month;
    d.validJD = false;
    d.computeJD();
  }
}
