package dev.pagoda.jdbc;

import dev.pagoda.PagodaException;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import dev.pagoda.spi.StorageClass;
import dev.pagoda.spi.Value;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a query: forward-only and read-only, over the engine's {@link Rows}. Columns are
 * numbered from 1 here (JDBC) and from 0 in the engine; labels match case-insensitively, the first
 * of equal labels winning. Getters convert between storage classes as SQLite's {@code
 * sqlite3_column_*} functions do ({@code getInt} keeps the low 32 bits, NULL reads as 0 and null)
 * and otherwise as sqlite-jdbc does: {@link #getObject(int)} gives Integer (or Long beyond 32
 * bits), Double, String, byte[] or null by storage class; dates and times read by storage class
 * through the connection's {@link DateFormats}.
 *
 * <p>As in sqlite-jdbc, {@link #getRow()} keeps counting the rows read after the last one, and
 * {@link #isFirst()} says whether exactly one row has been read.
 */
public final class PagodaResultSet extends AbstractResultSetByLabel {
  private final AbstractStatement owner;
  private final Rows rows;
  private final PreparedStatement ownedStatement;
  private final long maxRows;
  private final DateFormats dates;

  private List<String> columnNames;
  private Map<String, Integer> columnsByLabel;
  private long row;
  private boolean onRow;
  private boolean done;
  private boolean peeked;
  private boolean peekedRow;
  private boolean wasNull;
  /** Whether a getter has read a column of the current row (else {@link #wasNull} fails). */
  private boolean columnRead;
  private boolean closed;
  private boolean rowsClosed;
  private volatile boolean cancelled;
  private int fetchSize;

  /**
   * @param ownedStatement closed with this result set, or null when the caller owns it
   * @param maxRows the most rows to return, 0 for all
   * @param fetchSize the statement's fetch size hint
   */
  PagodaResultSet(AbstractStatement owner, Rows rows, PreparedStatement ownedStatement,
      long maxRows, int fetchSize) {
    this.owner = owner;
    this.rows = rows;
    this.ownedStatement = ownedStatement;
    this.maxRows = maxRows;
    this.fetchSize = fetchSize;
    this.dates = owner.connection.dateFormats();
  }

  /** Makes the next {@link #next()} fail with SQLITE_INTERRUPT ({@link Statement#cancel()}). */
  void cancelled() {
    cancelled = true;
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw Errors.closed("ResultSet");
    }
  }

  // ---- moving ----

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (done) {
      return false;
    }
    if (maxRows > 0 && row >= maxRows) {
      finish();
      return false;
    }
    boolean hasRow = peeked ? peekedRow : step();
    peeked = false;
    if (!hasRow) {
      finish();
      return false;
    }
    row++;
    onRow = true;
    columnRead = false;
    return true;
  }

  private boolean step() throws SQLException {
    try {
      if (cancelled) {
        cancelled = false;
        throw new PagodaException(dev.pagoda.spi.ResultCode.INTERRUPT, "interrupted");
      }
      return owner.guarded(rows::next);
    } catch (PagodaException e) {
      finish();
      throw Errors.toSql(e);
    } catch (SQLException e) {
      finish();
      throw e;
    }
  }

  private void finish() {
    onRow = false;
    done = true;
    try {
      closeRows();
    } catch (PagodaException ignored) {
      // The rows are finished either way.
    }
  }

  /** Closes the engine rows once, however often this is called. */
  private void closeRows() {
    if (!rowsClosed) {
      rowsClosed = true;
      rows.close();
    }
  }

  /** True before the first row when there is one; reading ahead to know that is invisible. */
  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    if (row > 0 || done) {
      return false;
    }
    if (!peeked) {
      peekedRow = step();
      peeked = true;
    }
    return peekedRow;
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return done && row > 0;
  }

  /** Whether exactly one row has been read (sqlite-jdbc's answer, also after the last row). */
  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return row == 1;
  }

  /** Optional for forward-only result sets in JDBC: knowing would mean leaving the current row. */
  @Override
  public boolean isLast() throws SQLException {
    throw Errors.unsupported("isLast on a TYPE_FORWARD_ONLY ResultSet");
  }

  /** The number of rows read so far (sqlite-jdbc's answer, also after the last row). */
  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return AbstractStatement.saturatedInt(row);
  }

  // ---- columns ----

  private List<String> columnNames() throws SQLException {
    if (columnNames == null) {
      try {
        int count = rows.columnCount();
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          names.add(rows.columnName(i));
        }
        columnNames = List.copyOf(names);
      } catch (PagodaException e) {
        throw Errors.toSql(e);
      }
    }
    return columnNames;
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    if (columnsByLabel == null) {
      Map<String, Integer> byLabel = new HashMap<>();
      List<String> names = columnNames();
      for (int i = 0; i < names.size(); i++) {
        byLabel.putIfAbsent(SqlText.foldCase(names.get(i)), i + 1);
      }
      columnsByLabel = byLabel;
    }
    Integer index = columnLabel == null ? null : columnsByLabel.get(SqlText.foldCase(columnLabel));
    if (index == null) {
      throw new SQLException("no such column: '" + columnLabel + "'", "42S22");
    }
    return index;
  }

  /**
   * The value in {@code column} (0-based) of the current row, of the first row before {@code
   * next()} (as sqlite-jdbc, which has stepped to it, reports it), or null past the last row.
   */
  Value currentValue(int column) throws SQLException {
    if (closed || !(onRow || isBeforeFirst())) {
      return null;
    }
    try {
      return rows.get(column);
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    }
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new PagodaResultSetMetaData(columnNames(), rows::columnOrigin, this::currentValue);
  }

  /**
   * Checks that there is a current row and {@code columnIndex} is in range, records whether the
   * value is NULL for {@link #wasNull()}, and returns the engine's 0-based column number.
   */
  private int column(int columnIndex) throws SQLException {
    checkOpen();
    if (!onRow) {
      throw Errors.misuse(
          row == 0 && !done
              ? "no current row: call next() first"
              : "no current row: the ResultSet is past its last row");
    }
    int count = columnNames().size();
    if (columnIndex < 1 || columnIndex > count) {
      throw Errors.indexOutOfRange("Column", columnIndex, count);
    }
    try {
      wasNull = rows.isNull(columnIndex - 1);
      columnRead = true;
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    }
    return columnIndex - 1;
  }

  /** Whether the last column read was NULL; fails, as in sqlite-jdbc, before any is read. */
  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    if (!columnRead) {
      throw Errors.misuse("wasNull: no column of the current row has been read");
    }
    return wasNull;
  }

  // ---- getters: the engine reads ----

  private long readLong(int columnIndex) throws SQLException {
    int column = column(columnIndex);
    try {
      return rows.getLong(column);
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    }
  }

  private double readDouble(int columnIndex) throws SQLException {
    int column = column(columnIndex);
    try {
      return rows.getDouble(column);
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    }
  }

  private Value readValue(int columnIndex) throws SQLException {
    int column = column(columnIndex);
    try {
      return rows.get(column);
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    }
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    int column = column(columnIndex);
    try {
      return rows.getString(column);
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    }
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    int column = column(columnIndex);
    try {
      return rows.getBytes(column);
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    }
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    return readLong(columnIndex);
  }

  /** The low 32 bits of the 64-bit integer value, as {@code sqlite3_column_int} gives them. */
  @Override
  public int getInt(int columnIndex) throws SQLException {
    return (int) readLong(columnIndex);
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    return (short) readLong(columnIndex);
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    return (byte) readLong(columnIndex);
  }

  /** Whether {@link #getInt} is non-zero (NULL reads as false), as in sqlite-jdbc. */
  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    return getInt(columnIndex) != 0;
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    return readDouble(columnIndex);
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    return (float) readDouble(columnIndex);
  }

  /**
   * Integer (Long when the value needs more than 32 bits), Double, String or byte[] by the value's
   * storage class, as sqlite-jdbc returns them; null for NULL.
   */
  @Override
  public Object getObject(int columnIndex) throws SQLException {
    Value value = readValue(columnIndex);
    return switch (value.storageClass()) {
      case NULL -> null;
      case INTEGER -> boxed(((Value.Int) value).value());
      case REAL -> ((Value.Real) value).value();
      case TEXT -> ((Value.Text) value).value();
      case BLOB -> ((Value.Blob) value).bytes().clone();
    };
  }

  /** An Integer when {@code value} fits in 32 bits, else a Long. */
  static Object boxed(long value) {
    return value == (int) value ? (Object) (int) value : (Object) value;
  }

  /** An INTEGER exactly; anything else from its text; null for NULL (sqlite-jdbc's rules). */
  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    Value value = readValue(columnIndex);
    return ResultValues.bigDecimal(
        value, value instanceof Value.Int ? null : getString(columnIndex));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    BigDecimal value = getBigDecimal(columnIndex);
    return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
  }

  /**
   * The value as {@code type}, with sqlite-jdbc's rules: String, Boolean, BigDecimal, byte[], the
   * java.sql date and time types, LocalDate, LocalTime and LocalDateTime (from the date getters,
   * else parsed from the text) for any value; Double, Long, Float and Integer only for INTEGER
   * and REAL values ("Bad value for type ..." otherwise, NULL included). Beyond sqlite-jdbc:
   * Object ({@link #getObject(int)}), Short, Byte and BigInteger, by the same numeric rule.
   */
  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    if (type == null) {
      throw Errors.invalidArgument("requested type cannot be null");
    }
    return type.cast(TypedGetters.get(this, columnIndex, type));
  }

  /** The storage class of {@code columnIndex} in the current row (checking the index). */
  StorageClass storageClass(int columnIndex) throws SQLException {
    return readValue(columnIndex).storageClass();
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw Errors.unsupported("Type maps");
    }
    return getObject(columnIndex);
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    return getString(columnIndex);
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    String text = getString(columnIndex);
    return text == null ? null : new StringReader(text);
  }

  @Override
  public Reader getNCharacterStream(int columnIndex) throws SQLException {
    return getCharacterStream(columnIndex);
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    String text = getString(columnIndex);
    return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    byte[] bytes = getBytes(columnIndex);
    return bytes == null ? null : new ByteArrayInputStream(bytes);
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    throw Errors.unsupported("getUnicodeStream (deprecated; use getCharacterStream)");
  }

  // ---- dates and times: by storage class, through the connection's DateFormats ----

  private Long millis(int columnIndex, ResultValues.Temporal kind, Calendar calendar,
      boolean julianInCalendar) throws SQLException {
    Value value = readValue(columnIndex);
    long integer = value instanceof Value.Real || value instanceof Value.Text
        ? 0 : readLong(columnIndex);
    String text = value instanceof Value.Text t ? t.value() : null;
    Long millis = ResultValues.millis(value, dates, kind,
        calendar == null ? null : calendar.getTimeZone(),
        julianInCalendar ? calendar : null, integer, text);
    if (millis != null && calendar != null && value.storageClass() == StorageClass.INTEGER) {
      calendar.setTimeInMillis(millis); // sqlite-jdbc leaves the calendar at the instant
    }
    return millis;
  }

  private static Calendar requireCalendar(Calendar cal) throws SQLException {
    if (cal == null) {
      throw Errors.invalidArgument("Expected a calendar instance.");
    }
    return cal;
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    Long millis = millis(columnIndex, ResultValues.Temporal.DATE, null, false);
    return millis == null ? null : new Date(millis);
  }

  @Override
  public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    Long millis = millis(columnIndex, ResultValues.Temporal.DATE, requireCalendar(cal), true);
    return millis == null ? null : new Date(millis);
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    Long millis = millis(columnIndex, ResultValues.Temporal.TIME, null, false);
    return millis == null ? null : new Time(millis);
  }

  @Override
  public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    Long millis = millis(columnIndex, ResultValues.Temporal.TIME, requireCalendar(cal), true);
    return millis == null ? null : new Time(millis);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    Long millis = millis(columnIndex, ResultValues.Temporal.TIMESTAMP, null, false);
    return millis == null ? null : new Timestamp(millis);
  }

  /** As sqlite-jdbc: REAL values are read in the default calendar, not {@code cal}. */
  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    Long millis =
        millis(columnIndex, ResultValues.Temporal.TIMESTAMP, requireCalendar(cal), false);
    return millis == null ? null : new Timestamp(millis);
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    throw Errors.unsupported("getBlob (use getBytes or getBinaryStream)");
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    throw Errors.unsupported("getClob (use getString or getCharacterStream)");
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    throw Errors.unsupported("getNClob (use getString or getCharacterStream)");
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    throw Errors.unsupported("Ref");
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    throw Errors.unsupported("Array");
  }

  @Override
  public URL getURL(int columnIndex) throws SQLException {
    throw Errors.unsupported("getURL (use getString)");
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    throw Errors.unsupported("RowId (select the rowid column and use getLong)");
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    throw Errors.unsupported("SQLXML");
  }

  // ---- settings and life cycle ----

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      throw Errors.unsupported("Fetch direction " + direction + " (only FETCH_FORWARD)");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return FETCH_FORWARD;
  }

  /** A hint; rows come from the engine one at a time whatever it says. */
  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0 || (maxRows != 0 && rows > maxRows)) {
      throw Errors.invalidArgument("fetch size " + rows + " out of bounds " + maxRows);
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return owner;
  }

  /** Closes the engine rows (and the engine statement when this result set owns it). */
  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    onRow = false;
    try {
      try {
        closeRows();
      } finally {
        if (ownedStatement != null) {
          ownedStatement.close();
        }
      }
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    } finally {
      owner.resultClosed(this);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /** Unwraps to this object's interfaces, or to the engine's {@link Rows}. */
  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, rows, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(this, rows, iface);
  }
}
