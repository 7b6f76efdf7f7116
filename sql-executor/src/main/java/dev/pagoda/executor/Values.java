package dev.pagoda.executor;

import dev.pagoda.planner.Affinity;
import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.StorageClass;
import dev.pagoda.spi.Value;

/**
 * SQLite's rules for values: ordering across storage classes, affinity, and conversions between
 * classes. Each rule is written once here and used by comparisons, sorting, arithmetic and the
 * API getters.
 */
public final class Values {
  private Values() {}

  /** The integer 1, true in a boolean context. */
  public static final Value TRUE = Value.of(1L);

  /** The integer 0, false in a boolean context. */
  public static final Value FALSE = Value.of(0L);

  /**
   * Compares two values in SQLite's order with the BINARY collation: NULL first, then numbers
   * (INTEGER and REAL compared by numeric value), then TEXT (by UTF-8 bytes, which is code point
   * order), then BLOB (memcmp). Two NULLs compare equal here; SQL comparison operators handle NULL
   * before calling this.
   */
  public static int compare(Value a, Value b) {
    int ra = rank(a.storageClass());
    int rb = rank(b.storageClass());
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (a instanceof Value.Int x) {
      if (b instanceof Value.Int y) {
        return Long.compare(x.value(), y.value());
      }
      return compareLongDouble(x.value(), ((Value.Real) b).value());
    }
    if (a instanceof Value.Real x) {
      if (b instanceof Value.Real y) {
        return compareDoubles(x.value(), y.value());
      }
      return -compareLongDouble(((Value.Int) b).value(), x.value());
    }
    if (a instanceof Value.Text x) {
      return compareCodePoints(x.value(), ((Value.Text) b).value());
    }
    if (a instanceof Value.Blob x) {
      return java.util.Arrays.compareUnsigned(x.bytes(), ((Value.Blob) b).bytes());
    }
    return 0;
  }

  private static int rank(StorageClass c) {
    return switch (c) {
      case NULL -> 0;
      case INTEGER, REAL -> 1;
      case TEXT -> 2;
      case BLOB -> 3;
    };
  }

  /** Compares an integer with a double exactly, without the rounding of a plain cast. */
  static int compareLongDouble(long l, double d) {
    if (Double.isNaN(d)) {
      return 1;
    }
    if (d < -9.223372036854775808e18) {
      return 1;
    }
    if (d >= 9.223372036854775808e18) {
      return -1;
    }
    long dl = (long) d;
    if (l != dl) {
      return Long.compare(l, dl);
    }
    double fraction = d - dl;
    return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
  }

  /** Compares two doubles by value: -0.0 equals 0.0, unlike {@link Double#compare}. */
  static int compareDoubles(double x, double y) {
    if (x < y) {
      return -1;
    }
    if (x > y) {
      return 1;
    }
    return x == y ? 0 : Double.compare(x, y);
  }

  /** UTF-8 byte order, which equals code point order (not Java's UTF-16 order). */
  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          return sa ? 1 : -1;
        }
        return Character.compare(ca, cb);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /** Applies a column affinity to a value, as SQLite does when storing or comparing it. */
  public static Value applyAffinity(Affinity affinity, Value v) {
    if (affinity == null) {
      return v;
    }
    return switch (affinity) {
      case BLOB -> v;
      case TEXT -> v instanceof Value.Int || v instanceof Value.Real ? Value.of(toText(v)) : v;
      case NUMERIC, INTEGER -> toNumericAffinity(v);
      case REAL -> {
        Value n = toNumericAffinity(v);
        yield n instanceof Value.Int i ? Value.of((double) i.value()) : n;
      }
    };
  }

  private static Value toNumericAffinity(Value v) {
    if (v instanceof Value.Text t) {
      Value n = Conversions.parseNumber(t.value());
      return n == null ? v : integralRealToInt(n);
    }
    if (v instanceof Value.Real r) {
      return integralRealToInt(r);
    }
    return v;
  }

  private static Value integralRealToInt(Value v) {
    if (v instanceof Value.Real r) {
      double d = r.value();
      // As sqlite3VdbeIntegerAffinity: -0.0 becomes 0, and -2^63 stays REAL (strict bounds).
      if (d > -9.223372036854775808e18 && d < 9.223372036854775808e18 && d == Math.rint(d)) {
        return Value.of((long) d);
      }
    }
    return v;
  }

  /**
   * The value as an integer, as {@code sqlite3_value_int64} gives it: NULL is 0, REAL truncates
   * (saturating), TEXT and BLOB read their leading integer digits ({@code '1e3'} is 1).
   */
  public static long toLong(Value v) {
    return Conversions.toLong(v);
  }

  static long realToLong(double d) {
    return Conversions.realToLong(d);
  }

  /** The value as a double, as {@code sqlite3_value_double} gives it. */
  public static double toDouble(Value v) {
    return Conversions.toDouble(v);
  }

  /**
   * The value converted to a number for arithmetic: INTEGER and REAL as they are, TEXT and BLOB
   * by their longest numeric prefix (0 when there is none). NULL stays NULL.
   */
  public static Value toNumber(Value v) {
    return Conversions.toNumber(v);
  }

  /** The value as text, as {@code sqlite3_value_text} gives it; null for NULL. */
  public static String toText(Value v) {
    return Conversions.toText(v);
  }

  /** The value as bytes: a BLOB's bytes, anything else's text as UTF-8; null for NULL. */
  public static byte[] toBytes(Value v) {
    return Conversions.toBytes(v);
  }

  /**
   * The truth of a value in a boolean context: 1 for true, 0 for false, -1 for NULL. Numbers are
   * true when non-zero; TEXT and BLOB by their numeric prefix.
   */
  public static int truth(Value v) {
    if (v instanceof Value.Int i) {
      return i.value() != 0 ? 1 : 0;
    }
    if (v instanceof Value.Real r) {
      return r.value() != 0.0 ? 1 : 0;
    }
    if (v.isNull()) {
      return -1;
    }
    return toDouble(v) != 0.0 ? 1 : 0;
  }

  /** The SQL boolean result for a Java boolean. */
  public static Value of(boolean b) {
    return b ? TRUE : FALSE;
  }
}
