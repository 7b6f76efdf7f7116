package dev.pagoda.shell;

import java.math.BigInteger;

/**
 * An x87 80-bit {@code long double}: a non-negative value {@code m * 2^e} whose mantissa {@code m}
 * has at most 64 significant bits, every operation rounded to nearest-even as the FPU rounds it.
 * sqlite3's printf does its digit generation in {@code long double}, so its last digits (with
 * {@code %!.20g}) are those of this arithmetic, not of the exact decimal expansion; {@link
 * SqlitePrintf} repeats its steps with this type to print the same digits.
 *
 * <p>Only what that code needs: non-negative finite values, {@code + - * /} and comparison.
 */
record LongDouble(BigInteger mantissa, int exponent) implements Comparable<LongDouble> {
  private static final int BITS = 64;
  static final LongDouble ZERO = new LongDouble(BigInteger.ZERO, 0);

  /** The exact value of a finite, non-negative double. */
  static LongDouble of(double d) {
    if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("not a finite non-negative double: " + d);
    }
    if (d == 0) {
      return ZERO;
    }
    long bits = Double.doubleToRawLongBits(d);
    int biased = (int) ((bits >>> 52) & 0x7ff);
    long fraction = bits & ((1L << 52) - 1);
    long m = biased == 0 ? fraction : fraction | (1L << 52);
    int e = biased == 0 ? -1074 : biased - 1075;
    return new LongDouble(BigInteger.valueOf(m), e);
  }

  static LongDouble of(long n) {
    return round(BigInteger.valueOf(n), 0);
  }

  LongDouble times(LongDouble o) {
    return round(mantissa.multiply(o.mantissa), exponent + o.exponent);
  }

  LongDouble times(double d) {
    return times(of(d));
  }

  LongDouble plus(LongDouble o) {
    int e = Math.min(exponent, o.exponent);
    return round(aligned(e).add(o.aligned(e)), e);
  }

  /** {@code this - o}, which must not be negative. */
  LongDouble minus(LongDouble o) {
    int e = Math.min(exponent, o.exponent);
    BigInteger m = aligned(e).subtract(o.aligned(e));
    if (m.signum() < 0) {
      throw new IllegalStateException("negative difference in LongDouble.minus");
    }
    return round(m, e);
  }

  LongDouble dividedBy(LongDouble o) {
    if (mantissa.signum() == 0) {
      return ZERO;
    }
    int shift = Math.max(0, BITS + 3 + o.mantissa.bitLength() - mantissa.bitLength());
    BigInteger[] qr = mantissa.shiftLeft(shift).divideAndRemainder(o.mantissa);
    BigInteger q = qr[0];
    if (qr[1].signum() != 0) {
      q = q.shiftLeft(1).setBit(0); // a sticky bit: the quotient is a little more than q
      shift++;
    }
    return round(q, exponent - o.exponent - shift);
  }

  /** The integer part (truncation toward zero) of a value below 2^31. */
  int intPart() {
    return (exponent >= 0 ? mantissa.shiftLeft(exponent) : mantissa.shiftRight(-exponent))
        .intValueExact();
  }

  boolean isZero() {
    return mantissa.signum() == 0;
  }

  @Override
  public int compareTo(LongDouble o) {
    int e = Math.min(exponent, o.exponent);
    return aligned(e).compareTo(o.aligned(e));
  }

  boolean atLeast(LongDouble o) {
    return compareTo(o) >= 0;
  }

  boolean atLeast(double d) {
    return compareTo(of(d)) >= 0;
  }

  boolean below(double d) {
    return compareTo(of(d)) < 0;
  }

  private BigInteger aligned(int e) {
    return mantissa.shiftLeft(exponent - e);
  }

  /** {@code m * 2^e} rounded to a 64-bit mantissa, ties to even. */
  private static LongDouble round(BigInteger m, int e) {
    int excess = m.bitLength() - BITS;
    if (excess <= 0) {
      return new LongDouble(m, e);
    }
    BigInteger kept = m.shiftRight(excess);
    boolean half = m.testBit(excess - 1);
    boolean rest = m.getLowestSetBit() < excess - 1;
    if (half && (rest || kept.testBit(0))) {
      kept = kept.add(BigInteger.ONE);
    }
    return new LongDouble(kept, e + excess);
  }
}
