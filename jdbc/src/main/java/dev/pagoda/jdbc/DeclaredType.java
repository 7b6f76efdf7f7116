package dev.pagoda.jdbc;

import java.sql.Types;
import java.util.Locale;

/**
 * A column's declared type as {@code getColumns} reports it, the way sqlite-jdbc reads it (so
 * tools see the same answers from either driver): the name upper-cased without its {@code (size)},
 * a {@link Types} code chosen by words in the name (SQLite's affinity rules, plus BOOL for
 * INTEGER), and the size and scale from the parentheses.
 *
 * <table>
 *   <caption>Type codes</caption>
 *   <tr><th>name contains</th><th>DATA_TYPE</th><th>default DECIMAL_DIGITS</th></tr>
 *   <tr><td>INT, BOOL</td><td>INTEGER</td><td>0</td></tr>
 *   <tr><td>CHAR, CLOB, TEXT, BLOB</td><td>VARCHAR</td><td>0</td></tr>
 *   <tr><td>REAL, FLOA, DOUB, DEC, NUM</td><td>FLOAT</td><td>10</td></tr>
 *   <tr><td>anything else (also no type)</td><td>VARCHAR</td><td>10</td></tr>
 * </table>
 *
 * <p>COLUMN_SIZE is the first number in parentheses, else 2,000,000,000; DECIMAL_DIGITS is the
 * second number, or 0 when there are parentheses with one number. Unlike sqlite-jdbc, which adds
 * the scale to the size ({@code NUMERIC(10,2)} has size 12 there), the size is the precision, as
 * the JDBC javadoc defines COLUMN_SIZE for numeric types.
 *
 * @param typeName TYPE_NAME
 * @param dataType DATA_TYPE, a {@link Types} code
 * @param columnSize COLUMN_SIZE
 * @param decimalDigits DECIMAL_DIGITS
 */
record DeclaredType(String typeName, int dataType, int columnSize, int decimalDigits) {
  /** The size of a column whose type gives none: SQLite's default maximum length of a value. */
  static final int NO_SIZE = 2_000_000_000;

  /** The reading of {@code declared} (null or "" for a column without a type). */
  static DeclaredType of(String declared) {
    String upper = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
    int dataType;
    int decimalDigits;
    if (containsAny(upper, "INT", "BOOL")) {
      dataType = Types.INTEGER;
      decimalDigits = 0;
    } else if (containsAny(upper, "CHAR", "CLOB", "TEXT", "BLOB")) {
      dataType = Types.VARCHAR;
      decimalDigits = 0;
    } else if (containsAny(upper, "REAL", "FLOA", "DOUB", "DEC", "NUM")) {
      dataType = Types.FLOAT;
      decimalDigits = 10;
    } else {
      dataType = Types.VARCHAR;
      decimalDigits = 10;
    }
    int open = upper.indexOf('(');
    int close = open < 0 ? -1 : upper.indexOf(')', open);
    if (open <= 0 || close < 0) {
      return new DeclaredType(upper, dataType, NO_SIZE, decimalDigits);
    }
    String name = upper.substring(0, open).trim();
    String[] numbers = upper.substring(open + 1, close).split(",", -1);
    Integer size = number(numbers[0]);
    Integer scale = numbers.length > 1 ? number(numbers[1]) : Integer.valueOf(0);
    return new DeclaredType(
        name,
        dataType,
        size == null ? NO_SIZE : size,
        scale == null ? decimalDigits : scale.intValue());
  }

  private static boolean containsAny(String s, String... words) {
    for (String word : words) {
      if (s.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static Integer number(String s) {
    try {
      return Integer.parseUnsignedInt(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
