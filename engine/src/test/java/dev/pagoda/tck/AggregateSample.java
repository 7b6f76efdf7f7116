package dev.pagoda.tck;

import static java.util.Objects.requireNonNull;

import dev.pagoda.spi.Value;
import java.util.List;

/**
 * One run of an aggregate function for {@link FunctionProviderTck} to check: the argument lists
 * of the rows it folds, in order, and the value expected back.
 *
 * @param function the function's name
 * @param rows one argument list per row; every list has the same size
 * @param expected the value the aggregate returns over these rows
 */
public record AggregateSample(String function, List<List<Value>> rows, Value expected) {
  public AggregateSample {
    requireNonNull(function, "function");
    requireNonNull(expected, "expected");
    rows = rows.stream().map(List::copyOf).toList();
    if (rows.stream().map(List::size).distinct().count() > 1) {
      throw new IllegalArgumentException("every row needs the same number of arguments");
    }
  }

  /** The number of arguments each row passes. */
  int argc(int whenNoRows) {
    return rows.isEmpty() ? whenNoRows : rows.get(0).size();
  }
}
