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

  private static Value numeric(Value v) {
    return v instanceof Value.Text ? Values.applyAffinity(Affinity.NUMERIC, v) : v;
  }

  private static Value text(Value v) {
    return v instanceof Value.Int || v instanceof Value.Real ? Value.of(Values.toText(v)) : v;
  }
}
