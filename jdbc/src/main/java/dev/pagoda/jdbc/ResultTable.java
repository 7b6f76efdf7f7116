package dev.pagoda.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows computed in Java (from the schema pragmas and the CREATE statements) turned into a real
 * result set: a {@code VALUES} query with the JDBC column names as aliases, run on the connection
 * the metadata belongs to, so every getter is that connection's own result set. Values are inlined
 * as SQL literals (a metadata result can have more cells than SQLite allows host parameters); the
 * query may add a filter and an order over the named columns, with bound parameters.
 */
final class ResultTable {
  private final List<String> columns;
  private final List<Object[]> rows = new ArrayList<>();

  /** A table with these columns, in this order, as the JDBC javadoc names them. */
  ResultTable(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Adds a row; each value is null, a String, an Integer, a Long or a Boolean (stored 1/0). */
  void add(Object... row) {
    if (row.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values for " + columns.size() + " columns " + columns);
    }
    rows.add(row.clone());
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * The rows, keeping those for which {@code where} (SQL over the column names, or null) holds,
   * ordered by {@code orderBy} (column names, or null), as a result set whose statement closes with
   * it.
   */
  ResultSet query(Connection connection, String where, String orderBy, String... parameters)
      throws SQLException {
    return run(connection, sql(where, orderBy), parameters);
  }

  /** Runs {@code sql} with string parameters; the statement closes when its result set does. */
  static ResultSet run(Connection connection, String sql, String... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      ResultSet result = statement.executeQuery();
      statement.closeOnCompletion();
      return result;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /** The query text; visible for tests. */
  String sql(String where, String orderBy) {
    StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append(rows.isEmpty() ? "NULL" : "column" + (i + 1));
      sql.append(" AS ").append(quoteIdentifier(columns.get(i)));
    }
    if (rows.isEmpty()) {
      sql.append(" WHERE 0");
    } else {
      sql.append(" FROM (VALUES ");
      for (int r = 0; r < rows.size(); r++) {
        appendRow(sql.append(r > 0 ? ", " : ""), rows.get(r));
      }
      sql.append(')');
    }
    sql.append(')');
    if (where != null) {
      sql.append(" WHERE ").append(where);
    }
    if (orderBy != null) {
      sql.append(" ORDER BY ").append(orderBy);
    }
    return sql.toString();
  }

  private static void appendRow(StringBuilder sql, Object[] row) {
    sql.append('(');
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        sql.append(", ");
      }
      appendLiteral(sql, row[i]);
    }
    sql.append(')');
  }

  private static void appendLiteral(StringBuilder sql, Object value) {
    if (value == null) {
      sql.append("NULL");
    } else if (value instanceof String s) {
      sql.append(quoteString(s));
    } else if (value instanceof Integer || value instanceof Long) {
      sql.append(value);
    } else if (value instanceof Boolean b) {
      sql.append(b ? '1' : '0');
    } else {
      throw new IllegalArgumentException("no SQL literal for " + value.getClass().getName());
    }
  }

  /** {@code s} as an SQL string literal. */
  static String quoteString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** {@code name} as a double-quoted SQL identifier. */
  static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
