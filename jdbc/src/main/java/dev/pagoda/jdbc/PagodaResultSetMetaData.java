package dev.pagoda.jdbc;

import dev.pagoda.ColumnOrigin;
import dev.pagoda.PreparedStatement;
import dev.pagoda.spi.StorageClass;
import dev.pagoda.spi.Value;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a result, described as sqlite-jdbc describes them. Names and labels are the names
 * SQLite gives the result columns (the {@code AS} alias when there is one). Where a column is a
 * plain reference to a table column, the engine's {@link ColumnOrigin} gives its declared type,
 * table, NOT NULL and AUTOINCREMENT; otherwise (expressions) sqlite-jdbc's fallbacks apply: a
 * {@code cast(... as TYPE)} in the column's name, else the storage class of the value in the
 * current row (the first row before {@code next()}; NULL past the last row and for a prepared
 * statement not yet run).
 *
 * <p>{@link #getColumnType} maps the type name and the current value's storage class to {@link
 * java.sql.Types} with sqlite-jdbc's table ({@link ColumnTypes}); {@link #getColumnClassName}
 * follows the current value, as {@link java.sql.ResultSet#getObject(int)} does.
 */
final class PagodaResultSetMetaData implements ResultSetMetaData {
  /** The origin of a column (0-based), or null when it is an expression. */
  @FunctionalInterface
  interface Origins {
    ColumnOrigin originOf(int column);
  }

  /** The value in a column (0-based) of the current row, or null when there is none. */
  @FunctionalInterface
  interface CurrentValues {
    Value valueOf(int column) throws SQLException;
  }

  /** Text before the first "(" of a declared type: the type name. */
  private static final Pattern TYPE_NAME = Pattern.compile("([^\\(]*)");

  /** {@code cast(x as TYPE)} in a column name, as sqlite-jdbc looks for it (lower case only). */
  private static final Pattern CAST = Pattern.compile("cast\\(.*?\\s+as\\s+(.*?)\\s*\\)");

  /** The "(precision, scale)" of a declared type. */
  private static final Pattern PRECISION = Pattern.compile(".*?\\((.*?)\\)");

  private final List<String> names;
  private final Origins origins;
  private final CurrentValues values;

  PagodaResultSetMetaData(List<String> names, Origins origins, CurrentValues values) {
    this.names = names;
    this.origins = origins;
    this.values = values;
  }

  /** The columns of a prepared query that has no current row. */
  static PagodaResultSetMetaData of(PreparedStatement statement) {
    int count = statement.columnCount();
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(statement.columnName(i));
    }
    return new PagodaResultSetMetaData(List.copyOf(names), statement::columnOrigin, c -> null);
  }

  private int index(int column) throws SQLException {
    if (column < 1 || column > names.size()) {
      throw Errors.indexOutOfRange("Column", column, names.size());
    }
    return column - 1;
  }

  private ColumnOrigin origin(int column) throws SQLException {
    return origins.originOf(index(column));
  }

  /** The current value's storage class; NULL when there is no current row. */
  private StorageClass storage(int column) throws SQLException {
    Value value = values.valueOf(index(column));
    return value == null ? StorageClass.NULL : value.storageClass();
  }

  /** Whether the current value is an INTEGER outside 32 bits. */
  private boolean isWide(int column) throws SQLException {
    Value value = values.valueOf(index(column));
    return value instanceof Value.Int i && i.value() != (int) i.value();
  }

  /** The declared type, else the type of a {@code cast(... as TYPE)} column name, else null. */
  private String declaredType(int column) throws SQLException {
    ColumnOrigin origin = origin(column);
    if (origin != null && origin.declaredType() != null) {
      return origin.declaredType();
    }
    Matcher cast = CAST.matcher(names.get(column - 1));
    return cast.find() ? cast.group(1) : null;
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
    return ColumnTypes.jdbcType(getColumnTypeName(column), storage(column), isWide(column));
  }

  /**
   * The declared type's name before any "(", in upper case; for an expression the storage class of
   * the current value: INTEGER, FLOAT, TEXT, BLOB, or NUMERIC for NULL.
   */
  @Override
  public String getColumnTypeName(int column) throws SQLException {
    String declared = declaredType(column);
    if (declared != null) {
      Matcher name = TYPE_NAME.matcher(declared);
      return name.find() ? name.group(1).toUpperCase(Locale.ENGLISH) : "";
    }
    return switch (storage(column)) {
      case INTEGER -> "INTEGER";
      case REAL -> "FLOAT";
      case TEXT -> "TEXT";
      case BLOB -> "BLOB";
      case NULL -> "NUMERIC";
    };
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return switch (storage(column)) {
      case INTEGER -> isWide(column) ? Long.class.getName() : Integer.class.getName();
      case REAL -> Double.class.getName();
      case TEXT -> String.class.getName();
      case BLOB, NULL -> Object.class.getName();
    };
  }

  /** Whether the type name is NUMERIC, INTEGER or REAL (sqlite-jdbc's rule). */
  @Override
  public boolean isSigned(int column) throws SQLException {
    String name = getColumnTypeName(column);
    return name.equals("NUMERIC") || name.equals("INTEGER") || name.equals("REAL");
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    ColumnOrigin origin = lookedUp(column);
    return origin != null && origin.autoIncrement();
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

  /**
   * No nulls for a NOT NULL table column; nullable otherwise, expressions included. As in
   * sqlite-jdbc, which looks the column up by its result name, a column renamed by {@code AS} (or
   * by a subquery) counts as nullable.
   */
  @Override
  public int isNullable(int column) throws SQLException {
    ColumnOrigin origin = lookedUp(column);
    return origin != null && origin.notNull() ? columnNoNulls : columnNullable;
  }

  /**
   * The origin when the result column bears the origin column's name (ASCII case-insensitive; a
   * rowid by any of its names), as {@code sqlite3_table_column_metadata} finds it from the result
   * name in sqlite-jdbc; else null.
   */
  private ColumnOrigin lookedUp(int column) throws SQLException {
    ColumnOrigin origin = origin(column);
    if (origin == null) {
      return null;
    }
    String name = SqlText.foldCase(names.get(column - 1));
    boolean rowidName = name.equals("rowid") || name.equals("oid") || name.equals("_rowid_");
    return name.equals(SqlText.foldCase(origin.column())) || (rowidName && origin.primaryKey())
        ? origin
        : null;
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    index(column);
    return Integer.MAX_VALUE;
  }

  /** The first number in the declared type's parentheses ({@code DECIMAL(10,2)}: 10), else 0. */
  @Override
  public int getPrecision(int column) throws SQLException {
    String[] numbers = typeNumbers(column);
    return numbers.length == 0 ? 0 : parse(numbers[0]);
  }

  /** The second number in the declared type's parentheses ({@code DECIMAL(10,2)}: 2), else 0. */
  @Override
  public int getScale(int column) throws SQLException {
    String[] numbers = typeNumbers(column);
    return numbers.length == 2 ? parse(numbers[1]) : 0;
  }

  private String[] typeNumbers(int column) throws SQLException {
    String declared = declaredType(column);
    if (declared == null) {
      return new String[0];
    }
    Matcher m = PRECISION.matcher(declared);
    return m.find() ? m.group(1).split(",", -1) : new String[0];
  }

  private static int parse(String number) throws SQLException {
    try {
      return Integer.parseInt(number.trim());
    } catch (NumberFormatException e) {
      throw Errors.conversion("not a number in the declared type: '" + number + "'");
    }
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    index(column);
    return "";
  }

  /** The origin table's name, or "" for an expression. */
  @Override
  public String getTableName(int column) throws SQLException {
    ColumnOrigin origin = origin(column);
    return origin == null ? "" : origin.table();
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    index(column);
    return "";
  }

  /** False, as in sqlite-jdbc: columns are not marked read-only (though result sets are). */
  @Override
  public boolean isReadOnly(int column) throws SQLException {
    index(column);
    return false;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    index(column);
    return true;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    index(column);
    return true;
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
