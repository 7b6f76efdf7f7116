package dev.pagoda.jdbc;

import dev.pagoda.spi.Value;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The parameters of a prepared statement, as sqlite-jdbc describes them. SQLite parameters have no
 * declared type, so the type reported is that of the value bound when this object was made: {@link
 * Types#NULL} for NULL (or unset), {@link Types#INTEGER} for values set through {@code setInt},
 * {@code setShort}, {@code setByte}, {@code setBoolean} or {@code setObject} with an Integer, Short
 * or Boolean, {@link Types#BIGINT} for other integers, {@link Types#REAL} for floating point, and
 * {@link Types#VARCHAR} for everything else. Every parameter is a nullable, signed IN parameter
 * whose class name is {@code java.lang.String}.
 */
final class PagodaParameterMetaData implements ParameterMetaData {
  private final Value[] values;
  private final boolean[] boundAsInt;

  PagodaParameterMetaData(Value[] values, boolean[] boundAsInt) {
    this.values = values;
    this.boundAsInt = boundAsInt;
  }

  private int check(int param) throws SQLException {
    if (param < 1 || param > values.length) {
      throw Errors.indexOutOfRange("Parameter", param, values.length);
    }
    return param - 1;
  }

  @Override
  public int getParameterCount() {
    return values.length;
  }

  @Override
  public int isNullable(int param) throws SQLException {
    check(param);
    return parameterNullable;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    check(param);
    return true;
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    check(param);
    return 0;
  }

  @Override
  public int getScale(int param) throws SQLException {
    check(param);
    return 0;
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    int i = check(param);
    return switch (values[i].storageClass()) {
      case NULL -> Types.NULL;
      case INTEGER -> boundAsInt[i] ? Types.INTEGER : Types.BIGINT;
      case REAL -> Types.REAL;
      case TEXT, BLOB -> Types.VARCHAR;
    };
  }

  /** The {@link JDBCType} name of {@link #getParameterType}: "INTEGER", "VARCHAR", ... */
  @Override
  public String getParameterTypeName(int param) throws SQLException {
    return JDBCType.valueOf(getParameterType(param)).getName();
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    check(param);
    return String.class.getName();
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    check(param);
    return parameterModeIn;
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
