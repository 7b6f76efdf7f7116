package dev.pagoda.jdbc;

import dev.pagoda.PagodaException;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * What {@link PagodaStatement} and {@link PagodaPreparedStatement} share: the current result (a
 * {@link PagodaResultSet} or an update count), life cycle, limits and hints, and the JDBC methods
 * that are thin variations of others.
 *
 * <p>A statement has at most one current result. Running it again, {@link #getMoreResults()} and
 * {@link #close()} close the current result set first.
 *
 * <p>Runs are {@linkplain #guarded guarded}: the query timeout and {@link #cancel()} interrupt the
 * running thread through an {@link Interrupter}. Generated keys follow sqlite-jdbc: after {@code
 * execute} or {@code executeUpdate} of SQL that starts with INSERT or REPLACE (after an optional
 * WITH clause), {@link #getGeneratedKeys()} returns {@code SELECT last_insert_rowid()} as it was
 * right after the statement, whatever key columns or flag the caller passed; otherwise an empty
 * result set.
 */
abstract class AbstractStatement implements Statement {
  /** SQL after which sqlite-jdbc reports generated keys (its pattern, CASE_INSENSITIVE|DOTALL). */
  private static final Pattern INSERT =
      Pattern.compile(
          "^\\s*(?:with\\s+.+\\(.+?\\))*\\s*(?:insert|replace)\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  final PagodaConnection connection;
  final Interrupter interrupter = new Interrupter();

  private boolean closed;
  private PagodaResultSet result;
  private long updateCount = -1;
  private long maxRows;
  private int maxFieldSize;
  private int fetchSize;
  private int queryTimeout;
  private boolean closeOnCompletion;
  private boolean poolable;
  private PagodaStatement keysStatement;
  private Long generatedKey;

  AbstractStatement(PagodaConnection connection, boolean poolable) {
    this.connection = connection;
    this.poolable = poolable;
    connection.register(this);
  }

  final void checkOpen() throws SQLException {
    if (closed) {
      throw Errors.closed("Statement");
    }
    connection.checkOpen();
  }

  // ---- the current result ----

  /**
   * Runs {@code statement} and makes what it produces the current result: a result set for a query,
   * else its update count. When {@code owned}, the engine statement is closed with its result
   * (right away for an update).
   *
   * @return whether the current result is a result set, as {@link #execute} returns it
   */
  final boolean publish(PreparedStatement statement, boolean owned) throws SQLException {
    try {
      if (statement.isQuery()) {
        Rows rows = statement.query();
        result = new PagodaResultSet(this, rows, owned ? statement : null, maxRows, fetchSize);
        updateCount = -1;
        return true;
      }
      updateCount = statement.executeUpdate();
      if (owned) {
        statement.close();
      }
      return false;
    } catch (PagodaException e) {
      if (owned) {
        closeQuietly(statement);
      }
      throw Errors.toSql(e);
    }
  }

  /** A call into the engine, run by {@link #guarded}. */
  @FunctionalInterface
  interface EngineCall<T> {
    T call() throws SQLException;
  }

  /**
   * Runs {@code call} under this statement's query timeout and {@link #cancel()}: an engine
   * failure becomes an SQLException, and the failure of an interrupted run a {@link
   * java.sql.SQLTimeoutException} (timeout) or an SQLSTATE HY008 exception (cancel).
   */
  final <T> T guarded(EngineCall<T> call) throws SQLException {
    interrupter.begin(queryTimeout);
    boolean ended = false;
    try {
      return call.call();
    } catch (PagodaException e) {
      ended = true;
      throw interrupter.failure(e, interrupter.end());
    } catch (SQLException e) {
      ended = true;
      throw interrupter.failure(e, interrupter.end());
    } finally {
      if (!ended) {
        interrupter.end();
      }
    }
  }

  /**
   * Records the generated keys after {@code sql} ran through execute or executeUpdate, as
   * sqlite-jdbc does: {@code last_insert_rowid()} after an INSERT or REPLACE, nothing otherwise.
   */
  final void updateGeneratedKeys(String sql) throws SQLException {
    generatedKey = null;
    if (INSERT.matcher(sql).find()) {
      try {
        generatedKey = connection.engine().lastInsertRowid();
      } catch (PagodaException e) {
        throw Errors.toSql(e);
      }
    }
  }

  /** Closes the current result set, if any, and forgets the current update count. */
  final void clearResult() throws SQLException {
    PagodaResultSet current = result;
    result = null;
    updateCount = -1;
    if (current != null) {
      current.close();
    }
  }

  /** Records that there is no current result (an empty script ran). */
  final void noResult() {
    result = null;
    updateCount = -1;
  }

  /** Called by a result set of this statement when it closes. */
  final void resultClosed(PagodaResultSet closedResult) throws SQLException {
    if (result == closedResult) {
      result = null;
    }
    if (closeOnCompletion && result == null && !closed) {
      close();
    }
  }

  static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (PagodaException ignored) {
      // The failure being reported matters more.
    }
  }

  /**
   * Accepts any {@code autoGeneratedKeys}, as sqlite-jdbc does: keys are recorded after every
   * INSERT whatever the caller asked for (see {@link #getGeneratedKeys()}).
   */
  static void checkNoGeneratedKeys(int autoGeneratedKeys) {
    // Nothing to check: the flag changes nothing.
  }

  static int saturatedInt(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  @Override
  public final ResultSet getResultSet() throws SQLException {
    checkOpen();
    return result;
  }

  @Override
  public final int getUpdateCount() throws SQLException {
    return saturatedInt(getLargeUpdateCount());
  }

  @Override
  public final long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public final boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  /**
   * There is only ever one result: this closes it and moves past it. As in sqlite-jdbc, only
   * {@code CLOSE_CURRENT_RESULT} is supported.
   */
  @Override
  public final boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current == KEEP_CURRENT_RESULT || current == CLOSE_ALL_RESULTS) {
      throw new SQLFeatureNotSupportedException(
          "Argument not supported: Statement.KEEP_CURRENT_RESULT or Statement.CLOSE_ALL_RESULTS",
          "0A000");
    }
    if (current != CLOSE_CURRENT_RESULT) {
      throw Errors.invalidArgument("Invalid argument: " + current);
    }
    clearResult();
    return false;
  }

  // ---- executing: the variants ----

  @Override
  public abstract long executeLargeUpdate(String sql) throws SQLException;

  @Override
  public final int executeUpdate(String sql) throws SQLException {
    return saturatedInt(executeLargeUpdate(sql));
  }

  /** As {@link #execute(String)}: keys are recorded after every INSERT (sqlite-jdbc). */
  @Override
  public final boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return execute(sql);
  }

  @Override
  public final boolean execute(String sql, int[] columnIndexes) throws SQLException {
    throw Errors.unsupported("Generated keys by column");
  }

  @Override
  public final boolean execute(String sql, String[] columnNames) throws SQLException {
    throw Errors.unsupported("Generated keys by column");
  }

  @Override
  public final int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return executeUpdate(sql);
  }

  @Override
  public final int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw Errors.unsupported("Generated keys by column");
  }

  @Override
  public final int executeUpdate(String sql, String[] columnNames) throws SQLException {
    throw Errors.unsupported("Generated keys by column");
  }

  @Override
  public final long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return executeLargeUpdate(sql);
  }

  @Override
  public final long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw Errors.unsupported("Generated keys by column");
  }

  @Override
  public final long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    throw Errors.unsupported("Generated keys by column");
  }

  /**
   * {@code last_insert_rowid()} (one row, one column of that name) after an INSERT or REPLACE ran
   * through execute or executeUpdate, else an empty result set; each call runs a new query whose
   * result set the previous one's closes.
   */
  @Override
  public final ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    closeKeys();
    keysStatement = new PagodaStatement(connection);
    return keysStatement.executeQuery(
        generatedKey == null
            ? "SELECT 1 WHERE 1 = 2;"
            : "SELECT " + generatedKey + " AS \"last_insert_rowid()\";");
  }

  private void closeKeys() throws SQLException {
    if (keysStatement != null) {
      PagodaStatement keys = keysStatement;
      keysStatement = null;
      keys.close();
    }
  }

  // ---- batches ----

  /** Runs the batch and clears it; the counts are per command, in order. */
  abstract long[] runBatch() throws SQLException;

  @Override
  public final int[] executeBatch() throws SQLException {
    long[] counts = runBatch();
    return toIntCounts(counts, counts.length);
  }

  @Override
  public final long[] executeLargeBatch() throws SQLException {
    return runBatch();
  }

  static int[] toIntCounts(long[] counts, int length) {
    int[] result = new int[length];
    for (int i = 0; i < length; i++) {
      result[i] = saturatedInt(counts[i]);
    }
    return result;
  }

  // ---- life cycle ----

  /** Releases what the subclass holds beyond the current result; called once, from close(). */
  abstract void closeResources() throws SQLException;

  @Override
  public final void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      clearResult();
      closeKeys();
      closeResources();
    } finally {
      connection.unregister(this);
    }
  }

  @Override
  public final boolean isClosed() {
    return closed;
  }

  @Override
  public final void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public final boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  @Override
  public final java.sql.Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  /**
   * Interrupts this statement from any thread, as {@code sqlite3_interrupt} does: a run in progress
   * ({@code execute...} or a result set's {@code next()}) fails with an SQLSTATE HY008 exception
   * carrying the {@code SQLITE_INTERRUPT} code; an open result set fails at its next {@code
   * next()}. Without either, nothing happens. The connection stays usable.
   */
  @Override
  public final void cancel() throws SQLException {
    if (!interrupter.cancel()) {
      PagodaResultSet current = result;
      if (current != null) {
        current.cancelled();
      }
    }
  }

  // ---- limits and hints ----

  @Override
  public final int getMaxRows() throws SQLException {
    return saturatedInt(getLargeMaxRows());
  }

  @Override
  public final void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public final long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  /** Result sets made after this call stop after {@code max} rows; 0 means no limit. */
  @Override
  public final void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw Errors.invalidArgument("max rows must not be negative: " + max);
    }
    maxRows = max;
  }

  @Override
  public final int getMaxFieldSize() throws SQLException {
    checkOpen();
    return maxFieldSize;
  }

  /** Recorded but not enforced: values are returned whole. */
  @Override
  public final void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw Errors.invalidArgument("max field size must not be negative: " + max);
    }
    maxFieldSize = max;
  }

  @Override
  public final int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  /**
   * Statements run after this call (and their result sets' {@code next()}) are interrupted once
   * they have run {@code seconds} seconds, failing with {@link java.sql.SQLTimeoutException}; 0
   * means no limit.
   */
  @Override
  public final void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw Errors.invalidArgument("query timeout must be >= 0: " + seconds);
    }
    queryTimeout = seconds;
  }

  @Override
  public final int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  /**
   * A hint, passed on to the result sets made after this call; rows are read one at a time from
   * the engine whatever it says. As in sqlite-jdbc it may not exceed a non-zero max rows.
   */
  @Override
  public final void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0 || (maxRows != 0 && rows > maxRows)) {
      throw Errors.invalidArgument("fetch size " + rows + " out of bounds " + maxRows);
    }
    fetchSize = rows;
  }

  @Override
  public final int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public final void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD) {
      throw Errors.unsupported("Fetch direction " + direction + " (only FETCH_FORWARD)");
    }
  }

  /** JDBC escape syntax ({@code {fn ...}}, {@code {d ...}}) is not translated; this is ignored. */
  @Override
  public final void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public final void setCursorName(String name) throws SQLException {
    throw Errors.unsupported("Named cursors");
  }

  @Override
  public final int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public final int getResultSetType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public final int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public final void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    this.poolable = poolable;
  }

  @Override
  public final boolean isPoolable() throws SQLException {
    checkOpen();
    return poolable;
  }

  @Override
  public final SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public final void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, null, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(this, null, iface);
  }
}
