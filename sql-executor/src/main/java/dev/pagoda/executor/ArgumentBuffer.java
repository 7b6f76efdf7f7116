package dev.pagoda.executor;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Value;

/**
 * The {@link Arguments} of one call site, refilled for every row: the executor evaluates each
 * argument into {@link #values()} and passes the same object to each call.
 */
final class ArgumentBuffer implements Arguments {
  private final Value[] values;

  ArgumentBuffer(int size) {
    this.values = new Value[size];
  }

  /** The array the caller fills; the function sees it through this buffer. */
  Value[] values() {
    return values;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Value get(int i) {
    return values[i];
  }
}
