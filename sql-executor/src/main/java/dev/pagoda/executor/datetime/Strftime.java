package dev.pagoda.executor.datetime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * SQLite's {@code strftime} conversions over a {@link DateTime} whose julian day and calendar
 * fields are all current: {@code %d %e %f %F %G %g %H %I %j %J %k %l %m %M %p %P %R %s %S %T %u
 * %U %V %w %W %Y %%}. Any other conversion, including a {@code %} at the very end, makes the
 * whole result NULL, as in SQLite. Numbers are written as C's printf writes them ({@code %04d}
 * of year -1 is {@code -001}).
 */
final class Strftime {
  private Strftime() {}

  /** The formatted text, or null when the format has an unknown conversion. */
  static String format(String fmt, DateTime x) {
    StringBuilder out = new StringBuilder(fmt.length() + 16);
    int n = fmt.length();
    for (int i = 0; i < n; i++) {
      char c = fmt.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      i++;
      if (i >= n || !convert(fmt.charAt(i), x, out)) {
        return null;
      }
    }
    return out.toString();
  }

  /** Appends conversion {@code cf}; false when it is not one. */
  private static boolean convert(char cf, DateTime x, StringBuilder out) {
    switch (cf) {
      case 'd' -> zeroPad(out, x.day, 2);
      case 'e' -> spacePad(out, x.day, 2);
      case 'f' -> out.append(fixed(Math.min(x.second, 59.999), 3, 6));
      case 'F' -> {
        zeroPad(out, x.year, 4);
        zeroPad(out.append('-'), x.month, 2);
        zeroPad(out.append('-'), x.day, 2);
      }
      case 'G' -> zeroPad(out, isoWeekThursday(x).year, 4);
      case 'g' -> zeroPad(out, isoWeekThursday(x).year % 100, 2);
      case 'H' -> zeroPad(out, x.hour, 2);
      case 'k' -> spacePad(out, x.hour, 2);
      case 'I' -> zeroPad(out, twelveHour(x.hour), 2);
      case 'l' -> spacePad(out, twelveHour(x.hour), 2);
      case 'j' -> zeroPad(out, x.daysAfterJan01() + 1, 3);
      case 'J' -> out.append(generalFormat16(x.jd / 86_400_000.0));
      case 'm' -> zeroPad(out, x.month, 2);
      case 'M' -> zeroPad(out, x.minute, 2);
      case 'p' -> out.append(x.hour >= 12 ? "PM" : "AM");
      case 'P' -> out.append(x.hour >= 12 ? "pm" : "am");
      case 'R' -> zeroPad(zeroPad(out, x.hour, 2).append(':'), x.minute, 2);
      case 's' -> appendUnixTime(x, out);
      case 'S' -> zeroPad(out, (int) x.second, 2);
      case 'T' -> {
        zeroPad(out, x.hour, 2);
        zeroPad(out.append(':'), x.minute, 2);
        zeroPad(out.append(':'), (int) x.second, 2);
      }
      case 'u' -> out.append(x.daysAfterSunday() == 0 ? 7 : x.daysAfterSunday());
      case 'w' -> out.append(x.daysAfterSunday());
      case 'U' -> zeroPad(out, (x.daysAfterJan01() - x.daysAfterSunday() + 7) / 7, 2);
      case 'W' -> zeroPad(out, (x.daysAfterJan01() - x.daysAfterMonday() + 7) / 7, 2);
      case 'V' -> zeroPad(out, isoWeekThursday(x).daysAfterJan01() / 7 + 1, 2);
      case 'Y' -> zeroPad(out, x.year, 4);
      case '%' -> out.append('%');
      default -> {
        return false;
      }
    }
    return true;
  }

  /** The Thursday of the ISO week (Monday to Sunday) that holds {@code x}, fields current. */
  private static DateTime isoWeekThursday(DateTime x) {
    DateTime y = x.copy();
    y.jd += (3 - x.daysAfterMonday()) * DateTime.MS_PER_DAY;
    y.validYMD = false;
    y.computeYMD();
    return y;
  }

  private static int twelveHour(int h) {
    if (h > 12) {
      h -= 12;
    }
    return h == 0 ? 12 : h;
  }

  private static void appendUnixTime(DateTime x, StringBuilder out) {
    if (x.useSubsec) {
      out.append(fixed((x.jd - DateTime.UNIX_EPOCH_JD) / 1000.0, 3, 0));
    } else {
      out.append(x.jd / 1000 - DateTime.UNIX_EPOCH_JD / 1000);
    }
  }

  /** C's {@code %0Nd}: zeros between the sign and the digits up to {@code width} characters. */
  static StringBuilder zeroPad(StringBuilder out, int v, int width) {
    String digits = Integer.toString(Math.abs(v));
    int len = digits.length() + (v < 0 ? 1 : 0);
    if (v < 0) {
      out.append('-');
    }
    for (int k = len; k < width; k++) {
      out.append('0');
    }
    return out.append(digits);
  }

  /** C's {@code %Nd}: spaces before the number up to {@code width} characters. */
  static StringBuilder spacePad(StringBuilder out, int v, int width) {
    String text = Integer.toString(v);
    for (int k = text.length(); k < width; k++) {
      out.append(' ');
    }
    return out.append(text);
  }

  /**
   * C's {@code %0W.Pf}: {@code d} rounded half away from zero to {@code decimals} places,
   * zero-padded after any sign to {@code width} characters.
   */
  static String fixed(double d, int decimals, int width) {
    BigDecimal rounded = new BigDecimal(d).setScale(decimals, RoundingMode.HALF_UP);
    String text = rounded.abs().toPlainString();
    boolean negative = rounded.signum() < 0 || (rounded.signum() == 0 && d < 0);
    StringBuilder sb = new StringBuilder(width + 2);
    if (negative) {
      sb.append('-');
    }
    for (int k = text.length() + sb.length(); k < width; k++) {
      sb.append('0');
    }
    return sb.append(text).toString();
  }

  /** C's {@code %.16g}: sixteen significant digits, trailing zeros dropped. */
  static String generalFormat16(double d) {
    if (d == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(d).round(new MathContext(16, RoundingMode.HALF_UP));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      return rounded.stripTrailingZeros().toPlainString();
    }
    String digits = rounded.unscaledValue().abs().toString().replaceFirst("0+$", "");
    StringBuilder sb = new StringBuilder();
    if (rounded.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append(exponent < 0 ? "e-" : "e+");
    int e = Math.abs(exponent);
    return sb.append(e < 10 ? "0" : "").append(e).toString();
  }
}
