package dev.pagoda.jdbc;

import dev.pagoda.PagodaException;
import dev.pagoda.PreparedStatement;
import dev.pagoda.spi.Value;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

/**
 * A JDBC prepared statement over one engine {@link PreparedStatement}, prepared once and run as
 * often as the caller likes. Parameters are numbered from 1 ({@code ?}, {@code ?NNN}, {@code
 * :name}, {@code @name}, {@code $name} all count); unset ones are NULL. The values set are kept
 * here and bound to the engine statement at each run, so a batch can replay them.
 *
 * <p>How Java values map to storage classes is {@link Parameters}' job; dates and times bind
 * through the connection's {@link DateFormats} (by default INTEGER milliseconds), in the calendar's
 * zone when one is given. The target SQL type given to {@code setObject} and {@code setNull} is
 * ignored, as sqlite-jdbc ignores it: SQLite is dynamically typed, and the column's affinity
 * converts values on insert.
 */
public final class PagodaPreparedStatement extends AbstractStatement
    implements java.sql.PreparedStatement {
  private final PreparedStatement statement;
  private final String sql;
  private final boolean isQuery;
  private final Value[] parameters;
  /** Which parameters were set through an int-sized setter (ParameterMetaData's INTEGER). */
  private final boolean[] boundAsInt;
  private final List<Value[]> batch = new ArrayList<>();

  private PagodaPreparedStatement(
      PagodaConnection connection, PreparedStatement statement, String sql, boolean isQuery,
      int count) {
    super(connection, true);
    this.statement = statement;
    this.sql = sql;
    this.isQuery = isQuery;
    this.parameters = new Value[count];
    this.boundAsInt = new boolean[count];
    Arrays.fill(parameters, Value.NULL);
  }

  /**
   * Prepares {@code sql}, which must hold exactly one statement.
   *
   * @throws SQLException for SQL the engine rejects, blank SQL, or SQL holding several statements
   */
  static PagodaPreparedStatement prepare(PagodaConnection connection, String sql)
      throws SQLException {
    if (sql == null || SqlText.isBlank(sql)) {
      throw new SQLException("the SQL holds no statement to prepare", "42000");
    }
    PreparedStatement statement;
    try {
      statement = connection.engine().prepare(sql);
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    }
    try {
      String tail = statement.tail();
      if (!SqlText.isBlank(tail)) {
        throw new SQLException(
            "prepareStatement takes one SQL statement, but more follows: "
                + tail.strip()
                + " (use Statement.execute to run a script)",
            "42000");
      }
      return new PagodaPreparedStatement(
          connection, statement, sql, statement.isQuery(), statement.parameterCount());
    } catch (PagodaException e) {
      closeQuietly(statement);
      throw Errors.toSql(e);
    } catch (SQLException e) {
      closeQuietly(statement);
      throw e;
    }
  }

  // ---- running ----

  @Override
  public boolean execute() throws SQLException {
    boolean rows = run();
    updateGeneratedKeys(sql);
    return rows;
  }

  private boolean run() throws SQLException {
    checkOpen();
    clearResult();
    bindAll(parameters);
    return guarded(() -> publish(statement, false));
  }

  /**
   * Runs the query and returns its rows.
   *
   * @throws SQLException when the statement is not a query; it is then not run
   */
  @Override
  public ResultSet executeQuery() throws SQLException {
    checkOpen();
    if (!isQuery) {
      throw PagodaStatement.notAQuery();
    }
    run();
    return getResultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return saturatedInt(executeLargeUpdate());
  }

  /**
   * Runs the statement and returns the rows it changed (0 for DDL).
   *
   * @throws SQLException when the statement is a query; it is then not run
   */
  @Override
  public long executeLargeUpdate() throws SQLException {
    checkOpen();
    if (isQuery) {
      throw PagodaStatement.aQuery();
    }
    execute();
    return Math.max(0, getLargeUpdateCount());
  }

  private void bindAll(Value[] values) throws SQLException {
    try {
      for (int i = 0; i < values.length; i++) {
        statement.bind(i + 1, values[i]);
      }
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    }
  }

  /**
   * The columns of the query, or null for other statements. While a result set of this statement
   * is open, its metadata (which sees the current row's values).
   */
  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    if (!isQuery) {
      return null;
    }
    ResultSet current = getResultSet();
    if (current != null && !current.isClosed()) {
      return current.getMetaData();
    }
    try {
      return PagodaResultSetMetaData.of(statement);
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    }
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return new PagodaParameterMetaData(parameters.clone(), boundAsInt.clone());
  }

  // ---- batches ----

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    batch.add(parameters.clone());
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  /**
   * Runs the statement once per parameter set added; the first failure stops the batch with a
   * {@link java.sql.BatchUpdateException} whose counts are one per parameter set, 0 from the
   * failed one on (see {@link PagodaStatement#batchFailure}). A query fails the batch at its first
   * entry ("query returns results").
   */
  @Override
  long[] runBatch() throws SQLException {
    checkOpen();
    List<Value[]> sets = List.copyOf(batch);
    batch.clear();
    clearResult();
    long[] counts = new long[sets.size()];
    for (int i = 0; i < counts.length; i++) {
      try {
        if (isQuery) {
          throw new SQLException("query returns results", "07005");
        }
        bindAll(sets.get(i));
        counts[i] = guarded(statement::executeUpdate);
      } catch (PagodaException e) {
        throw PagodaStatement.batchFailure(Errors.toSql(e), counts, i);
      } catch (SQLException e) {
        throw PagodaStatement.batchFailure(e, counts, i);
      }
    }
    return counts;
  }

  @Override
  void closeResources() throws SQLException {
    batch.clear();
    try {
      statement.close();
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    }
  }

  // ---- Statement's SQL-taking methods do not apply ----

  private static SQLException sqlNotAllowed(String method) {
    return Errors.misuse(method + "(String) cannot be called on a PreparedStatement");
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw sqlNotAllowed("execute");
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw sqlNotAllowed("executeQuery");
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    throw sqlNotAllowed("executeUpdate");
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw sqlNotAllowed("addBatch");
  }

  // ---- parameters ----

  private void set(int index, Value value) throws SQLException {
    set(index, value, false);
  }

  private void set(int index, Value value, boolean asInt) throws SQLException {
    checkOpen();
    if (index < 1 || index > parameters.length) {
      throw Errors.indexOutOfRange("Parameter", index, parameters.length);
    }
    parameters[index - 1] = value;
    boundAsInt[index - 1] = asInt;
  }

  private void bindInstant(int index, java.util.Date x, Calendar cal) throws SQLException {
    TimeZone zone = cal == null ? TimeZone.getDefault() : cal.getTimeZone();
    set(index, x == null ? Value.NULL : connection.dateFormats().bind(x.getTime(), zone));
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(parameters, Value.NULL);
    Arrays.fill(boundAsInt, false);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    set(parameterIndex, Value.NULL);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    set(parameterIndex, Value.NULL);
  }

  /** Binds INTEGER 1 or 0, as SQLite stores booleans. */
  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    set(parameterIndex, Value.of(x ? 1L : 0L), true);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    set(parameterIndex, Value.of((long) x), true);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    set(parameterIndex, Value.of((long) x), true);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    set(parameterIndex, Value.of((long) x), true);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    set(parameterIndex, Value.of(x));
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    set(parameterIndex, Value.of((double) x));
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    set(parameterIndex, Value.of(x));
  }

  /** Binds TEXT, as sqlite-jdbc does, so no digit is lost; NULL for null. */
  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    set(parameterIndex, Parameters.of(x, connection.dateFormats()));
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    set(parameterIndex, Value.of(x));
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    set(parameterIndex, Value.of(value));
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    set(parameterIndex, Value.of(x));
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    set(parameterIndex, Parameters.of(x, connection.dateFormats()),
        x instanceof Integer || x instanceof Short || x instanceof Boolean);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    setObject(parameterIndex, x);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(parameterIndex, x);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    setObject(parameterIndex, x);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(parameterIndex, x);
  }

  // ---- streams and LOBs: read whole, bound as TEXT or BLOB ----

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    set(parameterIndex, Value.of(Parameters.readAscii(x, -1)));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    set(parameterIndex, Value.of(Parameters.readAscii(x, length)));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    set(parameterIndex, Value.of(Parameters.readAscii(x, length)));
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    throw Errors.unsupported("setUnicodeStream (deprecated; use setCharacterStream)");
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    set(parameterIndex, Value.of(Parameters.readBytes(x, -1)));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    set(parameterIndex, Value.of(Parameters.readBytes(x, length)));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    set(parameterIndex, Value.of(Parameters.readBytes(x, length)));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    set(parameterIndex, Value.of(Parameters.readText(reader, -1)));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, int length)
      throws SQLException {
    set(parameterIndex, Value.of(Parameters.readText(reader, length)));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length)
      throws SQLException {
    set(parameterIndex, Value.of(Parameters.readText(reader, length)));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    setCharacterStream(parameterIndex, value);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length)
      throws SQLException {
    setCharacterStream(parameterIndex, value, length);
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    set(parameterIndex, Parameters.of(x, connection.dateFormats()));
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    setBinaryStream(parameterIndex, inputStream);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length)
      throws SQLException {
    setBinaryStream(parameterIndex, inputStream, length);
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    set(parameterIndex, Parameters.of(x, connection.dateFormats()));
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    set(parameterIndex, Parameters.of(value, connection.dateFormats()));
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    setCharacterStream(parameterIndex, reader, length);
  }

  // ---- dates and times: through the connection's DateFormats ----

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    bindInstant(parameterIndex, x, null);
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar cal)
      throws SQLException {
    bindInstant(parameterIndex, x, cal);
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    bindInstant(parameterIndex, x, null);
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar cal)
      throws SQLException {
    bindInstant(parameterIndex, x, cal);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    bindInstant(parameterIndex, x, null);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal)
      throws SQLException {
    bindInstant(parameterIndex, x, cal);
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    throw Errors.unsupported("setURL (bind the URL's text with setString)");
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    throw Errors.unsupported("Ref");
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    throw Errors.unsupported("Array");
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    throw Errors.unsupported("RowId (bind the rowid with setLong)");
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    throw Errors.unsupported("SQLXML");
  }

  /** Unwraps to this object's interfaces, or to the engine's {@link PreparedStatement}. */
  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, statement, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(this, statement, iface);
  }
}
