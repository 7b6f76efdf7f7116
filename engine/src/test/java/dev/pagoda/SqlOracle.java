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
    return pagoda(c, sql, List.of());
  }

  /** The outcome of {@code sql} on Pagoda with {@code params} bound to ?1, ?2, ... */
  static List<String> pagoda(Connection c, String sql, List<Value> params) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepare(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.bind(i + 1, params.get(i));
      }
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
    try (Statement s = c.createStatement()) {
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          return rows(rs);
        }
      }
    } catch (SQLException e) {
      return error(e);
    }
    return List.of();
  }

  /** The outcome of {@code sql} on sqlite-jdbc with {@code params} bound, as {@link #pagoda}. */
  static List<String> sqlite(java.sql.Connection c, String sql, List<Value> params) {
    try (java.sql.PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        bind(s, i + 1, params.get(i));
      }
      if (s.execute()) {
        try (ResultSet rs = s.getResultSet()) {
          return rows(rs);
        }
      }
    } catch (SQLException e) {
      return error(e);
    }
    return List.of();
  }

  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        sb.append(render(value(rs.getObject(i)))).append('|');
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static List<String> error(SQLException e) {
    String m = e.getMessage();
    int open = m.indexOf('(');
    String message = open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m;
    return List.of("error " + (e.getErrorCode() & 0xff) + ": " + message);
  }

  private static void bind(java.sql.PreparedStatement s, int i, Value v) throws SQLException {
    if (v instanceof Value.Int n) {
      s.setLong(i, n.value());
    } else if (v instanceof Value.Real r) {
      s.setDouble(i, r.value());
    } else if (v instanceof Value.Text t) {
      s.setString(i, t.value());
    } else if (v instanceof Value.Blob b) {
      s.setBytes(i, b.bytes());
    } else {
      s.setNull(i, java.sql.Types.NULL);
    }
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
