package dev.pagoda.shell;

import dev.pagoda.spi.Value;

/**
 * Prints one result in one output mode: {@link #row} for each row in order, then {@link #end} once.
 * Like sqlite3, a result without rows prints nothing (not even its header).
 */
interface ResultPrinter {
  /** One row; the array is reused for the next row, so a printer that keeps values copies them. */
  void row(Value[] values);

  /** After the last row. */
  default void end() {}
}
