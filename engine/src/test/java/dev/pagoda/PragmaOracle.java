package dev.pagoda;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs one statement on Pagoda and on sqlite-jdbc and renders the outcome alike for the pragma
 * tests: a first line of column names, then each row cell by cell with its storage class ({@link
 * SqlOracle#render}), or one line {@code error: message}. Rows are kept in order, or sorted when
 * asked (for the pragmas SQLite answers in hash order).
 */
final class PragmaOracle {
  private PragmaOracle() {}

  static String pagoda(Connection c, String sql, boolean sorted) {
    List<String> rows = new ArrayList<>();
    String header;
    try (PreparedStatement ps = c.prepare(sql)) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < ps.columnCount(); i++) {
        names.add(ps.columnName(i));
      }
      header = String.join("|", names);
      if (ps.isQuery()) {
        try (Rows r = ps.query()) {
          while (r.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.columnCount(); i++) {
              sb.append(SqlOracle.render(r.get(i))).append('|');
            }
            rows.add(sb.toString());
          }
        }
      } else {
        ps.executeUpdate();
      }
    } catch (PagodaException e) {
      return "error: " + e.getMessage();
    }
    return join(header, rows, sorted);
  }

  static String sqlite(java.sql.Connection c, String sql, boolean sorted) {
    List<String> rows = new ArrayList<>();
    String header = "";
    try (Statement s = c.createStatement()) {
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          ResultSetMetaData md = rs.getMetaData();
          List<String> names = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            names.add(md.getColumnName(i));
          }
          header = String.join("|", names);
          while (rs.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              sb.append(SqlOracle.render(SqlOracle.value(rs.getObject(i)))).append('|');
            }
            rows.add(sb.toString());
          }
        }
      }
    } catch (SQLException e) {
      String m = e.getMessage();
      int open = m.indexOf('(');
      return "error: " + (open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m);
    }
    return join(header, rows, sorted);
  }

  private static String join(String header, List<String> rows, boolean sorted) {
    if (sorted) {
      Collections.sort(rows);
    }
    return header + "\n" + String.join("\n", rows);
  }
}
