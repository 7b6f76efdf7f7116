package dev.pagoda.spi;

import java.nio.charset.StandardCharsets;

/**
 * SQLite's conversions between storage classes, as {@code sqlite3_value_int64}, {@code
 * sqlite3_value_double} and {@code sqlite3_value_text} apply them. Functions use these to read an
 * argument in the class they need; the engine uses the same code, so a plug-in sees exactly what
 * a built-in sees.
 *
 * <pre>{@code
 * Conversions.toLong(Value.of("12abc"))   // 12
 * Conversions.toText(Value.of(1.5))       // "1.5"
 * Conversions.toText(Value.of(1e20))      // "1.0e+20"
 * Conversions.parseNumber(" 7 ")          // Value.Int 7, or null when not a number
 * }</pre>
 */
public final class Conversions {
  private Conversions() {}

  /**
   * The value as an integer: NULL is 0, REAL truncates toward zero (saturating), TEXT and BLOB
   * read their leading integer digits ({@code '1e3'} is 1, {@code 'abc'} is 0).
   */
  public static long toLong(Value v) {
    if (v instanceof Value.Int i) {
      return i.value();
    }
    if (v instanceof Value.Real r) {
      return realToLong(r.value());
    }
    if (v instanceof Value.Text || v instanceof Value.Blob) {
      return NumberParser.parseIntegerPrefix(textOf(v));
    }
    return 0;
  }

  /** A REAL truncated toward zero as SQLite casts it: NaN is 0, out-of-range values saturate. */
  public static long realToLong(double d) {
    if (Double.isNaN(d)) {
      return 0;
    }
    return (long) d; // Java saturates at Long.MIN_VALUE/MAX_VALUE, as SQLite does.
  }

  /** The value as a double: NULL is 0.0, TEXT and BLOB by their longest numeric prefix. */
  public static double toDouble(Value v) {
    if (v instanceof Value.Int i) {
      return i.value();
    }
    if (v instanceof Value.Real r) {
      return r.value();
    }
    if (v instanceof Value.Text || v instanceof Value.Blob) {
      Value n = NumberParser.parsePrefix(textOf(v));
      return n instanceof Value.Int i ? i.value() : ((Value.Real) n).value();
    }
    return 0.0;
  }

  /**
   * The value as a number for arithmetic: INTEGER and REAL as they are, TEXT and BLOB by their
   * longest numeric prefix (0 when there is none); NULL stays NULL.
   */
  public static Value toNumber(Value v) {
    if (v instanceof Value.Text || v instanceof Value.Blob) {
      return NumberParser.parsePrefix(textOf(v));
    }
    return v;
  }

  /** The value as text; a BLOB's bytes read as UTF-8; null for NULL. */
  public static String toText(Value v) {
    if (v instanceof Value.Int i) {
      return Long.toString(i.value());
    }
    if (v instanceof Value.Real r) {
      return formatReal(r.value());
    }
    if (v instanceof Value.Text t) {
      return t.value();
    }
    if (v instanceof Value.Blob b) {
      return new String(b.bytes(), StandardCharsets.UTF_8);
    }
    return null;
  }

  /** The value as bytes: a BLOB's bytes (a copy), anything else's text as UTF-8; null for NULL. */
  public static byte[] toBytes(Value v) {
    if (v instanceof Value.Blob b) {
      return b.bytes().clone();
    }
    String s = toText(v);
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A REAL as SQLite writes it as text: fifteen significant digits when they read back as the
   * same double, else seventeen; always a decimal point ({@code 100.0}); scientific notation
   * beyond 1e16 and below 1e-4 ({@code 1.0e+20}); {@code Inf}, {@code -Inf}.
   */
  public static String formatReal(double d) {
    return RealFormat.format(d);
  }

  /**
   * The whole text as a number, surrounding spaces allowed, or null when it is not one: an
   * INTEGER when it has no point or exponent and fits 64 bits, else a REAL. This is the test
   * behind NUMERIC affinity.
   */
  public static Value parseNumber(String s) {
    return NumberParser.parseExact(s);
  }

  /** The longest numeric prefix of {@code s} as a number; 0 when it has none. */
  public static Value parseNumericPrefix(String s) {
    return NumberParser.parsePrefix(s);
  }

  private static String textOf(Value v) {
    return v instanceof Value.Text t ? t.value() : toText(v);
  }
}
