package dev.pagoda.jdbc;

import java.util.Calendar;
import java.util.GregorianCalendar;

/**
 * Julian day numbers (REAL dates) to instants, as sqlite-jdbc reads them: the day number's date
 * (Julian calendar before 1582-10-15, Gregorian after, by Meeus' algorithm) and its fraction as a
 * wall-clock time in the calendar's time zone, each field truncated in turn (hours, then minutes,
 * seconds and milliseconds of what remains).
 */
final class JulianDays {
  /** The first Julian day number of the Gregorian calendar (1582-10-15). */
  private static final int GREGORIAN_START = 2299161;

  private JulianDays() {}

  /** The instant of Julian day {@code jd} read in {@code calendar}'s time zone. */
  static long toMillis(double jd, Calendar calendar) {
    double shifted = jd + 0.5;
    int day = (int) shifted;
    double fraction = shifted - day;
    int a = day;
    if (day >= GREGORIAN_START) {
      int alpha = (int) ((day - 1867216.25) / 36524.25);
      a = day + 1 + alpha - (int) (alpha / 4.0);
    }
    int b = a + 1524;
    int c = (int) ((b - 122.1) / 365.25);
    int d = (int) (365.25 * c);
    int e = (int) ((b - d) / 30.6001);
    int month = e - (e < 13.5 ? 1 : 13);
    int year = c - (month > 2.5 ? 4716 : 4715);
    double dayWithFraction = b - d - (int) (30.6001 * e) + fraction;
    int dayOfMonth = (int) dayWithFraction;

    double hours = (dayWithFraction - dayOfMonth) * 24;
    int hour = (int) hours;
    double minutes = (hours - hour) * 60;
    int minute = (int) minutes;
    double seconds = (minutes - minute) * 60;
    int second = (int) seconds;
    int milli = (int) ((seconds - second) * 1000);

    calendar.set(year, month - 1, dayOfMonth, hour, minute, second);
    calendar.set(Calendar.MILLISECOND, milli);
    if (year < 1) {
      calendar.set(Calendar.ERA, GregorianCalendar.BC);
      calendar.set(Calendar.YEAR, 1 - year);
    }
    return calendar.getTimeInMillis();
  }
}
