package dev.pagoda.jdbc;

import dev.pagoda.spi.StorageClass;
import java.sql.Types;
import java.util.Set;

/**
 * sqlite-jdbc's mapping of a column's type name and current value to {@link java.sql.Types}: the
 * type name decides among the types that the value's storage class allows (any of them for NULL);
 * failing a known name, the storage class does (INTEGER or BIGINT by the value's size, FLOAT,
 * VARCHAR, BLOB), and NUMERIC is the last resort.
 */
final class ColumnTypes {
  private static final Set<String> INTEGERS = Set.of("INT", "INTEGER", "MEDIUMINT");
  private static final Set<String> BIGINTS = Set.of("BIGINT", "INT8", "UNSIGNED BIG INT");
  private static final Set<String> DOUBLES = Set.of("DOUBLE", "DOUBLE PRECISION");
  private static final Set<String> CHARS =
      Set.of("CHARACTER", "NCHAR", "NATIVE CHARACTER", "CHAR");
  private static final Set<String> VARCHARS =
      Set.of("VARCHAR", "VARYING CHARACTER", "NVARCHAR", "TEXT");

  private ColumnTypes() {}

  /**
   * @param name the type name as {@code getColumnTypeName} gives it
   * @param storage the current value's storage class (NULL without a current row)
   * @param wide whether the current value is an integer beyond 32 bits
   */
  static int jdbcType(String name, StorageClass storage, boolean wide) {
    boolean isNull = storage == StorageClass.NULL;
    if (storage == StorageClass.INTEGER || isNull) {
      Integer type = integerType(name, storage, wide);
      if (type != null) {
        return type;
      }
    }
    if (storage == StorageClass.REAL || isNull) {
      Integer type = realType(name, storage);
      if (type != null) {
        return type;
      }
    }
    if (storage == StorageClass.TEXT || isNull) {
      Integer type = textType(name, storage);
      if (type != null) {
        return type;
      }
    }
    if (storage == StorageClass.BLOB || isNull) {
      if (name.equals("BINARY")) {
        return Types.BINARY;
      }
      if (storage == StorageClass.BLOB || name.equals("BLOB")) {
        return Types.BLOB;
      }
    }
    return Types.NUMERIC;
  }

  private static Integer integerType(String name, StorageClass storage, boolean wide) {
    if (name.equals("BOOLEAN")) {
      return Types.BOOLEAN;
    } else if (name.equals("TINYINT")) {
      return Types.TINYINT;
    } else if (name.equals("SMALLINT") || name.equals("INT2")) {
      return Types.SMALLINT;
    } else if (BIGINTS.contains(name)) {
      return Types.BIGINT;
    } else if (name.equals("DATE")) {
      return Types.DATE;
    } else if (name.equals("DATETIME") || name.equals("TIMESTAMP")) {
      return Types.TIMESTAMP;
    } else if (storage == StorageClass.INTEGER || INTEGERS.contains(name)) {
      return wide ? Types.BIGINT : Types.INTEGER;
    }
    return null;
  }

  private static Integer realType(String name, StorageClass storage) {
    if (name.equals("DECIMAL")) {
      return Types.DECIMAL;
    } else if (DOUBLES.contains(name)) {
      return Types.DOUBLE;
    } else if (name.equals("NUMERIC")) {
      return Types.NUMERIC;
    } else if (name.equals("REAL")) {
      return Types.REAL;
    } else if (storage == StorageClass.REAL || name.equals("FLOAT")) {
      return Types.FLOAT;
    }
    return null;
  }

  private static Integer textType(String name, StorageClass storage) {
    if (CHARS.contains(name)) {
      return Types.CHAR;
    } else if (name.equals("CLOB")) {
      return Types.CLOB;
    } else if (name.equals("DATE")) {
      return Types.DATE;
    } else if (name.equals("DATETIME") || name.equals("TIMESTAMP")) {
      return Types.TIMESTAMP;
    } else if (storage == StorageClass.TEXT || VARCHARS.contains(name)) {
      return Types.VARCHAR;
    }
    return null;
  }
}
