package dev.pagoda.executor.math;

/**
 * The hyperbolic functions by the classic formulas the C library uses (full precision near zero,
 * no overflow for large arguments), over {@link Math#exp}, {@link Math#expm1}, {@link Math#log}
 * and {@link Math#log1p}: the inverse ones, which {@link Math} lacks, and sinh and cosh, which
 * {@link Math} computes over a less accurate exp. Results agree with SQLite's (glibc's) bit for
 * bit in the common cases and within an ulp or two otherwise.
 */
final class Hyperbolic {
  private Hyperbolic() {}

  private static final double LN2 = 0.6931471805599453;
  /** 2^28: beyond it, x*x + 1 is x*x in double precision. */
  private static final double HUGE = 0x1p28;
  /** 2^-28: below it, the functions equal their argument in double precision. */
  private static final double TINY = 0x1p-28;

  /** Beyond it, exp(|x|) overflows. */
  private static final double EXP_OVERFLOW = 709.782712893384;

  /** sinh(x) = (e^x - e^-x) / 2. */
  static double sinh(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double half = x < 0 ? -0.5 : 0.5;
    double a = Math.abs(x);
    if (a < 22) {
      if (a < TINY) {
        return x;
      }
      double t = Math.expm1(a);
      return a < 1 ? half * (2.0 * t - t * t / (t + 1.0)) : half * (t + t / (t + 1.0));
    }
    if (a < EXP_OVERFLOW) {
      return half * Math.exp(a);
    }
    double w = Math.exp(0.5 * a); // e^a = w * w without overflowing in between
    return half * w * w;
  }

  /** cosh(x) = (e^x + e^-x) / 2. */
  static double cosh(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double a = Math.abs(x);
    if (a < 0.5 * LN2) {
      double t = Math.expm1(a);
      double w = 1.0 + t;
      return a < 0x1p-55 ? w : 1.0 + (t * t) / (w + w);
    }
    if (a < 22) {
      double t = Math.exp(a);
      return 0.5 * t + 0.5 / t;
    }
    if (a < EXP_OVERFLOW) {
      return 0.5 * Math.exp(a);
    }
    double w = Math.exp(0.5 * a);
    return 0.5 * w * w;
  }

  /** asinh(x) = sign(x) ln(|x| + sqrt(x^2 + 1)). */
  static double asinh(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double t = Math.abs(x);
    double w;
    if (t < TINY) {
      return x;
    } else if (t > HUGE) {
      w = Math.log(t) + LN2;
    } else if (t > 2.0) {
      w = Math.log(2.0 * t + 1.0 / (Math.sqrt(x * x + 1.0) + t));
    } else {
      double t2 = x * x;
      w = Math.log1p(t + t2 / (1.0 + Math.sqrt(1.0 + t2)));
    }
    return x > 0 ? w : -w;
  }

  /** acosh(x) = ln(x + sqrt(x^2 - 1)) for x >= 1, NaN below. */
  static double acosh(double x) {
    if (Double.isNaN(x) || x < 1.0) {
      return Double.NaN;
    } else if (x >= HUGE) {
      return Double.isInfinite(x) ? x : Math.log(x) + LN2;
    } else if (x == 1.0) {
      return 0.0;
    } else if (x > 2.0) {
      return Math.log(2.0 * x - 1.0 / (x + Math.sqrt(x * x - 1.0)));
    }
    double t = x - 1.0;
    return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
  }

  /** atanh(x) = ln((1 + x) / (1 - x)) / 2 for |x| <= 1, NaN beyond, infinite at +-1. */
  static double atanh(double x) {
    double t = Math.abs(x);
    if (Double.isNaN(x) || t > 1.0) {
      return Double.NaN;
    } else if (t == 1.0) {
      return x > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    } else if (t < TINY) {
      return x;
    }
    double w;
    if (t < 0.5) {
      double twice = t + t;
      w = 0.5 * Math.log1p(twice + twice * t / (1.0 - t));
    } else {
      w = 0.5 * Math.log1p((t + t) / (1.0 - t));
    }
    return x >= 0 ? w : -w;
  }
}
