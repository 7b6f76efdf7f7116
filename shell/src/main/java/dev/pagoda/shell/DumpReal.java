package dev.pagoda.shell;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A REAL value as sqlite3 3.40's {@code .dump} writes it: {@code N.0} for an integral value, {@code
 * 1e999}/{@code -1e999} for the infinities, else SQLite 3.40's {@code printf("%!.20g")}.
 *
 * <p>Why this is not {@code String.format}: SQLite 3.40 makes the digits of {@code %g} in x87
 * 80-bit {@code long double} arithmetic (normalise by powers of ten, add a rounder, then peel one
 * digit at a time by {@code (v - digit) * 10}), so beyond the 17th significant digit its output is
 * neither the exact decimal expansion nor Java's shortest repr ({@code 0.1} dumps as {@code
 * 0.10000000000000000555}, {@code 123456789012.5} as {@code 123456789012.49999999}). This class
 * replays that algorithm step by step, each step rounded to a 64-bit mantissa (round half to even,
 * as the x87 does), over exact {@link BigDecimal}s. Only {@code .dump} needs it, so it stays here
 * rather than in the engine's printf (which follows current SQLite).
 */
final class DumpReal {
  private DumpReal() {}

  /** Significant digits printed: {@code %.20g}. */
  private static final int PRECISION = 20;

  /** Digits {@code et_getdigit} produces before it pads with zeros: 16 + 10 with the ! flag. */
  private static final int SIGNIFICANT_DIGITS = 26;

  private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private static final BigDecimal TEN = BigDecimal.TEN;
  private static final BigDecimal E100 = new BigDecimal(1e100);
  private static final BigDecimal E10 = new BigDecimal(1e10);
  private static final BigDecimal E8 = new BigDecimal(1e8);
  private static final BigDecimal E_MINUS_8 = new BigDecimal(1e-8);
  private static final BigDecimal ONE_TENTH = new BigDecimal(0.1);
  /** {@code arRound[9] * 1.0e-10}: the rounder for precision 19, both double constants. */
  private static final BigDecimal ROUNDER =
      round(new BigDecimal(5.0e-10).multiply(new BigDecimal(1.0e-10)));

  /** {@code r} as sqlite3 3.40's {@code .dump} (insert mode) writes a REAL. */
  static String format(double r) {
    if (r == Double.POSITIVE_INFINITY) {
      return "1e999";
    }
    if (r == Double.NEGATIVE_INFINITY) {
      return "-1e999";
    }
    // C's (sqlite3_int64)r: x86 gives INT64_MIN for values out of range (and NaN).
    long ir = r >= -0x1p63 && r < 0x1p63 ? (long) r : Long.MIN_VALUE;
    if (r == (double) ir) {
      return ir + ".0";
    }
    return printfG(r);
  }

  /** SQLite 3.40's {@code %!.20g} of a finite, non-integral {@code r}. */
  static String printfG(double r) {
    if (Double.isNaN(r)) {
      return "NaN";
    }
    StringBuilder b = new StringBuilder(32);
    if (r < 0) {
      b.append('-');
      r = -r;
    }
    BigDecimal v = new BigDecimal(r);
    int exp = 0;
    if (v.signum() > 0) {
      BigDecimal scale = BigDecimal.ONE;
      while (v.compareTo(round(E100.multiply(scale))) >= 0 && exp <= 350) {
        scale = round(scale.multiply(E100));
        exp += 100;
      }
      while (v.compareTo(round(E10.multiply(scale))) >= 0 && exp <= 350) {
        scale = round(scale.multiply(E10));
        exp += 10;
      }
      while (v.compareTo(round(TEN.multiply(scale))) >= 0 && exp <= 350) {
        scale = round(scale.multiply(TEN));
        exp++;
      }
      v = divide(v, scale);
      while (v.compareTo(E_MINUS_8) < 0) {
        v = round(v.multiply(E8));
        exp -= 8;
      }
      while (v.compareTo(BigDecimal.ONE) < 0) {
        v = round(v.multiply(TEN));
        exp--;
      }
    }
    v = round(v.add(ROUNDER));
    if (v.compareTo(TEN) >= 0) {
      v = round(v.multiply(ONE_TENTH));
      exp++;
    }
    int precision = PRECISION - 1;
    boolean exponential = exp < -4 || exp > precision;
    if (!exponential) {
      precision -= exp;
    }
    digits(b, v, exponential ? 0 : exp, precision);
    if (exponential) {
      exponent(b, exp);
    }
    return b.toString();
  }

  /** The digits, the point, and the fraction without its trailing zeros (but one kept). */
  private static void digits(StringBuilder b, BigDecimal value, int e2, int precision) {
    BigDecimal[] v = {value};
    int[] left = {SIGNIFICANT_DIGITS};
    if (e2 < 0) {
      b.append('0');
    } else {
      for (; e2 >= 0; e2--) {
        b.append(digit(v, left));
      }
    }
    b.append('.');
    for (e2++; e2 < 0; precision--, e2++) {
      b.append('0');
    }
    while (precision-- > 0) {
      b.append(digit(v, left));
    }
    while (b.charAt(b.length() - 1) == '0') {
      b.setLength(b.length() - 1);
    }
    if (b.charAt(b.length() - 1) == '.') {
      b.append('0');
    }
  }

  /** SQLite's {@code et_getdigit}: the integer part, then {@code (v - digit) * 10}. */
  private static char digit(BigDecimal[] v, int[] left) {
    if (left[0] <= 0) {
      return '0';
    }
    left[0]--;
    int digit = v[0].intValue();
    v[0] = round(round(v[0].subtract(BigDecimal.valueOf(digit))).multiply(TEN));
    return (char) ('0' + digit);
  }

  private static void exponent(StringBuilder b, int exp) {
    b.append('e').append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp >= 100) {
      b.append((char) ('0' + exp / 100));
      exp %= 100;
    }
    b.append((char) ('0' + exp / 10)).append((char) ('0' + exp % 10));
  }

  /** {@code a / b} rounded to a {@code long double}. */
  private static BigDecimal divide(BigDecimal a, BigDecimal b) {
    return round(a.unscaledValue(), a.scale(), b.unscaledValue(), b.scale());
  }

  /** {@code x} (not negative) rounded to 64 significant bits, ties to even, as the x87 rounds. */
  static BigDecimal round(BigDecimal x) {
    return round(x.unscaledValue(), x.scale(), BigInteger.ONE, 0);
  }

  /**
   * {@code (an * 10^-as) / (bn * 10^-bs)} rounded to 64 significant bits: found as the integer
   * {@code q} in {@code [2^63, 2^64)} with the value {@code q * 2^-k}.
   */
  private static BigDecimal round(BigInteger an, int as, BigInteger bn, int bs) {
    if (an.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigInteger num = an;
    BigInteger den = bn;
    int s = as - bs; // value = num / den * 10^-s
    if (s > 0) {
      den = den.multiply(BigInteger.TEN.pow(s));
    } else if (s < 0) {
      num = num.multiply(BigInteger.TEN.pow(-s));
    }
    int k = 64 - (num.bitLength() - den.bitLength());
    BigInteger[] qr = scaledDivide(num, den, k);
    while (qr[0].compareTo(TWO_64) >= 0) {
      k--;
      qr = scaledDivide(num, den, k);
    }
    while (qr[0].compareTo(TWO_63) < 0) {
      k++;
      qr = scaledDivide(num, den, k);
    }
    BigInteger q = qr[0];
    BigInteger divisor = k >= 0 ? den : den.shiftLeft(-k);
    int half = qr[1].shiftLeft(1).compareTo(divisor);
    if (half > 0 || (half == 0 && q.testBit(0))) {
      q = q.add(BigInteger.ONE);
      if (q.equals(TWO_64)) {
        q = TWO_63;
        k--;
      }
    }
    return k >= 0
        ? new BigDecimal(q.multiply(BigInteger.valueOf(5).pow(k)), k)
        : new BigDecimal(q.shiftLeft(-k));
  }

  /** {@code floor(num * 2^k / den)} and the remainder (over {@code den * 2^max(0,-k)}). */
  private static BigInteger[] scaledDivide(BigInteger num, BigInteger den, int k) {
    return k >= 0 ? num.shiftLeft(k).divideAndRemainder(den) : num.divideAndRemainder(den.shiftLeft(-k));
  }
}
