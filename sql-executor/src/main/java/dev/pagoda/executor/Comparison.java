package dev.pagoda.executor;

import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.FunctionCatalog;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;

/**
 * SQL comparison of two non-NULL values after the comparison affinity is applied to both, with
 * a collation for two texts.
 */
final class Comparison {
  private Comparison() {}

  static int compare(Value x, Value y, Affinity affinity) {
    return compare(x, y, affinity, BuiltinCollation.BINARY);
  }

  static int compare(Value x, Value y, Affinity affinity, Collation collation) {
    if (affinity != null && affinity.isNumeric()) {
      x = numeric(x);
      y = numeric(y);
    } else if (affinity == Affinity.TEXT) {
      x = text(x);
      y = text(y);
    }
    if (collation != BuiltinCollation.BINARY && x instanceof Value.Text a
        && y instanceof Value.Text b) {
      return collation.compare(a.value(), b.value());
    }
    return Values.compare(x, y);
  }

  /** {@code v} as a comparison under {@code affinity} sees it. */
  static Value convert(Value v, Affinity affinity) {
    if (affinity != null && affinity.isNumeric()) {
      return numeric(v);
    } else if (affinity == Affinity.TEXT) {
      return text(v);
    }
    return v;
  }

  /**
   * The collation named {@code name}: one of the built-in three, else one plugged in through a
   * {@code FunctionProvider}; BINARY for null.
   *
   * @throws SqlException "no such collation sequence" for a name that is neither
   */
  static Collation collation(String name) {
    return collation(name, FunctionCatalog.standard());
  }

  /** As {@link #collation(String)}, looking in {@code catalog} (a connection's) for plug-ins. */
  static Collation collation(String name, FunctionCatalog catalog) {
    if (name == null) {
      return BuiltinCollation.BINARY;
    }
    Collation c = BuiltinCollation.named(name);
    if (c == null) {
      c = catalog.collation(name);
    }
    if (c == null) {
      throw SqlException.error("no such collation sequence: " + name);
    }
    return c;
  }

  /** Compares two texts under a collation, in code point (UTF-8 byte) order. */
  static int compareText(String a, String b, BuiltinCollation collation) {
    int aLen = a.length();
    int bLen = b.length();
    if (collation == BuiltinCollation.RTRIM) {
      while (aLen > 0 && a.charAt(aLen - 1) == ' ') {
        aLen--;
      }
      while (bLen > 0 && b.charAt(bLen - 1) == ' ') {
        bLen--;
      }
    }
    boolean fold = collation == BuiltinCollation.NOCASE;
    int n = Math.min(aLen, bLen);
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (fold) {
        ca = ca >= 'A' && ca <= 'Z' ? (char) (ca + 32) : ca;
        cb = cb >= 'A' && cb <= 'Z' ? (char) (cb + 32) : cb;
      }
      if (ca != cb) {
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          return sa ? 1 : -1;
        }
        return Character.compare(ca, cb);
      }
    }
    return Integer.compare(aLen, bLen);
  }

  private static Value numeric(Value v) {
    return v instanceof Value.Text ? Values.applyAffinity(Affinity.NUMERIC, v) : v;
  }

  private static Value text(Value v) {
    return v instanceof Value.Int || v instanceof Value.Real ? Value.of(Values.toText(v)) : v;
  }
}
