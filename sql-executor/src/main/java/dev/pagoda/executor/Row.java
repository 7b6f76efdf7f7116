package dev.pagoda.executor;

import dev.pagoda.spi.Value;

/** The current row of an operator, read by position. */
interface Row {
  /** Column {@code i} (0-based). */
  Value column(int i);
}
