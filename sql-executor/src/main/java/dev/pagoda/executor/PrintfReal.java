package dev.pagoda.executor;

/**
 * printf()'s floating-point conversions {@code %f %e %E %g %G}, laid out as SQLite's
 * {@code sqlite3_str_vappendf} lays them out over the digits of {@link PrintfDigits}.
 */
final class PrintfReal {
  private PrintfReal() {}

  /** SQLite's SQLITE_FP_PRECISION_LIMIT: a larger float precision counts as this. */
  private static final int PRECISION_LIMIT = 100_000_000;

  /** The conversion of {@code r} under {@code s}, zero padding included, width padding not. */
  static String format(double r, char type, Printf.Spec s) {
    int precision = s.precision < 0 ? 6 : Math.min(s.precision, PRECISION_LIMIT);
    boolean general = type == 'g' || type == 'G';
    if (general && precision == 0) {
      precision = 1;
    }
    int round = type == 'f' ? -precision : general ? precision : precision + 1;
    PrintfDigits d;
    if (Double.isInfinite(r)) {
      if (!s.zero) {
        return (r < 0 ? "-" : s.prefix != 0 ? String.valueOf(s.prefix) : "") + "Inf";
      }
      d = PrintfDigits.infinity(r < 0); // SQLite prints 9e999 for an infinity with the 0 flag
    } else {
      d = PrintfDigits.decode(r, round, s.alt2 ? 26 : 16);
    }
    char prefix = d.negative ? '-' : s.prefix;
    int exp = d.point - 1;
    boolean exponential = type == 'e' || type == 'E';
    boolean trimZeros = s.alt2;
    if (general) {
      precision--;
      trimZeros = !s.alt;
      if (exp < -4 || exp > precision) {
        exponential = true;
      } else {
        precision -= exp;
      }
    }
    Printf.checkLength((long) Math.max(exp, 0) + precision + s.width + 15);
    StringBuilder b = layout(d, prefix, exponential, precision, trimZeros, type, s);
    if (s.zero && !s.left && b.length() < s.width) {
      b.insert(prefix != 0 ? 1 : 0, "0".repeat(s.width - b.length()));
    }
    return b.toString();
  }

  /**
   * Sign, integer digits (with separators), point, fraction digits and exponent, as SQLite lays
   * them out: {@code precision} digits after the point, trailing zeros dropped when asked.
   */
  private static StringBuilder layout(PrintfDigits d, char prefix, boolean exponential,
      int precision, boolean trimZeros, char type, Printf.Spec s) {
    StringBuilder b = new StringBuilder();
    if (prefix != 0) {
      b.append(prefix);
    }
    boolean point = precision > 0 || s.alt || s.alt2;
    int e2 = exponential ? 0 : d.point - 1;
    int j = 0;
    if (e2 < 0) {
      b.append('0');
    } else {
      for (; e2 >= 0; e2--) {
        b.append(d.digit(j++));
        if (s.comma && e2 % 3 == 0 && e2 > 1) {
          b.append(',');
        }
      }
    }
    if (point) {
      b.append('.');
    }
    for (e2++; e2 < 0 && precision > 0; precision--, e2++) {
      b.append('0');
    }
    while (precision-- > 0) {
      b.append(d.digit(j++));
    }
    if (trimZeros && point) {
      trimZeros(b, s.alt2);
    }
    if (exponential) {
      appendExponent(b, d.point - 1, type == 'E' || type == 'G');
    }
    return b;
  }

  /** Drops trailing zeros and then a bare point (keeping "x.0" with the ! flag). */
  private static void trimZeros(StringBuilder b, boolean keepOneZero) {
    int n = b.length();
    while (b.charAt(n - 1) == '0') {
      n--;
    }
    b.setLength(n);
    if (b.charAt(n - 1) == '.') {
      if (keepOneZero) {
        b.append('0');
      } else {
        b.setLength(n - 1);
      }
    }
  }

  private static void appendExponent(StringBuilder b, int exp, boolean upper) {
    b.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
    int e = Math.abs(exp);
    if (e >= 100) {
      b.append((char) ('0' + e / 100));
      e %= 100;
    }
    b.append((char) ('0' + e / 10)).append((char) ('0' + e % 10));
  }
}
