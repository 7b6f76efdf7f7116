package dev.pagoda.executor.math;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * SQLite's math functions (lang_mathfunc.html): {@code acos} ... {@code trunc}, {@code pi()},
 * {@code log} with one argument (base 10) or two ({@code log(B, X)}), {@code mod}, {@code pow}.
 *
 * <p>As in SQLite, an argument counts as a number when it is an INTEGER, a REAL, or a TEXT that
 * is wholly a number (surrounding spaces allowed, as numeric affinity reads it); anything else,
 * NULL and every BLOB included, gives NULL. A result that is not a number (a domain error such as
 * {@code sqrt(-1)} or {@code acos(2)}) is NULL; infinities stay infinities. {@code ceil}, {@code
 * floor} and {@code trunc} return an INTEGER argument unchanged and a REAL otherwise. {@code
 * ln}, {@code log} and friends give NULL for arguments at or below zero, and {@code log(B, X)}
 * for a base whose logarithm is at or below zero (B <= 1).
 *
 * <p>Quirk kept from SQLite: in {@code log(B, X)} only B is checked for being a number; X is read
 * as {@code sqlite3_value_double} reads it (a TEXT or BLOB by its numeric prefix, NULL as 0), so
 * {@code log(2, '8abc')} is 3.0 and {@code log(2, NULL)} is NULL only because 0 is not positive.
 *
 * <p>Deliberate difference: SQLite hands the transcendental functions to the platform's C library,
 * whose last bits differ between platforms; Pagoda uses {@link Math} (and {@link StrictMath} for
 * log10, and the formulas in {@link Hyperbolic}), which agree with glibc's results bit for bit on
 * most arguments and within one unit in the last place (two for sinh) on the rest. ceil, floor,
 * trunc, sqrt, ln, degrees, radians, mod, asinh, acosh and pi match exactly.
 */
public final class MathFunctions implements FunctionProvider {
  private static final Set<FunctionFlag> FLAGS =
      Set.of(FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS);
  private static final double LN2 = 0.6931471805599453;
  private static final double SQRT2 = 1.4142135623730951;
  /** 1/ln 2 as a double-double: the nearest double and the rest. */
  private static final double INV_LN2_HI = 1.4426950408889634;
  private static final double INV_LN2_LO = 2.0355273740931033e-17;

  private final List<ScalarFunction> functions = build();

  /** The provider, for {@link java.util.ServiceLoader}. */
  public MathFunctions() {}

  @Override
  public String providerName() {
    return "pagoda-math";
  }

  @Override
  public List<ScalarFunction> scalarFunctions() {
    return functions;
  }

  private static List<ScalarFunction> build() {
    List<ScalarFunction> out = new ArrayList<>();
    unary(out, "acos", Math::acos);
    unary(out, "acosh", Hyperbolic::acosh);
    unary(out, "asin", Math::asin);
    unary(out, "asinh", Hyperbolic::asinh);
    unary(out, "atan", Math::atan);
    unary(out, "atanh", Hyperbolic::atanh);
    unary(out, "cos", Math::cos);
    unary(out, "cosh", Hyperbolic::cosh);
    unary(out, "exp", Math::exp);
    unary(out, "sin", Math::sin);
    unary(out, "sinh", Hyperbolic::sinh);
    unary(out, "sqrt", Math::sqrt);
    unary(out, "tan", Math::tan);
    unary(out, "tanh", Math::tanh);
    unary(out, "degrees", x -> x * (180.0 / Math.PI));
    unary(out, "radians", x -> x * (Math.PI / 180.0));
    binary(out, "atan2", Math::atan2);
    binary(out, "mod", (x, y) -> x % y); // Java's % on doubles is C's fmod
    binary(out, "pow", MathFunctions::pow);
    binary(out, "power", MathFunctions::pow);
    rounding(out, "ceil", Math::ceil);
    rounding(out, "ceiling", Math::ceil);
    rounding(out, "floor", Math::floor);
    rounding(out, "trunc", x -> x < 0 ? Math.ceil(x) : Math.floor(x));
    logarithm(out, "ln", Math::log);
    logarithm(out, "log10", StrictMath::log10);
    logarithm(out, "log2", MathFunctions::log2);
    out.add(ScalarFunction.of("log", Arity.range(1, 2), FLAGS, (ctx, args) -> log(args)));
    out.add(ScalarFunction.of("pi", Arity.exactly(0), FLAGS, (ctx, args) -> Value.of(Math.PI)));
    return List.copyOf(out);
  }

  private static void unary(List<ScalarFunction> out, String name, DoubleUnaryOperator f) {
    out.add(ScalarFunction.of(name, Arity.exactly(1), FLAGS, (ctx, args) -> {
      double x = number(args, 0);
      return Double.isNaN(x) ? Value.NULL : real(f.applyAsDouble(x));
    }));
  }

  private static void binary(List<ScalarFunction> out, String name, DoubleBinaryOperator f) {
    out.add(ScalarFunction.of(name, Arity.exactly(2), FLAGS, (ctx, args) -> {
      double x = number(args, 0);
      if (Double.isNaN(x)) {
        return Value.NULL;
      }
      double y = number(args, 1);
      return Double.isNaN(y) ? Value.NULL : real(f.applyAsDouble(x, y));
    }));
  }

  /** ceil, floor, trunc: an INTEGER (or integer text) comes back as it is, a REAL is rounded. */
  private static void rounding(List<ScalarFunction> out, String name, DoubleUnaryOperator f) {
    out.add(ScalarFunction.of(name, Arity.exactly(1), FLAGS, (ctx, args) -> {
      Value v = numericValue(args.get(0));
      if (v instanceof Value.Int) {
        return v;
      }
      return v instanceof Value.Real r ? real(f.applyAsDouble(r.value())) : Value.NULL;
    }));
  }

  /** ln, log10, log2: NULL for a non-number or an argument at or below zero. */
  private static void logarithm(List<ScalarFunction> out, String name, DoubleUnaryOperator f) {
    out.add(ScalarFunction.of(name, Arity.exactly(1), FLAGS, (ctx, args) -> {
      double x = number(args, 0);
      return Double.isNaN(x) || x <= 0.0 ? Value.NULL : real(f.applyAsDouble(x));
    }));
  }

  /** log(X) is base 10; log(B, X) is ln(X) / ln(B). See the class comment for the quirk. */
  private static Value log(Arguments args) {
    double first = number(args, 0);
    if (Double.isNaN(first) || first <= 0.0) {
      return Value.NULL;
    }
    if (args.size() == 1) {
      return real(StrictMath.log10(first));
    }
    double base = Math.log(first);
    if (base <= 0.0) {
      return Value.NULL;
    }
    double x = args.getDouble(1);
    if (x <= 0.0) {
      return Value.NULL;
    }
    return real(Math.log(x) / base);
  }

  /**
   * C's pow: unlike Java's, one to any power and minus one to an infinite power are 1 (the other
   * special cases agree).
   */
  static double pow(double x, double y) {
    if (x == 1.0 || (x == -1.0 && Double.isInfinite(y))) {
      return 1.0;
    }
    return Math.pow(x, y);
  }

  /**
   * Base-2 logarithm as e + log2(m) for x = m * 2^e with m near 1, the product by 1/ln 2 carried
   * in double-double: exact for powers of two, and agrees with glibc's log2 in most cases.
   */
  static double log2(double x) {
    int e = Math.getExponent(x);
    if (!(x > 0) || Double.isInfinite(x) || e < Double.MIN_EXPONENT) {
      return Math.log(x) / LN2; // NaN, infinities, subnormals: no finer answer needed
    }
    double m = Math.scalb(x, -e); // in [1, 2)
    if (m > SQRT2) {
      m /= 2;
      e++;
    }
    double l = Math.log(m);
    double hi = l * INV_LN2_HI;
    double lo = Math.fma(l, INV_LN2_HI, -hi) + l * INV_LN2_LO;
    double sum = e + hi;
    double err = (e - sum) + hi;
    return sum + (err + lo);
  }

  /**
   * Argument {@code i} as a double when it is a number as {@code sqlite3_value_numeric_type}
   * sees it (INTEGER, REAL, or TEXT that is wholly numeric), else NaN, which no SQL value is.
   */
  static double number(Arguments args, int i) {
    switch (args.type(i)) {
      case INTEGER:
      case REAL:
        return args.getDouble(i);
      case TEXT:
        Value n = Conversions.parseNumber(args.getText(i));
        return n == null ? Double.NaN : Conversions.toDouble(n);
      default:
        return Double.NaN;
    }
  }

  /** The value as a number per numeric affinity (INTEGER or REAL), or null when it is not one. */
  static Value numericValue(Value v) {
    if (v instanceof Value.Int || v instanceof Value.Real) {
      return v;
    }
    return v instanceof Value.Text t ? Conversions.parseNumber(t.value()) : null;
  }

  /** A REAL result; NaN, which SQLite cannot store, becomes NULL. */
  static Value real(double d) {
    return Double.isNaN(d) ? Value.NULL : Value.of(d);
  }
}
