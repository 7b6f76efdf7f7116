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

  private static Value numeric(Value v) {
    Value n = Values.toNumber(v);
    return Values.applyAffinity(Affinity.NUMERIC, n);
  }
}
