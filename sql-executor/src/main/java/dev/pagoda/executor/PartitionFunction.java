package dev.pagoda.executor;

import dev.pagoda.planner.WindowOnlyFunction;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.Value;

/**
 * A built-in window function computed from its partition rather than through an accumulator:
 * the window operator recognises it and asks for each row's value, handing it the partition (its
 * peer groups), the row's frame and every row's arguments. Executor-internal: not part of the
 * plug-in SPI.
 */
interface PartitionFunction extends WindowOnlyFunction {
  /**
   * The value at row {@code row} of partition {@code p}.
   *
   * @param frame the row's frame (meaningful when {@link #usesFrame()})
   * @param args {@code args[r][k]} is argument {@code k} at partition row {@code r}
   */
  Value value(WindowPartition p, int row, FrameRows frame, Value[][] args);

  /** Whether the value depends on the frame (first_value...), not only on the partition. */
  default boolean usesFrame() {
    return false;
  }

  @Override
  default Accumulator newAccumulator(FunctionContext ctx) {
    throw new UnsupportedOperationException(name() + "() runs only as a window function");
  }
}
