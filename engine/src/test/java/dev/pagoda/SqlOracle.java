package dev.pagoda;

import dev.pagoda.spi.Value;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs one statement on Pagoda and on sqlite-jdbc and renders the outcome alike: each row as its
 * values with their storage classes ({@code I5|R1.5|Tabc|B00ff|N|}), or one line {@code error
 * CODE: message} with the primary result code. Tests compare the two renderings.
 */
final class SqlOracle {
  private SqlOracle() {}

  /** The outcome of {@code sql} on Pagoda: its rows (none for a statement), or its error. */
  static List<String> pagoda(Connection c, String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepare(sql)) {
      if (ps.isQuery()) {
        try (Rows rows = ps.query()) {
          while (rows.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows.columnCount(); i++) {
              sb.append(render(rows.get(i))).append('|');
            }
            out.add(sb.toString());
          }
        }
      } else {
        ps.executeUpdate();
      }
    } catch (PagodaException e) {
      return List.of("error " + e.code().primary().code() + ": " + e.getMessage());
    }
    return out;
  }

  /** The outcome of {@code sql} on sqlite-jdbc, rendered as {@link #pagoda} renders it. */
  static List<String> sqlite(java.sql.Connection c, String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= n; i++) {
              sb.append(render(value(rs.getObject(i)))).append('|');
            }
            out.add(sb.toString());
          }
        }
      }
    } catch (SQLException e) {
      String m = e.getMessage();
      int open = m.indexOf('(');
      String message = open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m;
      return List.of("error " + (e.getErrorCode() & 0xff) + ": " + message);
    }
    return out;
  }

  static Value value(Object o) {
    if (o == null) {
      return Value.NULL;
    } else if (o instanceof Integer || o instanceof Long) {
      return Value.of(((Number) o).longValue());
    } else if (o instanceof Double || o instanceof Float) {
      return Value.of(((Number) o).doubleValue());
    } else if (o instanceof byte[] bytes) {
      return Value.of(bytes);
    }
    return Value.of(o.toString());
  }

  static String render(Value v) {
    if (v instanceof Value.Int i) {
      return "I" + i.value();
    } else if (v instanceof Value.Real r) {
      return "R" + r.value();
    } else if (v instanceof Value.Text t) {
      return "T" + t.value();
    } else if (v instanceof Value.Blob b) {
      return "B" + HexFormat.of().formatHex(b.bytes());
    }
    return "N";
  }
}
