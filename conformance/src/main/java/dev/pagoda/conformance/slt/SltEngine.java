package dev.pagoda.conformance.slt;

import java.util.List;

/**
 * What the runner runs records on: one fresh database per script. Failures are exceptions (any
 * {@link RuntimeException}); their message is the reason reported.
 */
public interface SltEngine extends AutoCloseable {
  /** Runs every statement of {@code sql}, as {@code sqlite3_exec} does. */
  void statement(String sql);

  /**
   * Runs the first statement of {@code sql} and returns its values, row after row, printed for
   * the type letters of {@code types} as {@link ResultFormat} prints them.
   *
   * @throws ColumnCountException when the result has not one column per type letter
   */
  List<String> query(String sql, String types);

  @Override
  void close();

  /** A query's result has a different number of columns than its type string has letters. */
  final class ColumnCountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ColumnCountException(int expected, int actual) {
      super("wrong number of columns: the type string has " + expected + ", the result " + actual);
    }
  }
}
