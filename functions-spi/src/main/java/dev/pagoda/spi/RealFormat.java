package dev.pagoda.spi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a REAL as SQLite (3.4x and later) renders it as text: fifteen significant digits when
 * they read back as the same double, else seventeen; trailing zeros dropped but always a decimal
 * point ({@code 100.0}, {@code 1.0e+20}); plain notation for decimal exponents from -4 to 16,
 * scientific beyond. Infinities read {@code Inf} and {@code -Inf}.
 *
 * <p>Known difference: for values that need seventeen digits, SQLite's own digit generator can
 * be off by one in the last digit (it gives {@code 0.33333333333333332} for 1.0/3, whose exact
 * seventeenth digit is 1); this class gives the correctly rounded digits. Both read back as the
 * same double.
 */
final class RealFormat {
  private RealFormat() {}

  private static final MathContext FIFTEEN = new MathContext(15, RoundingMode.HALF_EVEN);
  private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);
  /** Decimal exponents at or above this are written in scientific notation. */
  private static final int MAX_PLAIN_EXPONENT = 16;

  static String format(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Inf" : "-Inf";
    }
    if (d == 0.0) {
      return "0.0"; // negative zero too, as SQLite renders it
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal rounded = exact.round(FIFTEEN);
    if (rounded.doubleValue() != d) {
      rounded = exact.round(SEVENTEEN);
    }
    // The exponent %g uses: that of the first significant digit after rounding.
    int exponent = rounded.precision() - rounded.scale() - 1;
    BigDecimal stripped = rounded.stripTrailingZeros();
    if (exponent < -4 || exponent > MAX_PLAIN_EXPONENT) {
      return scientific(stripped, exponent);
    }
    String plain = stripped.toPlainString();
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }

  private static String scientific(BigDecimal stripped, int exponent) {
    String digits = stripped.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder();
    if (stripped.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0)).append('.');
    sb.append(digits.length() > 1 ? digits.substring(1) : "0");
    sb.append('e').append(exponent < 0 ? '-' : '+');
    int abs = Math.abs(exponent);
    if (abs < 10) {
      sb.append('0');
    }
    return sb.append(abs).toString();
  }
}
