package dev.pagoda.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table's rows, each value written with its storage class ({@code real:0.1}, {@code
 * blob:00ff}, ...), read through Pagoda or through sqlite-jdbc, so two databases can be compared.
 * A REAL -0.0 reads as 0.0 ({@code + 0.0}): sqlite3's {@code .dump} writes it as {@code 0.0}, so the
 * sign of a zero does not survive a dump.
 */
final class Contents {
  private Contents() {}

  /** Asserts equal contents, naming the first table and row that differ. */
  static void assertSame(Map<String, List<String>> expected, Map<String, List<String>> actual) {
    assertEquals(expected.keySet(), actual.keySet(), "tables");
    for (String table : expected.keySet()) {
      List<String> e = expected.get(table);
      List<String> a = actual.get(table);
      for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
        assertEquals(e.get(i), a.get(i), table + " row " + i);
      }
      assertEquals(e.size(), a.size(), table + " row count");
    }
  }

  /** The contents of the database file {@code file} read by Pagoda. */
  static Map<String, List<String>> pagoda(Path file) {
    try (Database db = Database.open(file);
        Connection c = db.connect()) {
      Map<String, List<String>> tables = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(c.tableNames());
      names.removeIf(n -> n.startsWith("sqlite_"));
      names.sort(null);
      for (String table : names) {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepare("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\" ORDER BY rowid");
            Rows r = s.query()) {
          while (r.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < r.columnCount(); i++) {
              row.append(i > 0 ? " | " : "");
              switch (r.type(i)) {
                case NULL -> row.append("null");
                case INTEGER -> row.append("integer:").append(r.getLong(i));
                case REAL -> row.append("real:").append(r.getDouble(i) + 0.0);
                case TEXT -> row.append("text:").append(r.getString(i));
                case BLOB -> row.append("blob:").append(HexFormat.of().formatHex(r.getBytes(i)));
              }
            }
            rows.add(row.toString());
          }
        }
        tables.put(table, rows);
      }
      return tables;
    }
  }

  /** The contents of the database file {@code file} read by SQLite (sqlite-jdbc). */
  static Map<String, List<String>> sqlite(Path file) throws SQLException {
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                  + " ORDER BY name")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      Map<String, List<String>> tables = new LinkedHashMap<>();
      for (String table : names) {
        tables.put(table, sqliteRows(s, table));
      }
      return tables;
    }
  }

  private static List<String> sqliteRows(Statement s, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\" ORDER BY rowid")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? " | " : "");
          Object v = rs.getObject(i);
          if (v == null) {
            row.append("null");
          } else if (v instanceof Integer || v instanceof Long) {
            row.append("integer:").append(((Number) v).longValue());
          } else if (v instanceof Double d) {
            row.append("real:").append(d.doubleValue() + 0.0);
          } else if (v instanceof byte[] b) {
            row.append("blob:").append(HexFormat.of().formatHex(b));
          } else {
            row.append("text:").append(v);
          }
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
