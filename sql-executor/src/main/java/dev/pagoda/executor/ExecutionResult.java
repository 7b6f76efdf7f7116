package dev.pagoda.executor;

/**
 * What running a statement changed.
 *
 * @param changes rows inserted, updated or deleted (0 for DDL and queries)
 * @param inserted whether a row was inserted, so that {@code lastInsertRowid} means something
 * @param lastInsertRowid the rowid of the last row inserted (any value, even negative)
 */
public record ExecutionResult(long changes, boolean inserted, long lastInsertRowid) {
  /** Nothing changed. */
  public static final ExecutionResult NONE = new ExecutionResult(0, false, 0);
}
