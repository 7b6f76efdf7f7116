package dev.pagoda.executor.datetime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The 'localtime' and 'utc' conversions, done as SQLite does them with the C library's {@code
 * localtime_r}, but with the connection's {@link ZoneId} instead of the process's zone.
 *
 * <p>Like SQLite, an instant before 1970 or after 2037-01-18 is first moved into a year between
 * 1997 and 2003 with the same leap-year phase (2000 + year % 4), converted there, and moved back:
 * such dates get that year's daylight-saving rules, not their own. 'utc' inverts 'localtime' by
 * guessing and correcting at most four times, as SQLite does, so in a daylight-saving gap or
 * overlap it lands where SQLite lands.
 */
final class LocalTimes {
  private LocalTimes() {}

  private static final long JD_1970 = 210_866_760_000_000L;
  private static final long JD_2038 = 213_014_145_600_000L;
  private static final long UNIX_EPOCH_SECONDS_JD = 210_866_760_000L;

  /** Replaces {@code p}, taken as UTC, by its local time fields. */
  static void toLocal(DateTime p, ZoneId zone) {
    p.computeJD();
    long t;
    int yearDiff;
    if (p.jd < JD_1970 || p.jd > JD_2038) {
      DateTime x = p.copy();
      x.computeYmdHms();
      yearDiff = (2000 + x.year % 4) - x.year;
      x.year += yearDiff;
      x.validJD = false;
      x.computeJD();
      t = x.jd / 1000 - UNIX_EPOCH_SECONDS_JD;
    } else {
      yearDiff = 0;
      t = p.jd / 1000 - UNIX_EPOCH_SECONDS_JD;
    }
    ZoneOffset offset = zone.getRules().getOffset(Instant.ofEpochSecond(t));
    LocalDateTime local = LocalDateTime.ofEpochSecond(t, 0, offset);
    p.year = local.getYear() - yearDiff;
    p.month = local.getMonthValue();
    p.day = local.getDayOfMonth();
    p.hour = local.getHour();
    p.minute = local.getMinute();
    p.second = local.getSecond() + (p.jd % 1000) * 0.001;
    p.validYMD = true;
    p.validHMS = true;
    p.validJD = false;
    p.rawS = false;
    p.tz = 0;
    p.isError = false;
  }

  /**
   * Replaces {@code p}, taken as local time, by the UTC instant whose local time it is: a guess
   * corrected by the error of its own local time, up to four tries.
   */
  static void toUtc(DateTime p, ZoneId zone) {
    p.computeJD();
    long original = p.jd;
    long guess = original;
    long error = 0;
    int tries = 0;
    do {
      DateTime probe = new DateTime();
      guess -= error;
      probe.jd = guess;
      probe.validJD = true;
      toLocal(probe, zone);
      probe.computeJD();
      error = probe.jd - original;
    } while (error != 0 && tries++ < 3);
    p.clear();
    p.jd = guess;
    p.validJD = true;
    p.isUtc = true;
    p.isLocal = false;
  }
}
