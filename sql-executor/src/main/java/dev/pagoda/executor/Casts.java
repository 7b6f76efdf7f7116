package dev.pagoda.executor;

import dev.pagoda.planner.Affinity;
import dev.pagoda.spi.Value;

/** {@code CAST(x AS type)}, where the type has already been reduced to its affinity. */
final class Casts {
  private Casts() {}

  static Value cast(Value v, Affinity target) {
    if (v.isNull()) {
      return v;
    }
    return switch (target) {
      case BLOB -> v instanceof Value.Blob ? v : new Value.Blob(Values.toBytes(v));
      case TEXT -> v instanceof Value.Text ? v : Value.of(Values.toText(v));
      case INTEGER -> v instanceof Value.Int ? v : Value.of(Values.toLong(v));
      case REAL -> v instanceof Value.Real ? v : Value.of(Values.toDouble(v));
      case NUMERIC -> numeric(v);
    };
  }

  /**
   * As sqlite3VdbeMemNumerify: an INTEGER or REAL stays as it is; a TEXT or BLOB becomes its
   * number, an INTEGER when the number is a REAL that sqlite3RealSameAsInt accepts (zero, or a
   * whole number below 2^51 in magnitude).
   */
  private static Value numeric(Value v) {
    if (v instanceof Value.Int || v instanceof Value.Real) {
      return v;
    }
    Value n = Values.toNumber(v);
    if (n instanceof Value.Real r) {
      double d = r.value();
      long i = (long) d;
      if (d == 0.0 || (d == (double) i && i >= -2251799813685248L && i < 2251799813685248L)) {
        return Value.of(i);
      }
    }
    return n;
  }
}
