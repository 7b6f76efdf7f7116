package dev.pagoda.executor;

import dev.pagoda.spi.Value;

/** The current row of an operator, read by position. */
interface Row {
  /** Column {@code i} (0-based). */
  Value column(int i);

  /**
   * Column {@code i}'s UTF-8 bytes, without decoding them, when it is a TEXT value that the row
   * reads as it is stored in a record: points {@code out} at them and returns true. False (and
   * {@code out} unchanged) otherwise, and then only {@link #column} tells the value. The bytes
   * are valid until the row moves.
   */
  default boolean storedText(int i, TextSlice out) {
    return false;
  }
}
