package dev.pagoda.executor;

import dev.pagoda.spi.Value;

/** The current row of an operator, read by position. */
interface Row {
  /** Column {@code i}; {@code BoundExpr.Column.ROWID} (-1) reads the rowid where there is one. */
  Value column(int i);
}
