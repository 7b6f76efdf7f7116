package dev.pagoda.executor;

import dev.pagoda.spi.Value;
import java.util.Arrays;

/**
 * The parameter values of one prepared statement, numbered from 1. Evaluators hold this object
 * and read it on every evaluation, so new bindings take effect without recompiling.
 */
public final class Bindings {
  private final Value[] values;

  public Bindings(int count) {
    this.values = new Value[count];
    Arrays.fill(values, Value.NULL);
  }

  public int count() {
    return values.length;
  }

  public void set(int index, Value value) {
    if (index < 1 || index > values.length) {
      throw new dev.pagoda.spi.SqlException(
          dev.pagoda.spi.ResultCode.RANGE, "column index out of range");
    }
    values[index - 1] = java.util.Objects.requireNonNull(value, "value");
  }

  public Value get(int index) {
    return values[index - 1];
  }

  public void clear() {
    Arrays.fill(values, Value.NULL);
  }
}
