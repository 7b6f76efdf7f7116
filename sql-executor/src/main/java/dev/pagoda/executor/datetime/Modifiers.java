package dev.pagoda.executor.datetime;

import static dev.pagoda.executor.datetime.Ascii.at;
import static dev.pagoda.executor.datetime.Ascii.equalsIgnoreCase;

import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.Value;
import java.time.ZoneId;

/**
 * Applies SQLite's date and time modifiers to a {@link DateTime}, one at a time and in order:
 * {@code NNN days|hours|minutes|seconds|months|years} (signed, fractional), {@code
 * ±YYYY-MM-DD}, {@code ±HH:MM[:SS[.SSS]]}, {@code ±YYYY-MM-DD HH:MM[:SS[.SSS]]}, {@code start
 * of month|year|day}, {@code weekday N}, {@code unixepoch}, {@code julianday}, {@code auto},
 * {@code localtime}, {@code utc}, {@code subsec}/{@code subsecond}, {@code ceiling} and {@code
 * floor}. Keywords match ASCII case-insensitively. Every method returns true when the modifier
 * was understood and applied; false makes the whole call NULL.
 */
final class Modifiers {
  private Modifiers() {}

  /** The units of {@code NNN units}: name, largest magnitude allowed, seconds per unit. */
  private static final String[] UNIT_NAMES = {"second", "minute", "hour", "day", "month", "year"};

  /** SQLite keeps these limits as single-precision floats; so do we, for equal comparisons. */
  private static final double[] UNIT_LIMITS = {
    4.6427e+14f, 7.7379e+12f, 1.2897e+11f, 5373485.0f, 176546.0f, 14713.0f
  };

  private static final double[] UNIT_SECONDS = {1, 60, 3600, 86400, 2592000, 31536000};
  private static final int MONTH = 4;
  private static final int YEAR = 5;

  /**
   * Applies modifier {@code z}, the {@code index}-th argument after the time value (from 1), in
   * time zone {@code zone}.
   */
  static boolean apply(String z, int index, DateTime p, ZoneId zone) {
    switch (Ascii.lower(at(z, 0))) {
      case 'a':
        return equalsIgnoreCase(z, "auto") && auto(index, p);
      case 'c':
        return equalsIgnoreCase(z, "ceiling") && ceiling(p);
      case 'f':
        return equalsIgnoreCase(z, "floor") && floor(p);
      case 'j':
        return equalsIgnoreCase(z, "julianday") && julianday(index, p);
      case 'l':
        return equalsIgnoreCase(z, "localtime") && localtime(p, zone);
      case 'u':
        if (equalsIgnoreCase(z, "unixepoch") && p.rawS) {
          return unixepoch(index, p);
        }
        return equalsIgnoreCase(z, "utc") && utc(p, zone);
      case 'w':
        return weekday(z, p);
      case 's':
        return startOfOrSubsec(z, p);
      case '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
        return NumericModifier.apply(z, p);
      default:
        return false;
    }
  }

  /**
   * 'auto': a raw number is a julian day when in that range, else unix time when in range. A
   * number in neither range is left raw, which is no error yet: the value becomes NULL only if
   * nothing after (such as 'localtime', which recovers from the error as SQLite's does) replaces
   * it.
   */
  private static boolean auto(int index, DateTime p) {
    if (index > 1) {
      return false;
    }
    if (!p.rawS || p.validJD) {
      p.rawS = false;
    } else if (p.second >= -210_866_760_000L && p.second <= 253_402_300_799L) {
      double r = p.second * 1000.0 + 210_866_760_000_000.0;
      p.clearYmdHmsTz();
      p.jd = (long) (r + 0.5);
      p.validJD = true;
      p.rawS = false;
    }
    return true;
  }

  /** 'ceiling': a day past its month's end rolls forward (the default, so mostly a no-op). */
  private static boolean ceiling(DateTime p) {
    p.computeJD();
    p.clearYmdHmsTz();
    p.floorDays = 0;
    return true;
  }

  /** 'floor': a day past its month's end (from the date or month arithmetic) rolls back. */
  private static boolean floor(DateTime p) {
    p.computeJD();
    p.jd -= p.floorDays * DateTime.MS_PER_DAY;
    p.clearYmdHmsTz();
    return true;
  }

  /** 'julianday': the raw number must be, and is, a julian day. */
  private static boolean julianday(int index, DateTime p) {
    if (index > 1) {
      return false;
    }
    if (p.validJD && p.rawS) {
      p.rawS = false;
      return true;
    }
    return false;
  }

  /** 'unixepoch': the raw number is seconds since 1970. */
  private static boolean unixepoch(int index, DateTime p) {
    if (index > 1) {
      return false;
    }
    double r = p.second * 1000.0 + 210_866_760_000_000.0;
    if (r >= 0.0 && r < 464_269_060_800_000.0) {
      p.clearYmdHmsTz();
      p.jd = (long) (r + 0.5);
      p.validJD = true;
      p.rawS = false;
      return true;
    }
    return false;
  }

  /** 'localtime': the value, taken as UTC, shown as local time (unless it is local already). */
  private static boolean localtime(DateTime p, ZoneId zone) {
    if (!p.isLocal) {
      LocalTimes.toLocal(p, zone);
    }
    p.isUtc = false;
    p.isLocal = true;
    return true;
  }

  /** 'utc': the value, taken as local time, shown as UTC (unless it is UTC already). */
  private static boolean utc(DateTime p, ZoneId zone) {
    if (!p.isUtc) {
      LocalTimes.toUtc(p, zone);
    }
    return true;
  }

  /** 'weekday N': forward to the next day (or today) that is weekday N, 0 being Sunday. */
  private static boolean weekday(String z, DateTime p) {
    if (!Ascii.startsWithIgnoreCase(z, 0, "weekday ")) {
      return false;
    }
    Value number = Conversions.parseNumber(z.substring(8));
    if (number == null) {
      return false;
    }
    double r = Conversions.toDouble(number);
    if (!(r >= 0.0 && r < 7.0) || (int) r != r) {
      return false;
    }
    int n = (int) r;
    p.computeYmdHms();
    p.tz = 0;
    p.validJD = false;
    p.computeJD();
    long today = ((p.jd + 129_600_000L) / DateTime.MS_PER_DAY) % 7;
    if (today > n) {
      today -= 7;
    }
    p.jd += (n - today) * DateTime.MS_PER_DAY;
    p.clearYmdHmsTz();
    return true;
  }

  /** 'start of day|month|year' (back to its first moment), or 'subsec' / 'subsecond'. */
  private static boolean startOfOrSubsec(String z, DateTime p) {
    if (!Ascii.startsWithIgnoreCase(z, 0, "start of ")) {
      if (equalsIgnoreCase(z, "subsec") || equalsIgnoreCase(z, "subsecond")) {
        p.useSubsec = true;
        return true;
      }
      return false;
    }
    if (!p.validJD && !p.validYMD && !p.validHMS) {
      return false;
    }
    p.computeYMD();
    p.validHMS = true;
    p.hour = 0;
    p.minute = 0;
    p.second = 0.0;
    p.rawS = false;
    p.tz = 0;
    p.validJD = false;
    if (equalsIgnoreCase(z, 9, "month")) {
      p.day = 1;
      return true;
    }
    if (equalsIgnoreCase(z, 9, "year")) {
      p.month = 1;
      p.day = 1;
      return true;
    }
    return equalsIgnoreCase(z, 9, "day");
  }

  /** Adds {@code r} of unit {@code name} (singular, any ASCII case); false when not a unit. */
  static boolean addUnits(double r, String name, DateTime p) {
    p.computeJD();
    double rounder = r < 0 ? -0.5 : 0.5;
    p.floorDays = 0;
    boolean applied = false;
    for (int i = 0; i < UNIT_NAMES.length; i++) {
      if (equalsIgnoreCase(name, UNIT_NAMES[i]) && r > -UNIT_LIMITS[i] && r < UNIT_LIMITS[i]) {
        if (i == MONTH) {
          p.computeYmdHms();
          p.month += (int) r;
          normaliseMonth(p);
          p.computeFloor();
          p.validJD = false;
          r -= (int) r;
        } else if (i == YEAR) {
          p.computeYmdHms();
          p.year += (int) r;
          p.computeFloor();
          p.validJD = false;
          r -= (int) r;
        }
        p.computeJD();
        p.jd += (long) (r * 1000.0 * UNIT_SECONDS[i] + rounder);
        applied = true;
        break;
      }
    }
    p.clearYmdHmsTz();
    return applied;
  }

  /** Brings a month outside 1..12 back into range, carrying whole years. */
  static void normaliseMonth(DateTime p) {
    int x = p.month > 0 ? (p.month - 1) / 12 : (p.month - 12) / 12;
    p.year += x;
    p.month -= x * 12;
  }
}
