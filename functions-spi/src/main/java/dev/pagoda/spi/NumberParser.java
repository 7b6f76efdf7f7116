package dev.pagoda.spi;

/**
 * SQLite's text-to-number rules. A numeric text is: optional white space, an optional sign,
 * digits with at most one decimal point (at least one digit in all), an optional exponent, and
 * optional white space. It is an INTEGER when it has neither point nor exponent and fits in 64
 * bits, else a REAL. Hexadecimal text is not a number here.
 */
final class NumberParser {
  private NumberParser() {}

  private static final Value ZERO = Value.of(0L);

  /** The number that the whole of {@code s} spells, or null when it is not a numeric text. */
  static Value parseExact(String s) {
    int end = scan(s);
    if (end < 0) {
      return null;
    }
    int i = end;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i == s.length() ? convert(s, end) : null;
  }

  /** The number that the longest numeric prefix of {@code s} spells; INTEGER 0 when none. */
  static Value parsePrefix(String s) {
    int end = scan(s);
    return end < 0 ? ZERO : convert(s, end);
  }

  /**
   * The integer that the leading digits of {@code s} spell, as {@code sqlite3Atoi64} reads them:
   * white space, an optional sign, then digits only (no point, no exponent); 0 when there are
   * none; saturated at the 64-bit range.
   */
  static long parseIntegerPrefix(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && isSpace(s.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long magnitude = 0; // accumulated as a negative number, which has the larger range
    for (; i < n && isDigit(s.charAt(i)); i++) {
      int d = s.charAt(i) - '0';
      if (magnitude < (Long.MIN_VALUE + d) / 10) {
        return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
      magnitude = magnitude * 10 - d;
    }
    if (negative) {
      return magnitude;
    }
    return magnitude == Long.MIN_VALUE ? Long.MAX_VALUE : -magnitude;
  }

  /**
   * The index just past the longest numeric prefix (after leading white space), or -1 when there
   * is none.
   */
  private static int scan(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && isSpace(s.charAt(i))) {
      i++;
    }
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      int afterPoint = i + 1;
      int j = afterPoint;
      while (j < n && isDigit(s.charAt(j))) {
        j++;
      }
      digits += j - afterPoint;
      if (digits == 0) {
        return -1;
      }
      i = j;
    } else if (digits == 0) {
      return -1;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
        j++;
      }
      int expStart = j;
      while (j < n && isDigit(s.charAt(j))) {
        j++;
      }
      if (j > expStart) {
        i = j;
      }
    }
    return i;
  }

  private static Value convert(String s, int end) {
    String text = s.substring(0, end).strip();
    boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    if (integral) {
      try {
        return Value.of(Long.parseLong(text.startsWith("+") ? text.substring(1) : text));
      } catch (NumberFormatException overflow) {
        // Too large for 64 bits: SQLite makes it a REAL, as below.
      }
    }
    return Value.of(Double.parseDouble(text));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** SQLite's isspace: space, tab, newline, vertical tab, form feed, carriage return. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }
}
