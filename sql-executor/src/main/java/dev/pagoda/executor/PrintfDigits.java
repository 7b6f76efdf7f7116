package dev.pagoda.executor;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The decimal digits printf() prints for a double, as SQLite's {@code sqlite3FpDecode} makes them:
 * the value times the power of ten that brings its binary magnitude 2^floor(log2 x) into [1e17,
 * 1e18), rounded to an integer (18 or 19 significant digits; digits beyond print as zeros), then
 * rounded half up on that digit string to the requested place, at most {@code maxDigits}
 * significant digits (16, or 26 with {@code !}), trailing zeros dropped.
 */
final class PrintfDigits {
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
    // The scale comes from the binary exponent: 2^exponent * 10^scale lies in [1e17, 1e18).
    int lead = leadingDecimalExponent(binaryExponent(Math.abs(r)));
    int scale = 17 - lead;
    StringBuilder z = new StringBuilder(
        x.movePointRight(scale).setScale(0, RoundingMode.HALF_UP).toPlainString());
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

  /** floor(log2(d)) of a positive finite double, subnormals included. */
  private static int binaryExponent(double d) {
    int e = Math.getExponent(d);
    if (e >= Double.MIN_EXPONENT) {
      return e;
    }
    long mantissa = Double.doubleToRawLongBits(d) & 0x000fffffffffffffL;
    return (63 - Long.numberOfLeadingZeros(mantissa)) - 1074;
  }

  /** floor(log10(2^e)), exact for every double's exponent (checked over -1080..1030). */
  private static int leadingDecimalExponent(int e) {
    return (e * 78913) >> 18;
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
