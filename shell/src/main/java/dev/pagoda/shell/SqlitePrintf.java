package dev.pagoda.shell;

/**
 * sqlite3 3.40's {@code %!.Ng} conversion, the one its shell prints REALs with: {@code %!.15g} for
 * a value's text ({@code sqlite3_column_text}), {@code %!.20g} in the quote, insert and json modes.
 *
 * <p>This follows {@code sqlite3_str_vappendf} (etGENERIC with the {@code !} flag) step by step:
 * the value is scaled into [1, 10) and its digits are taken one by one in {@code long double}
 * ({@link LongDouble}), at most 26 significant digits; trailing zeros are dropped but a {@code .0}
 * stays; the exponent form ({@code 1.0e+100}, {@code 1.5e-07}) is used when the decimal exponent
 * is below -4 or above N-1. Doing the arithmetic in 64-bit-mantissa precision is what makes the
 * 17th to 20th digits agree with sqlite3 ({@code 0.1+0.2} is {@code 0.3000000000000000444}).
 */
final class SqlitePrintf {
  /** {@code arRound[]}: 0.5, 0.05, ... 5e-10, double constants as in printf.c. */
  private static final double[] ROUND = {5.0e-1, 5.0e-2, 5.0e-3, 5.0e-4, 5.0e-5, 5.0e-6, 5.0e-7,
      5.0e-8, 5.0e-9, 5.0e-10};

  private SqlitePrintf() {}

  /** {@code value} formatted as sqlite3's {@code %!.<precision>g} formats it. */
  static String generic(double value, int precision) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    String prefix = value < 0 ? "-" : "";
    if (Double.isInfinite(value)) {
      return prefix + "Inf";
    }
    LongDouble real = LongDouble.of(Math.abs(value));
    if (precision > 0) {
      precision--;
    }
    int idx = precision & 0xfff;
    LongDouble rounder = LongDouble.of(ROUND[idx % 10]);
    for (; idx >= 10; idx -= 10) {
      rounder = rounder.times(1.0e-10);
    }
    int exp = 0;
    if (!real.isZero()) {
      LongDouble scale = LongDouble.of(1.0);
      while (real.atLeast(scale.times(1e100)) && exp <= 350) {
        scale = scale.times(1e100);
        exp += 100;
      }
      while (real.atLeast(scale.times(1e10)) && exp <= 350) {
        scale = scale.times(1e10);
        exp += 10;
      }
      while (real.atLeast(scale.times(10.0)) && exp <= 350) {
        scale = scale.times(10.0);
        exp++;
      }
      real = real.dividedBy(scale);
      while (real.below(1e-8)) {
        real = real.times(1e8);
        exp -= 8;
      }
      while (real.below(1.0)) {
        real = real.times(10.0);
        exp--;
      }
      if (exp > 350) {
        return prefix + "Inf";
      }
    }
    real = real.plus(rounder);
    if (real.atLeast(10.0)) {
      real = real.times(0.1);
      exp++;
    }
    return digits(prefix, real, exp, precision);
  }

  /** The digits of {@code real} (in [1, 10), or 0) times 10^exp, fixed or exponent form. */
  private static String digits(String prefix, LongDouble real, int exp, int precision) {
    boolean exponential = exp < -4 || exp > precision;
    if (!exponential) {
      precision -= exp;
    }
    int e2 = exponential ? 0 : exp;
    Digits digits = new Digits(real);
    StringBuilder out = new StringBuilder(32).append(prefix);
    if (e2 < 0) {
      out.append('0');
    } else {
      for (; e2 >= 0; e2--) {
        out.append(digits.next());
      }
    }
    out.append('.');
    for (e2++; e2 < 0; precision--, e2++) {
      out.append('0');
    }
    while (precision-- > 0) {
      out.append(digits.next());
    }
    int end = out.length();
    while (out.charAt(end - 1) == '0') {
      end--;
    }
    out.setLength(end);
    if (out.charAt(end - 1) == '.') {
      out.append('0');
    }
    if (exponential) {
      out.append('e').append(exp < 0 ? '-' : '+');
      int e = Math.abs(exp);
      if (e >= 100) {
        out.append((char) ('0' + e / 100));
        e %= 100;
      }
      out.append((char) ('0' + e / 10)).append((char) ('0' + e % 10));
    }
    return out.toString();
  }

  /** {@code et_getdigit}: the next digit, at most 26 significant ones, then zeros. */
  private static final class Digits {
    private LongDouble value;
    private int left = 26;

    Digits(LongDouble value) {
      this.value = value;
    }

    char next() {
      if (left <= 0) {
        return '0';
      }
      left--;
      int digit = value.intPart();
      value = value.minus(LongDouble.of(digit)).times(10.0);
      return (char) ('0' + digit);
    }
  }
}
