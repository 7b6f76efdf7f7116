package dev.pagoda.executor.datetime;

import static dev.pagoda.executor.datetime.Ascii.at;
import static dev.pagoda.executor.datetime.Ascii.isDigit;
import static dev.pagoda.executor.datetime.Ascii.isSpace;

import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.Value;

/**
 * Reads SQLite's time values: {@code YYYY-MM-DD}, optionally followed by spaces or {@code T} and
 * a time; {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.SSS} alone (on 2000-01-01), either
 * optionally followed by {@code Z} or {@code [+-]HH:MM}; a number (a julian day, or whatever a
 * later 'unixepoch' or 'auto' makes of it); and 'now' or 'subsec', the statement's time.
 *
 * <p>Fields are fixed-width: a year has exactly four digits (with an optional leading minus), the
 * other fields two. Ranges are checked per field only (month 1..12, day 1..31, hour 0..24,
 * minute and second 0..59, offset hours 0..14); a day past the end of its month rolls over into
 * the next month, as in SQLite.
 */
final class TimeParser {
  private TimeParser() {}

  /** Field specs for {@link #digits}: width, minimum, maximum, separator (0: none) per field. */
  static final int[] YEAR_MONTH_DAY = {4, 0, 14712, '-', 2, 1, 12, '-', 2, 1, 31, 0};

  static final int[] HOUR_MINUTE = {2, 0, 24, ':', 2, 0, 59, 0};
  static final int[] SECOND = {2, 0, 59, 0};
  static final int[] ZONE = {2, 0, 14, ':', 2, 0, 59, 0};

  /**
   * Reads fixed-width decimal fields from {@code pos} into {@code out}, each checked against
   * its range and followed by its separator; returns how many fields were read before the first
   * mismatch.
   */
  static int digits(String z, int pos, int[] spec, int[] out) {
    int count = 0;
    for (int f = 0; f < spec.length; f += 4) {
      int value = 0;
      for (int k = 0; k < spec[f]; k++) {
        char c = at(z, pos);
        if (!isDigit(c)) {
          return count;
        }
        value = value * 10 + (c - '0');
        pos++;
      }
      int separator = spec[f + 3];
      if (value < spec[f + 1] || value > spec[f + 2] || (separator != 0 && at(z, pos) != separator)) {
        return count;
      }
      out[count++] = value;
      pos++;
    }
    return count;
  }

  /**
   * Reads the optional zone suffix at {@code pos} (spaces, then {@code Z} or {@code [+-]HH:MM},
   * then spaces); true when the text does not end there properly.
   */
  static boolean parseTimezone(String z, int pos, DateTime p) {
    while (isSpace(at(z, pos))) {
      pos++;
    }
    p.tz = 0;
    char c = at(z, pos);
    if (c == 'Z' || c == 'z') {
      pos++;
      p.isLocal = false;
      p.isUtc = true;
    } else if (c == '-' || c == '+') {
      int sign = c == '-' ? -1 : 1;
      int[] hm = new int[2];
      if (digits(z, pos + 1, ZONE, hm) != 2) {
        return true;
      }
      pos += 6;
      p.tz = sign * (hm[1] + hm[0] * 60);
    } else {
      return c != 0;
    }
    while (isSpace(at(z, pos))) {
      pos++;
    }
    p.tzSet = true;
    return at(z, pos) != 0;
  }

  /** Reads {@code HH:MM[:SS[.SSS...]]} and an optional zone at {@code pos}; true on failure. */
  static boolean parseHhMmSs(String z, int pos, DateTime p) {
    int[] hm = new int[2];
    if (digits(z, pos, HOUR_MINUTE, hm) != 2) {
      return true;
    }
    pos += 5;
    int s = 0;
    double fraction = 0.0;
    if (at(z, pos) == ':') {
      pos++;
      int[] sec = new int[1];
      if (digits(z, pos, SECOND, sec) != 1) {
        return true;
      }
      s = sec[0];
      pos += 2;
      if (at(z, pos) == '.' && isDigit(at(z, pos + 1))) {
        double scale = 1.0;
        pos++;
        while (isDigit(at(z, pos))) {
          fraction = fraction * 10.0 + (at(z, pos) - '0');
          scale *= 10.0;
          pos++;
        }
        fraction /= scale;
        if (fraction > 0.999) {
          fraction = 0.999; // truncated, so that no rounding carries into the next second
        }
      }
    }
    p.validJD = false;
    p.rawS = false;
    p.validHMS = true;
    p.hour = hm[0];
    p.minute = hm[1];
    p.second = s + fraction;
    return parseTimezone(z, pos, p);
  }

  /** Reads {@code [-]YYYY-MM-DD} with an optional time after spaces or 'T'; true on failure. */
  static boolean parseYyyyMmDd(String z, DateTime p) {
    int pos = 0;
    boolean negative = at(z, 0) == '-';
    if (negative) {
      pos++;
    }
    int[] ymd = new int[3];
    if (digits(z, pos, YEAR_MONTH_DAY, ymd) != 3) {
      return true;
    }
    pos += 10;
    while (isSpace(at(z, pos)) || at(z, pos) == 'T') {
      pos++;
    }
    if (!parseHhMmSs(z, pos, p)) {
      // a time as well
    } else if (at(z, pos) == 0) {
      p.validHMS = false;
    } else {
      return true;
    }
    p.validJD = false;
    p.validYMD = true;
    p.year = negative ? -ymd[0] : ymd[0];
    p.month = ymd[1];
    p.day = ymd[2];
    p.computeFloor();
    if (p.tz != 0) {
      p.computeJD();
    }
    return false;
  }

  /**
   * Reads a text time value into {@code p}, which must be clear; true when it is not one.
   * 'now' and 'subsec' read the statement's time from {@code ctx}.
   */
  static boolean parseDateOrTime(String z, DateTime p, FunctionContext ctx) {
    if (!parseYyyyMmDd(z, p)) {
      return false;
    }
    if (!parseHhMmSs(z, 0, p)) {
      return false;
    }
    if (Ascii.equalsIgnoreCase(z, "now")) {
      return setToCurrent(p, ctx);
    }
    Value number = Conversions.parseNumber(z);
    if (number != null) {
      p.setRawNumber(Conversions.toDouble(number));
      return false;
    }
    if (Ascii.equalsIgnoreCase(z, "subsec") || Ascii.equalsIgnoreCase(z, "subsecond")) {
      p.useSubsec = true;
      return setToCurrent(p, ctx);
    }
    return true;
  }

  /** Sets {@code p} to the statement's time (UTC); false, as the parsers report success. */
  static boolean setToCurrent(DateTime p, FunctionContext ctx) {
    long nowJd = ctx.statementTime().toEpochMilli() + DateTime.UNIX_EPOCH_JD;
    if (nowJd <= 0) {
      return true;
    }
    p.jd = nowJd;
    p.validJD = true;
    p.isUtc = true;
    p.isLocal = false;
    p.clearYmdHmsTz();
    return false;
  }
}
