package dev.pagoda.executor;

/**
 * A Volcano-style operator: {@link #next()} advances to the next row, which is then readable
 * through {@link Row#column}. Operators are built once per run of a statement.
 */
interface Operator extends Row, AutoCloseable {
  /** Advances to the next row; false when there are no more. */
  boolean next();

  /** Releases cursors; safe to call twice. */
  @Override
  void close();
}
