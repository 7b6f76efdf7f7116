package dev.pagoda.executor;

import dev.pagoda.planner.Affinity;
import dev.pagoda.spi.Value;

/** SQL comparison of two non-NULL values after the comparison affinity is applied to both. */
final class Comparison {
  private Comparison() {}

  static int compare(Value x, Value y, Affinity affinity) {
    if (affinity != null && affinity.isNumeric()) {
      x = numeric(x);
      y = numeric(y);
    } else if (affinity == Affinity.TEXT) {
      x = text(x);
      y = text(y);
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

  private static Value numeric(Value v) {
    return v instanceof Value.Text ? Values.applyAffinity(Affinity.NUMERIC, v) : v;
  }

  private static Value text(Value v) {
    return v instanceof Value.Int || v instanceof Value.Real ? Value.of(Values.toText(v)) : v;
  }
}
