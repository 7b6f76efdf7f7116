package dev.pagoda.executor;

import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** The numeric built-ins: abs, sign and round, with SQLite's conversions and rounding. */
final class NumericFunctions {
  private NumericFunctions() {}

  /** 2^52: from here on every double is an integer and round() leaves it alone. */
  private static final double INTEGRAL = 4503599627370496.0;
  /** round() rounds to at most this many decimal places. */
  private static final int MAX_DIGITS = 30;
  /** SQLite's printf, which round() goes through, keeps this many significant digits. */
  private static final MathContext SIGNIFICANT = new MathContext(26, RoundingMode.HALF_UP);

  static List<ScalarFunction> all() {
    return List.of(
        Builtin.of("abs", 1, 1, a -> abs(a[0])),
        Builtin.of("sign", 1, 1, a -> sign(a[0])),
        Builtin.of("round", 1, 2, NumericFunctions::round));
  }

  /** abs(): integers stay integers (abs of the smallest is an error), anything else is REAL. */
  static Value abs(Value v) {
    if (v instanceof Value.Int i) {
      if (i.value() == Long.MIN_VALUE) {
        throw SqlException.error("integer overflow");
      }
      return i.value() < 0 ? Value.of(-i.value()) : v;
    }
    if (v.isNull()) {
      return v;
    }
    return Value.of(Math.abs(Values.toDouble(v)));
  }

  /** sign(): -1, 0 or 1 for a number or numeric text; NULL for anything else. */
  static Value sign(Value v) {
    Value n = v;
    if (v instanceof Value.Text t) {
      n = Conversions.parseNumber(t.value());
      if (n == null) {
        return Value.NULL;
      }
    }
    if (n instanceof Value.Int i) {
      return Value.of((long) Long.signum(i.value()));
    }
    if (n instanceof Value.Real r) {
      double d = r.value();
      return Value.of(d > 0 ? 1L : d < 0 ? -1L : 0L);
    }
    return Value.NULL;
  }

  private static Value round(Value[] a) {
    if (a[0].isNull() || (a.length > 1 && a[1].isNull())) {
      return Value.NULL;
    }
    long digits = a.length > 1 ? Values.toLong(a[1]) : 0;
    return Value.of(round(Values.toDouble(a[0]), (int) Math.max(0, Math.min(MAX_DIGITS, digits))));
  }

  /**
   * SQLite's round(): halves away from zero. With no decimals it adds one half and truncates in
   * double arithmetic (so 0.49999999999999994 rounds to 1.0, as in SQLite); with decimals it
   * rounds the exact decimal value of the double, as SQLite's printf does.
   */
  static double round(double x, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x) || x <= -INTEGRAL || x >= INTEGRAL) {
      return x;
    }
    if (digits == 0) {
      return (double) (long) (x + (x < 0 ? -0.5 : 0.5));
    }
    BigDecimal exact = new BigDecimal(x);
    return exact.round(SIGNIFICANT).setScale(digits, RoundingMode.HALF_UP).doubleValue();
  }
}
