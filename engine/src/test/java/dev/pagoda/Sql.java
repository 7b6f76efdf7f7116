package dev.pagoda;

import java.util.ArrayList;
import java.util.List;

/** Small helpers the engine's tests share. */
final class Sql {
  private Sql() {}

  /** The first column of every row of {@code sql}, as text (null for NULL), in order. */
  static List<String> column(Connection c, String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepare(sql); Rows rows = ps.query()) {
      while (rows.next()) {
        out.add(rows.getString(0));
      }
    }
    return out;
  }
}
