package dev.pagoda.jdbc;

import dev.pagoda.spi.StorageClass;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * {@link PagodaResultSet#getObject(int, Class)}: which getter answers for which class, following
 * sqlite-jdbc's {@code JDBC4ResultSet.getObject(int, Class)}.
 */
final class TypedGetters {
  private TypedGetters() {}

  static Object get(PagodaResultSet rs, int column, Class<?> type) throws SQLException {
    if (type == String.class) {
      return rs.getString(column);
    } else if (type == Boolean.class) {
      return rs.getBoolean(column);
    } else if (type == BigDecimal.class) {
      return rs.getBigDecimal(column);
    } else if (type == byte[].class) {
      return rs.getBytes(column);
    } else if (type == java.sql.Date.class) {
      return rs.getDate(column);
    } else if (type == Time.class) {
      return rs.getTime(column);
    } else if (type == Timestamp.class) {
      return rs.getTimestamp(column);
    } else if (type == LocalDate.class || type == LocalTime.class
        || type == LocalDateTime.class) {
      return local(rs, column, type);
    } else if (type == Object.class) {
      return rs.getObject(column);
    }
    return number(rs, column, type);
  }

  /** A java.time value from the java.sql getter, or parsed from the text when that fails. */
  @SuppressWarnings("JavaUtilDate") // the java.sql values' fields, as sqlite-jdbc reads them
  private static Object local(PagodaResultSet rs, int column, Class<?> type) throws SQLException {
    try {
      if (type == LocalDate.class) {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
      } else if (type == LocalTime.class) {
        Time time = rs.getTime(column);
        return time == null
            ? null
            : LocalTime.of(time.getHours(), time.getMinutes(), time.getSeconds());
      }
      Timestamp timestamp = rs.getTimestamp(column);
      return timestamp == null ? null : timestamp.toLocalDateTime();
    } catch (SQLException e) {
      return parse(rs.getString(column), type, e);
    }
  }

  private static Object parse(String text, Class<?> type, SQLException failure)
      throws SQLException {
    try {
      if (type == LocalDate.class) {
        return LocalDate.parse(text);
      } else if (type == LocalTime.class) {
        return LocalTime.parse(text);
      }
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      failure.addSuppressed(e);
      throw failure;
    }
  }

  /** The numeric classes: only for INTEGER and REAL values, as in sqlite-jdbc. */
  private static Object number(PagodaResultSet rs, int column, Class<?> type)
      throws SQLException {
    String name = numberName(type);
    if (name == null) {
      throw Errors.unsupported("getObject as " + type.getName());
    }
    StorageClass storage = rs.storageClass(column);
    if (storage != StorageClass.INTEGER && storage != StorageClass.REAL) {
      throw Errors.conversion("Bad value for type " + name);
    }
    if (type == Double.class) {
      return rs.getDouble(column);
    } else if (type == Long.class) {
      return rs.getLong(column);
    } else if (type == Float.class) {
      return rs.getFloat(column);
    } else if (type == Integer.class) {
      return rs.getInt(column);
    } else if (type == Short.class) {
      return rs.getShort(column);
    } else if (type == Byte.class) {
      return rs.getByte(column);
    }
    BigDecimal value = rs.getBigDecimal(column);
    return value.toBigInteger();
  }

  private static String numberName(Class<?> type) {
    if (type == Double.class || type == Long.class || type == Float.class
        || type == Integer.class || type == Short.class || type == Byte.class
        || type == BigInteger.class) {
      return type.getSimpleName();
    }
    return null;
  }
}
