package dev.pagoda.executor;

import dev.pagoda.spi.Value;

/**
 * SQLite's arithmetic on values already converted to numbers: integer operations that overflow
 * become REAL, integer division truncates, division or remainder by zero is NULL.
 */
final class Arithmetic {
  private Arithmetic() {}

  static Value add(Value a, Value b) {
    if (a instanceof Value.Int x && b instanceof Value.Int y) {
      long r = x.value() + y.value();
      if (((x.value() ^ r) & (y.value() ^ r)) < 0) {
        return real((double) x.value() + (double) y.value());
      }
      return Value.of(r);
    }
    return real(Values.toDouble(a) + Values.toDouble(b));
  }

  static Value subtract(Value a, Value b) {
    if (a instanceof Value.Int x && b instanceof Value.Int y) {
      long r = x.value() - y.value();
      if (((x.value() ^ y.value()) & (x.value() ^ r)) < 0) {
        return real((double) x.value() - (double) y.value());
      }
      return Value.of(r);
    }
    return real(Values.toDouble(a) - Values.toDouble(b));
  }

  static Value multiply(Value a, Value b) {
    if (a instanceof Value.Int x && b instanceof Value.Int y) {
      long hi = Math.multiplyHigh(x.value(), y.value());
      long lo = x.value() * y.value();
      if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
        return Value.of(lo);
      }
      return real((double) x.value() * (double) y.value());
    }
    return real(Values.toDouble(a) * Values.toDouble(b));
  }

  static Value divide(Value a, Value b) {
    if (a instanceof Value.Int x && b instanceof Value.Int y) {
      if (y.value() == 0) {
        return Value.NULL;
      }
      if (x.value() == Long.MIN_VALUE && y.value() == -1) {
        return real(-(double) Long.MIN_VALUE);
      }
      return Value.of(x.value() / y.value());
    }
    double divisor = Values.toDouble(b);
    if (divisor == 0.0) {
      return Value.NULL;
    }
    return real(Values.toDouble(a) / divisor);
  }

  /** {@code a % b} of two numbers. */
  static Value remainder(Value a, Value b) {
    return remainder(a, b, Values.toLong(a), Values.toLong(b));
  }

  /**
   * {@code a % b} of two numbers whose integer values (as sqlite3VdbeIntValue reads the original
   * operands) are {@code x} and {@code y}: an INTEGER when both numbers are, else a REAL.
   */
  static Value remainder(Value a, Value b, long x, long y) {
    boolean bothInt = a instanceof Value.Int && b instanceof Value.Int;
    if (y == 0) {
      return Value.NULL;
    }
    long r = y == -1 ? 0 : x % y;
    return bothInt ? Value.of(r) : Value.of((double) r);
  }

  /** A REAL result; NaN (from infinity minus infinity, say) is NULL in SQLite. */
  private static Value real(double d) {
    return Double.isNaN(d) ? Value.NULL : Value.of(d);
  }

  static Value negate(Value a) {
    if (a instanceof Value.Int x) {
      return x.value() == Long.MIN_VALUE ? Value.of(-(double) Long.MIN_VALUE) : Value.of(-x.value());
    }
    // SQLite computes -x (x not a literal) as 0 - x: -(0.0) and -(-0.0) are 0.0, not -0.0.
    return Value.of(0.0 - Values.toDouble(a));
  }

  static Value shift(long x, long by) {
    if (by < 0) {
      return shiftRight(x, by == Long.MIN_VALUE ? 64 : -by);
    }
    return by >= 64 ? Value.of(0L) : Value.of(x << by);
  }

  static Value shiftRight(long x, long by) {
    if (by < 0) {
      return shift(x, by == Long.MIN_VALUE ? 64 : -by);
    }
    if (by >= 64) {
      return Value.of(x < 0 ? -1L : 0L);
    }
    return Value.of(x >> by);
  }
}
