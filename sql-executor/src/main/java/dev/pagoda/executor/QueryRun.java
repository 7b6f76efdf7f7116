package dev.pagoda.executor;

import dev.pagoda.spi.Value;

/** One run of a query: the rows, pulled one at a time. Close it to release its cursors. */
public final class QueryRun implements AutoCloseable {
  private final Operator root;
  private final int width;
  private boolean open = true;

  QueryRun(Operator root, int width) {
    this.root = root;
    this.width = width;
  }

  /** Advances to the next row; false at the end, when the run closes itself. */
  public boolean next() {
    if (!open) {
      return false;
    }
    if (root.next()) {
      return true;
    }
    close();
    return false;
  }

  /** Column {@code i} (0-based) of the current row. */
  public Value column(int i) {
    if (i < 0 || i >= width) {
      throw new IndexOutOfBoundsException("column " + i + " of " + width);
    }
    return root.column(i);
  }

  public int width() {
    return width;
  }

  @Override
  public void close() {
    if (open) {
      open = false;
      root.close();
    }
  }
}
