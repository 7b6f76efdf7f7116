package dev.pagoda.executor.datetime;

/**
 * One time value while SQLite's date and time functions work on it: a mutable state that holds
 * the instant as a julian day number in milliseconds and/or as calendar fields, each with a flag
 * telling whether it is current, exactly as SQLite's {@code DateTime} record does. The functions
 * derive one representation from the other only when they need it; that laziness is observable
 * (a date such as {@code 2023-02-31} stays un-normalised when nothing forces the julian day), so
 * it is kept on purpose.
 *
 * <p>Julian day numbers are milliseconds since noon, 24 November 4714 BC (proleptic Gregorian);
 * the valid range is 0 to {@link #MAX_JD}, i.e. -4713-11-24 12:00:00 to 9999-12-31 23:59:59.999.
 */
final class DateTime {
  /** The largest valid julian day in milliseconds (9999-12-31 23:59:59.999). */
  static final long MAX_JD = 464_269_060_799_999L;
  /** The julian day in milliseconds of the Unix epoch, 1970-01-01 00:00:00. */
  static final long UNIX_EPOCH_JD = 210_866_760_000_000L;

  static final long MS_PER_DAY = 86_400_000L;
  static final long MS_PER_HALF_DAY = 43_200_000L;

  /** The julian day in milliseconds, when {@link #validJD}. */
  long jd;
  /** Year (negative for BC: the year 0 is 1 BC), month 1..12 and day 1..31 when {@link #validYMD}. */
  int year;
  int month;
  int day;
  /** Hour 0..24, minute and second (with fraction) when {@link #validHMS}. */
  int hour;
  int minute;
  double second;
  /** The time zone offset in minutes east of UTC still to be applied. */
  int tz;
  /** Days by which the day of month overflows its month, for the 'floor' modifier. */
  int floorDays;

  boolean validJD;
  /** {@link #second} holds the raw number the value was given as (a julian day or unix time). */
  boolean rawS;
  boolean validYMD;
  boolean validHMS;
  boolean tzSet;
  boolean isError;
  /** 'subsec' was given: show milliseconds. */
  boolean useSubsec;
  boolean isUtc;
  boolean isLocal;

  DateTime copy() {
    DateTime c = new DateTime();
    c.jd = jd;
    c.year = year;
    c.month = month;
    c.day = day;
    c.hour = hour;
    c.minute = minute;
    c.second = second;
    c.tz = tz;
    c.floorDays = floorDays;
    c.validJD = validJD;
    c.rawS = rawS;
    c.validYMD = validYMD;
    c.validHMS = validHMS;
    c.tzSet = tzSet;
    c.isError = isError;
    c.useSubsec = useSubsec;
    c.isUtc = isUtc;
    c.isLocal = isLocal;
    return c;
  }

  /** Forgets everything: the state of a freshly zeroed record. */
  void clear() {
    jd = 0;
    year = 0;
    month = 0;
    day = 0;
    hour = 0;
    minute = 0;
    second = 0;
    tz = 0;
    floorDays = 0;
    validJD = false;
    rawS = false;
    validYMD = false;
    validHMS = false;
    tzSet = false;
    isError = false;
    useSubsec = false;
    isUtc = false;
    isLocal = false;
  }

  /** Makes the value an error: everything cleared, then {@link #isError} set. */
  void setError() {
    clear();
    isError = true;
  }

  static boolean validJulianDay(long jd) {
    return jd >= 0 && jd <= MAX_JD;
  }

  /** The value given as a bare number: a julian day when in range, else kept raw only. */
  void setRawNumber(double r) {
    second = r;
    rawS = true;
    if (r >= 0.0 && r < 5_373_484.5) {
      jd = (long) (r * 86_400_000.0 + 0.5);
      validJD = true;
    }
  }

  /** Drops the calendar fields and any pending offset, keeping only the julian day. */
  void clearYmdHmsTz() {
    validYMD = false;
    validHMS = false;
    tz = 0;
  }

  /**
   * Derives the julian day from the calendar fields (2000-01-01 when there is no date), applying
   * a pending time zone offset; an out-of-range year or a raw number makes the value an error.
   */
  void computeJD() {
    if (validJD) {
      return;
    }
    int y = validYMD ? year : 2000;
    int m = validYMD ? month : 1;
    int d = validYMD ? day : 1;
    if (y < -4713 || y > 9999 || rawS) {
      setError();
      return;
    }
    if (m <= 2) {
      y--;
      m += 12;
    }
    // Centuries counted from 4801 BC, so that the divisions below never see a negative number
    // (the Gregorian leap-century correction then holds before year 0 too, as in SQLite).
    int a = (y + 4800) / 100;
    int b = 38 - a + (a / 4);
    int x1 = 36525 * (y + 4716) / 100;
    int x2 = 306001 * (m + 1) / 10000;
    jd = (long) ((x1 + x2 + d + b - 1524.5) * 86_400_000);
    validJD = true;
    if (validHMS) {
      jd += hour * 3_600_000L + minute * 60_000L + (long) (second * 1000 + 0.5);
      if (tz != 0) {
        jd -= tz * 60_000L;
        validYMD = false;
        validHMS = false;
        tz = 0;
        isUtc = true;
        isLocal = false;
      }
    }
  }

  /** Derives year, month and day from the julian day (2000-01-01 when there is none). */
  void computeYMD() {
    if (validYMD) {
      return;
    }
    if (!validJD) {
      year = 2000;
      month = 1;
      day = 1;
    } else if (!validJulianDay(jd)) {
      setError();
      return;
    } else {
      int z = (int) ((jd + MS_PER_HALF_DAY) / MS_PER_DAY);
      // Both divisions round down, so that days before 1582 (z < 1867216) get the Gregorian
      // leap-century rule right, as SQLite does.
      int a = (int) Math.floor((z - 1867216.25) / 36524.25);
      a = z + 1 + a - Math.floorDiv(a, 4);
      int b = a + 1524;
      int c = (int) ((b - 122.1) / 365.25);
      int d = (36525 * (c & 32767)) / 100;
      int e = (int) ((b - d) / 30.6001);
      int x1 = (int) (30.6001 * e);
      day = b - d - x1;
      month = e < 14 ? e - 1 : e - 13;
      year = month > 2 ? c - 4716 : c - 4715;
    }
    validYMD = true;
  }

  /** Derives hour, minute and second from the julian day. */
  void computeHMS() {
    if (validHMS) {
      return;
    }
    computeJD();
    int dayMs = (int) ((jd + MS_PER_HALF_DAY) % MS_PER_DAY);
    second = (dayMs % 60000) / 1000.0;
    int dayMin = dayMs / 60000;
    minute = dayMin % 60;
    hour = dayMin / 60;
    rawS = false;
    validHMS = true;
  }

  void computeYmdHms() {
    computeYMD();
    computeHMS();
  }

  /**
   * Records by how many days the day of month overflows its month (31 April overflows by one,
   * 30 February by one or two), which 'floor' later takes back.
   */
  void computeFloor() {
    if (day <= 28) {
      floorDays = 0;
    } else if (((1 << month) & 0x15aa) != 0) {
      floorDays = 0; // a 31-day month
    } else if (month != 2) {
      floorDays = day == 31 ? 1 : 0;
    } else if (year % 4 != 0 || (year % 100 == 0 && year % 400 != 0)) {
      floorDays = day - 28;
    } else {
      floorDays = day - 29;
    }
  }

  /** Days since the Monday before (0..6); needs the julian day. */
  int daysAfterMonday() {
    return (int) (((jd + MS_PER_HALF_DAY) / MS_PER_DAY) % 7);
  }

  /** Days since the Sunday before (0..6); needs the julian day. */
  int daysAfterSunday() {
    return (int) (((jd + 129_600_000L) / MS_PER_DAY) % 7);
  }

  /** Days since 1 January of the value's year; needs all fields current. */
  int daysAfterJan01() {
    DateTime jan01 = copy();
    jan01.validJD = false;
    jan01.month = 1;
    jan01.day = 1;
    jan01.computeJD();
    return (int) ((jd - jan01.jd + MS_PER_HALF_DAY) / MS_PER_DAY);
  }
}
