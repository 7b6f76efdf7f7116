package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteException;

/**
 * Runs a script of writes on Pagoda and on SQLite (sqlite-jdbc), each on its own file, for the
 * UPSERT and RETURNING differential tests: every statement must give the same column names and
 * rows (storage class by storage class, in order) or the same error code and message, and then
 * the same {@code changes()} and {@code total_changes()}; at the end both files, read by SQLite,
 * hold the same tables with the same rows and Pagoda's passes SQLite's integrity check.
 */
final class WriteScripts {
  private WriteScripts() {}

  static void compare(Path dir, List<String> script) throws Exception {
    Path pagodaFile = dir.resolve("pagoda.db");
    Path sqliteFile = dir.resolve("sqlite.db");
    try (Database db = Database.open(pagodaFile);
        Connection pagoda = db.connect();
        java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      for (String sql : script) {
        assertEquals(sqliteOutcome(sqlite, sql), pagodaOutcome(pagoda, sql), sql);
        String counters = "SELECT changes(), total_changes(), last_insert_rowid()";
        assertEquals(sqliteOutcome(sqlite, counters), pagodaOutcome(pagoda, counters),
            "counters after " + sql);
        sameTables(sqlite, pagoda, sql);
      }
    }
    try (java.sql.Connection fromPagoda = DriverManager.getConnection("jdbc:sqlite:" + pagodaFile);
        java.sql.Connection fromSqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      assertEquals("rows [integrity_check] [Tok]",
          sqliteOutcome(fromPagoda, "PRAGMA integrity_check"));
      String tables = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
      String names = sqliteOutcome(fromSqlite, tables);
      assertEquals(names, sqliteOutcome(fromPagoda, tables));
      try (Statement s = fromSqlite.createStatement(); ResultSet rs = s.executeQuery(tables)) {
        while (rs.next()) {
          String all = "SELECT rowid, * FROM \"" + rs.getString(1) + "\" ORDER BY rowid";
          assertEquals(sqliteOutcome(fromSqlite, all), sqliteOutcome(fromPagoda, all), all);
        }
      }
    }
  }

  /** Every table of SQLite's schema holds the same rows on Pagoda after {@code sql}. */
  private static void sameTables(java.sql.Connection sqlite, Connection pagoda, String sql)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT name FROM sqlite_schema WHERE type = 'table'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    for (String table : names) {
      String all = "SELECT rowid AS rowid_, * FROM \"" + table + "\" ORDER BY rowid";
      assertEquals(sqliteOutcome(sqlite, all), pagodaOutcome(pagoda, all), table + " after " + sql);
    }
  }

  private static String sqliteOutcome(java.sql.Connection sqlite, String sql) {
    try (Statement s = sqlite.createStatement()) {
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          return rows(rs);
        }
      }
      return "ok";
    } catch (SQLException e) {
      String m = e.getMessage();
      int code = e instanceof SQLiteException x ? x.getResultCode().code : e.getErrorCode();
      return "error " + code + ": " + m.substring(m.indexOf('(') + 1, m.length() - 1);
    }
  }

  private static String pagodaOutcome(Connection pagoda, String sql) {
    try (PreparedStatement ps = pagoda.prepare(sql)) {
      if (!ps.isQuery()) {
        ps.executeUpdate();
        return "ok";
      }
      List<String> names = new ArrayList<>();
      for (int i = 0; i < ps.columnCount(); i++) {
        names.add(ps.columnName(i));
      }
      List<String> out = new ArrayList<>();
      try (Rows rows = ps.query()) {
        while (rows.next()) {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < rows.columnCount(); i++) {
            sb.append(i > 0 ? "|" : "").append(SqlOracle.render(rows.get(i)));
          }
          out.add(sb.toString());
        }
      }
      return "rows " + names + " " + out;
    } catch (PagodaException e) {
      return "error " + e.code().code() + ": " + e.getMessage();
    }
  }

  private static String rows(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnName(i));
    }
    List<String> out = new ArrayList<>();
    while (rs.next()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i <= names.size(); i++) {
        Object o = rs.getObject(i);
        sb.append(i > 1 ? "|" : "").append(render(o));
      }
      out.add(sb.toString());
    }
    return "rows " + names + " " + out;
  }

  /** A sqlite-jdbc value as {@link SqlOracle#render} writes Pagoda's. */
  private static String render(Object o) {
    if (o == null) {
      return "N";
    } else if (o instanceof Integer || o instanceof Long) {
      return "I" + o;
    } else if (o instanceof Double d) {
      return "R" + d;
    } else if (o instanceof String t) {
      return "T" + t;
    } else if (o instanceof byte[] b) {
      return "B" + java.util.HexFormat.of().formatHex(b);
    }
    return "?" + o;
  }
}
