package dev.pagoda.executor;

import java.math.BigDecimal;

/**
 * The decimal digits printf() prints for a double, as SQLite's {@code sqlite3FpDecode} makes them:
 * the value scaled into [9.22e17, 9.22e18] and made an integer as SQLite's double-double
 * arithmetic makes it (18 or 19 significant digits, so digits beyond those print as zeros), then rounded half up on that digit string to
 * the requested place, at most {@code maxDigits} significant digits (16, or 26 with {@code !}),
 * trailing zeros dropped.
 */
final class PrintfDigits {
  /** The lower end of the range SQLite scales into (about 2^63 / 10). */
  private static final BigDecimal LOW = new BigDecimal("922337203685477478");

  /** The significant digits, without trailing zeros ("0" for zero). */
  final String digits;
  /** Where the decimal point goes: the value is 0.digits * 10^point. */
  final int point;
  /** True for a negative value (not for -0.0, which prints as 0). */
  final boolean negative;

  private PrintfDigits(String digits, int point, boolean negative) {
    this.digits = digits;
    this.point = point;
    this.negative = negative;
  }

  /**
   * Decodes finite {@code r}. {@code round} above zero asks for that many significant digits; at
   * or below zero, for {@code -round} digits after the decimal point.
   */
  static PrintfDigits decode(double r, int round, int maxDigits) {
    if (r == 0.0) {
      return new PrintfDigits("0", 1, false);
    }
    boolean negative = r < 0;
    BigDecimal x = new BigDecimal(Math.abs(r));
    int lead = x.precision() - x.scale() - 1; // the exponent of the leading digit
    int scale = 17 - lead;
    BigDecimal scaled = x.movePointRight(scale);
    if (scaled.compareTo(LOW) < 0) {
      scale++;
      scaled = x.movePointRight(scale);
    }
    StringBuilder z = new StringBuilder(integerOf(scaled).toString());
    int point = z.length() - scale;
    int n = z.length();
    if (round <= 0) {
      round = point - round;
      if (round == 0 && z.charAt(0) >= '5') {
        round = 1;
        z.insert(0, '0');
        n++;
        point++;
      }
    }
    if (round > 0 && (round < n || n > maxDigits)) {
      round = Math.min(round, maxDigits);
      boolean up = round < z.length() && z.charAt(round) >= '5';
      n = round;
      z.setLength(n);
      if (up && carry(z)) {
        z.insert(0, '1');
        n++;
        point++;
      }
    }
    while (n > 1 && z.charAt(n - 1) == '0') {
      n--;
    }
    z.setLength(n);
    return new PrintfDigits(z.toString(), point, negative);
  }

  /**
   * The integer SQLite takes from a scaled value it holds as a double-double {@code hi + lo}
   * ({@code hi} the nearest double): {@code hi} plus {@code lo} truncated toward zero, so that a
   * negative {@code lo} rounds the magnitude up ({@code 2^63} gives digits 922337203685477581).
   */
  private static java.math.BigInteger integerOf(BigDecimal scaled) {
    BigDecimal hi = new BigDecimal(scaled.doubleValue());
    BigDecimal lo = scaled.subtract(hi);
    java.math.BigInteger v = hi.toBigInteger();
    return lo.signum() < 0 ? v.subtract(lo.negate().toBigInteger()) : v.add(lo.toBigInteger());
  }

  /** The digits SQLite prints for an infinity under the 0 flag: 9 times 10^999. */
  static PrintfDigits infinity(boolean negative) {
    return new PrintfDigits("9", 1000, negative);
  }

  /** Adds one to the last digit; true when the carry runs out of the first. */
  private static boolean carry(StringBuilder z) {
    for (int j = z.length() - 1; j >= 0; j--) {
      if (z.charAt(j) < '9') {
        z.setCharAt(j, (char) (z.charAt(j) + 1));
        return false;
      }
      z.setCharAt(j, '0');
    }
    return true;
  }

  /** Digit {@code j}, or '0' past the last. */
  char digit(int j) {
    return j < digits.length() ? digits.charAt(j) : '0';
  }
}
