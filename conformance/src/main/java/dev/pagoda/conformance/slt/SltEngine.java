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
   * <p>sqllogictest's SQLite driver fails a query only when it cannot be prepared or has the
   * wrong number of columns; it steps the statement while {@code sqlite3_step} returns a row and
   * ignores the error that may end the stepping (so a query whose evaluation fails, say with an
   * integer overflow, gives the rows before the error). An engine reports such an error as a
   * {@link QueryStoppedException} carrying the values so far; any other exception fails the
   * query.
   *
   * @throws ColumnCountException when the result has not one column per type letter
   * @throws QueryStoppedException when running (not preparing) the statement failed
   */
  List<String> query(String sql, String types);

  /**
   * Asks a {@link #statement} or {@link #query} running on another thread to stop soon, by
   * failing. The runner calls it, from its own thread, when a script's time limit passes; it may
   * come while nothing runs, and the engine is not used for any record afterwards (only closed).
   * The default does nothing: the runner then abandons a record that does not end by itself.
   */
  default void interrupt() {}

  /** Releases the database; called once, on the thread that ran the records. */
  @Override
  void close();

  /** Running a prepared query failed after giving {@link #values()} (maybe none). */
  final class QueryStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> values;

    /** The error {@code cause} ended the query's rows; {@code values} came before it. */
    public QueryStoppedException(List<String> values, Throwable cause) {
      super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
      this.values = List.copyOf(values);
    }

    /** The values of the rows before the error. */
    public List<String> values() {
      return values;
    }
  }

  /** A query's result has a different number of columns than its type string has letters. */
  final class ColumnCountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A result of {@code actual} columns for a type string of {@code expected} letters. */
    public ColumnCountException(int expected, int actual) {
      super("wrong number of columns: the type string has " + expected + ", the result " + actual);
    }
  }
}
