package dev.pagoda.jdbc;

import dev.pagoda.PagodaException;
import dev.pagoda.PreparedStatement;
import java.sql.BatchUpdateException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC statement. {@link #execute(String)} runs a whole script: each {@code ;}-separated
 * statement in turn (prepare, run, continue with the engine's {@link PreparedStatement#tail()
 * tail}); every statement but the last runs to completion with its rows discarded, and the last
 * one's result is the current result. A failure stops the script where it happened: the statements
 * before it have run (and, in autocommit mode, committed).
 */
public final class PagodaStatement extends AbstractStatement {
  /** What a caller expects the last statement of a script to produce. */
  private enum Expect {
    ANYTHING,
    ROWS,
    UPDATE_COUNT
  }

  private final List<String> batch = new ArrayList<>();

  PagodaStatement(PagodaConnection connection) {
    super(connection, false);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    boolean rows = run(sql, Expect.ANYTHING);
    updateGeneratedKeys(sql);
    return rows;
  }

  /**
   * Runs {@code sql} and returns the last statement's rows.
   *
   * @throws SQLException when the last statement is not a query; it is then not run
   */
  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    run(sql, Expect.ROWS);
    return getResultSet();
  }

  /**
   * Runs {@code sql} and returns the rows the last statement changed (0 for DDL).
   *
   * @throws SQLException when the last statement is a query; it is then not run
   */
  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    run(sql, Expect.UPDATE_COUNT);
    updateGeneratedKeys(sql);
    return Math.max(0, getLargeUpdateCount());
  }

  private boolean run(String sql, Expect expect) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw Errors.invalidArgument("SQL must not be null");
    }
    clearResult();
    if (SqlText.isBlank(sql)) {
      check(null, expect);
      noResult();
      return false;
    }
    return guarded(() -> runScript(sql, expect));
  }

  private boolean runScript(String sql, Expect expect) throws SQLException {
    String rest = sql;
    while (true) {
      PreparedStatement statement = connection.engine().prepare(rest);
      String tail = statement.tail();
      if (SqlText.isBlank(tail)) {
        check(statement, expect);
        return publish(statement, true);
      }
      runToCompletion(statement);
      rest = tail;
    }
  }

  private static void runToCompletion(PreparedStatement statement) {
    try {
      statement.executeUpdate();
    } catch (PagodaException e) {
      closeQuietly(statement);
      throw e;
    }
    statement.close();
  }

  /** Throws (closing {@code statement}) unless it produces what the caller expects. */
  private static void check(PreparedStatement statement, Expect expect) throws SQLException {
    boolean isQuery = statement != null && statement.isQuery();
    if (expect == Expect.ROWS && !isQuery) {
      closeIfAny(statement);
      throw notAQuery();
    }
    if (expect == Expect.UPDATE_COUNT && isQuery) {
      closeIfAny(statement);
      throw aQuery();
    }
  }

  private static void closeIfAny(PreparedStatement statement) {
    if (statement != null) {
      closeQuietly(statement);
    }
  }

  static SQLException notAQuery() {
    return new SQLException(
        "query does not return ResultSet: use execute or executeUpdate", "07005");
  }

  static SQLException aQuery() {
    return new SQLException(
        "the statement returns rows: use executeQuery or execute", Errors.GENERAL);
  }

  // ---- batches ----

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw Errors.invalidArgument("SQL must not be null");
    }
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  /**
   * Runs each command of the batch in turn; the first failure stops it with a {@link
   * BatchUpdateException} ("batch entry N: ...", the failure's SQLSTATE and code) whose update
   * counts are, as sqlite-jdbc gives them, one per command of the batch: the counts of the
   * commands that ran, then 0 for the failed one and those after it.
   */
  @Override
  long[] runBatch() throws SQLException {
    checkOpen();
    List<String> commands = List.copyOf(batch);
    batch.clear();
    clearResult();
    long[] counts = new long[commands.size()];
    for (int i = 0; i < counts.length; i++) {
      try {
        run(commands.get(i), Expect.ANYTHING);
        counts[i] = Math.max(0, getLargeUpdateCount());
        clearResult();
      } catch (SQLException e) {
        throw batchFailure(e, counts, i);
      }
    }
    noResult();
    return counts;
  }

  /** The exception for batch entry {@code failed} failing with {@code e}, as sqlite-jdbc words it. */
  static BatchUpdateException batchFailure(SQLException e, long[] counts, int failed) {
    return new BatchUpdateException(
        "batch entry " + failed + ": " + e.getMessage(),
        e.getSQLState(),
        e.getErrorCode(),
        toIntCounts(counts, counts.length),
        e);
  }

  @Override
  void closeResources() {
    batch.clear();
  }
}
