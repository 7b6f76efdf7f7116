package dev.pagoda.executor.datetime;

import static dev.pagoda.executor.datetime.Ascii.at;
import static dev.pagoda.executor.datetime.Ascii.isDigit;
import static dev.pagoda.executor.datetime.Ascii.isSpace;

import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.Value;

/**
 * The modifiers that start with a sign or a digit: {@code NNN units}, {@code ±YYYY-MM-DD} (years,
 * months 0..11 and days 0..30 to add or subtract, the year four or five digits), {@code
 * ±HH:MM[:SS[.SSS]]} (a time of day to add or subtract, taken modulo one day) and {@code
 * ±YYYY-MM-DD HH:MM[:SS[.SSS]]} (both, the sign applying to each).
 */
final class NumericModifier {
  private NumericModifier() {}

  private static final int[] FOUR_DIGITS = {4, 0, 14712, 0};
  private static final int[] FIVE_DIGITS = {5, 0, 14712, 0};
  private static final int[] SHIFT4 = {4, 0, 14712, '-', 2, 0, 12, '-', 2, 0, 31, 0};
  private static final int[] SHIFT5 = {5, 0, 14712, '-', 2, 0, 12, '-', 2, 0, 31, 0};

  static boolean apply(String z, DateTime p) {
    char sign = z.charAt(0);
    int n = numberEnd(z);
    Value number = Conversions.parseNumber(z.substring(0, n));
    if (number == null) {
      return false;
    }
    double r = Conversions.toDouble(number);
    int timeStart = 0;
    int timeNumberEnd = n;
    if (at(z, n) == '-') {
      if (sign != '+' && sign != '-') {
        return false;
      }
      int end = shiftDate(z, n, sign, p);
      if (end < 0) {
        return false;
      }
      if (at(z, end) == 0) {
        return true;
      }
      int[] hm = new int[2];
      if (!isSpace(at(z, end)) || TimeParser.digits(z, end + 1, TimeParser.HOUR_MINUTE, hm) != 2) {
        return false;
      }
      timeStart = end + 1;
      timeNumberEnd = end + 3;
    }
    if (at(z, timeNumberEnd) == ':') {
      return shiftTime(z, timeStart, sign, p);
    }
    int i = n;
    while (isSpace(at(z, i))) {
      i++;
    }
    String unit = z.substring(i);
    int len = unit.length();
    if (len < 3 || len > 10) {
      return false;
    }
    if (Ascii.lower(unit.charAt(len - 1)) == 's') {
      unit = unit.substring(0, len - 1);
    }
    return Modifiers.addUnits(r, unit, p);
  }

  /**
   * Where the leading number ends: at a colon, a space, or the dash after a four- or five-digit
   * year.
   */
  private static int numberEnd(String z) {
    int[] ignored = new int[1];
    int n = 1;
    for (; n < z.length(); n++) {
      char c = z.charAt(n);
      if (c == ':' || isSpace(c)) {
        break;
      }
      if (c == '-') {
        if (n == 5 && TimeParser.digits(z, 1, FOUR_DIGITS, ignored) == 1) {
          break;
        }
        if (n == 6 && TimeParser.digits(z, 1, FIVE_DIGITS, ignored) == 1) {
          break;
        }
      }
    }
    return n;
  }

  /**
   * Applies {@code ±YYYY-MM-DD} whose year ends at {@code n}; returns the index just past the
   * date, or -1 when it is not a valid shift.
   */
  private static int shiftDate(String z, int n, char sign, DateTime p) {
    int[] ymd = new int[3];
    if (TimeParser.digits(z, 1, n == 5 ? SHIFT4 : SHIFT5, ymd) != 3) {
      return -1;
    }
    if (ymd[1] >= 12 || ymd[2] >= 31) {
      return -1;
    }
    p.computeYmdHms();
    p.validJD = false;
    int days = ymd[2];
    if (sign == '-') {
      p.year -= ymd[0];
      p.month -= ymd[1];
      days = -days;
    } else {
      p.year += ymd[0];
      p.month += ymd[1];
    }
    Modifiers.normaliseMonth(p);
    p.computeFloor();
    p.computeJD();
    p.validHMS = false;
    p.validYMD = false;
    p.jd += days * DateTime.MS_PER_DAY;
    return n + 6;
  }

  /** Adds or subtracts the time of day written at {@code start} (after an optional sign). */
  private static boolean shiftTime(String z, int start, char sign, DateTime p) {
    int pos = isDigit(at(z, start)) ? start : start + 1;
    DateTime tx = new DateTime();
    if (TimeParser.parseHhMmSs(z, pos, tx)) {
      return false;
    }
    tx.computeJD();
    tx.jd -= DateTime.MS_PER_HALF_DAY;
    long day = tx.jd / DateTime.MS_PER_DAY;
    tx.jd -= day * DateTime.MS_PER_DAY;
    if (sign == '-') {
      tx.jd = -tx.jd;
    }
    p.computeJD();
    p.clearYmdHmsTz();
    p.jd += tx.jd;
    return true;
  }
}
