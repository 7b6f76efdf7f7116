package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sqlite.SQLiteException;

/**
 * Runs one script on Pagoda and on SQLite (sqlite-jdbc), each on its own file: every statement
 * must succeed alike (the same change count, the same rows with the same storage classes for a
 * query) or fail with the same result code ({@link Codes}) and message. At the end both files,
 * read by SQLite, hold the same schema rows and the same rows in every table (also {@code
 * sqlite_sequence}), and Pagoda's file passes SQLite's integrity check.
 */
final class ScriptComparison {
  private ScriptComparison() {}

  /** Which part of a failure's result code is compared. */
  enum Codes {
    /** The primary code ({@code code & 0xff}): CONSTRAINT, not CONSTRAINT_FOREIGNKEY. */
    PRIMARY,
    /** The extended code, e.g. 787 for SQLITE_CONSTRAINT_FOREIGNKEY. */
    EXTENDED;

    int of(int code) {
      return this == PRIMARY ? code & 0xff : code;
    }
  }

  /** Compares {@code script} (one statement per non-blank line) in files under {@code dir}. */
  static void compare(Path dir, String script) throws Exception {
    compare(dir, script.lines().filter(l -> !l.isBlank()).toList());
  }

  static void compare(Path dir, List<String> script) throws Exception {
    compare(dir, script, Codes.PRIMARY);
  }

  static void compare(Path dir, List<String> script, Codes codes) throws Exception {
    Path pagodaFile = dir.resolve("pagoda.db");
    Path sqliteFile = dir.resolve("sqlite.db");
    try (Database db = Database.open(pagodaFile);
        Connection pagoda = db.connect();
        java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      for (String sql : script) {
        assertEquals(sqliteOutcome(sqlite, sql.strip(), codes),
            pagodaOutcome(pagoda, sql.strip(), codes), sql);
      }
    }
    try (java.sql.Connection fromPagoda = DriverManager.getConnection("jdbc:sqlite:" + pagodaFile);
        java.sql.Connection fromSqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      assertEquals(List.of("Tok"), rows(fromPagoda, "PRAGMA integrity_check"));
      String schema = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid";
      assertEquals(rows(fromSqlite, schema), rows(fromPagoda, schema));
      String tables = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
      for (String table : rows(fromSqlite, tables)) {
        table = table.substring(1); // the name without its storage class
        String all = "SELECT rowid, * FROM \"" + table + "\" ORDER BY rowid";
        assertEquals(rows(fromSqlite, all), rows(fromPagoda, all), table);
      }
    }
  }

  private static boolean isDml(String sql) {
    String u = sql.toUpperCase(Locale.ROOT);
    return u.startsWith("INSERT") || u.startsWith("UPDATE") || u.startsWith("DELETE")
        || u.startsWith("REPLACE") || u.startsWith("WITH");
  }

  static String sqliteOutcome(java.sql.Connection sqlite, String sql, Codes codes) {
    try (Statement s = sqlite.createStatement()) {
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          return "rows " + rows(rs);
        }
      }
      return isDml(sql) ? "ok " + s.getUpdateCount() : "ok";
    } catch (SQLException e) {
      String m = e.getMessage();
      int code = codes.of(e instanceof SQLiteException x ? x.getResultCode().code : e.getErrorCode());
      int open = m.indexOf('(');
      return "error " + code + ": "
          + (open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m);
    }
  }

  static String pagodaOutcome(Connection pagoda, String sql, Codes codes) {
    try (PreparedStatement ps = pagoda.prepare(sql)) {
      if (ps.isQuery()) {
        List<String> out = new ArrayList<>();
        try (Rows rows = ps.query()) {
          while (rows.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows.columnCount(); i++) {
              sb.append(i > 0 ? " | " : "").append(SqlOracle.render(rows.get(i)));
            }
            out.add(sb.toString());
          }
        }
        return "rows " + out;
      }
      long n = ps.executeUpdate();
      return isDml(sql) ? "ok " + n : "ok";
    } catch (PagodaException e) {
      return "error " + codes.of(e.code().code()) + ": " + e.getMessage();
    }
  }

  static List<String> rows(java.sql.Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        sb.append(i > 1 ? " | " : "").append(SqlOracle.render(SqlOracle.value(rs.getObject(i))));
      }
      out.add(sb.toString());
    }
    return out;
  }
}
