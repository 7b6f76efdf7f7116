package dev.pagoda.jdbc;

import dev.pagoda.PreparedStatement;
import dev.pagoda.spi.StorageClass;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a result: their names and, since SQLite types values rather than columns, the type
 * of the value in the current row. The JDBC type is the one whose getter {@code getObject} matches:
 * INTEGER is {@link Types#BIGINT} (Long), REAL {@link Types#DOUBLE} (Double), TEXT {@link
 * Types#VARCHAR} (String), BLOB {@link Types#VARBINARY} (byte[]), NULL {@link Types#NULL}; with no
 * current row (before {@code next()}, or for a prepared statement) it is {@link Types#OTHER}.
 *
 * <p>Column name and label are both the name SQLite gives the result column (the {@code AS} alias
 * when there is one); declared types, origin tables and columns come when the engine reports them.
 */
final class PagodaResultSetMetaData implements ResultSetMetaData {
  /** The storage class in a column (0-based) of the current row, or null when there is none. */
  @FunctionalInterface
  interface CurrentTypes {
    StorageClass typeOf(int column) throws SQLException;
  }

  private final List<String> names;
  private final CurrentTypes types;

  PagodaResultSetMetaData(List<String> names, CurrentTypes types) {
    this.names = names;
    this.types = types;
  }

  /** The columns of a prepared query, with no current row. */
  static PagodaResultSetMetaData of(PreparedStatement statement) {
    int count = statement.columnCount();
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(statement.columnName(i));
    }
    return new PagodaResultSetMetaData(List.copyOf(names), column -> null);
  }

  private int index(int column) throws SQLException {
    if (column < 1 || column > names.size()) {
      throw Errors.indexOutOfRange("Column", column, names.size());
    }
    return column - 1;
  }

  private StorageClass type(int column) throws SQLException {
    return types.typeOf(index(column));
  }

  @Override
  public int getColumnCount() {
    return names.size();
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return names.get(index(column));
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return names.get(index(column));
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    StorageClass type = type(column);
    if (type == null) {
      return Types.OTHER;
    }
    return switch (type) {
      case NULL -> Types.NULL;
      case INTEGER -> Types.BIGINT;
      case REAL -> Types.DOUBLE;
      case TEXT -> Types.VARCHAR;
      case BLOB -> Types.VARBINARY;
    };
  }

  /** SQLite's name of the storage class ("INTEGER", "TEXT", ...), or "" with no current row. */
  @Override
  public String getColumnTypeName(int column) throws SQLException {
    StorageClass type = type(column);
    return type == null ? "" : type.name();
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    StorageClass type = type(column);
    if (type == null) {
      return Object.class.getName();
    }
    return switch (type) {
      case NULL -> Object.class.getName();
      case INTEGER -> Long.class.getName();
      case REAL -> Double.class.getName();
      case TEXT -> String.class.getName();
      case BLOB -> byte[].class.getName();
    };
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    StorageClass type = type(column);
    return type == StorageClass.INTEGER || type == StorageClass.REAL;
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    index(column);
    return false;
  }

  /** True: SQLite's default collation, BINARY, tells case apart. */
  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    index(column);
    return true;
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    index(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    index(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    index(column);
    return columnNullableUnknown;
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    index(column);
    return Integer.MAX_VALUE;
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    index(column);
    return 0;
  }

  @Override
  public int getScale(int column) throws SQLException {
    index(column);
    return 0;
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    index(column);
    return "";
  }

  @Override
  public String getTableName(int column) throws SQLException {
    index(column);
    return "";
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    index(column);
    return "";
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    index(column);
    return true;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    index(column);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    index(column);
    return false;
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
