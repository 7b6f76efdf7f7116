package dev.pagoda.btree;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test helper: runs statements on a database file with real SQLite (sqlite-jdbc). */
final class Sqlite {
  private Sqlite() {}

  static Connection open(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /** The rows of {@code sql}, each as a list of column values. */
  static List<List<Object>> query(Path file, String sql) throws SQLException {
    try (Connection c = open(file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** PRAGMA integrity_check output, joined by newlines ("ok" when the file is sound). */
  static String integrityCheck(Path file) throws SQLException {
    StringBuilder sb = new StringBuilder();
    for (List<Object> row : query(file, "PRAGMA integrity_check")) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(row.get(0));
    }
    return sb.toString();
  }

  static long queryLong(Path file, String sql) throws SQLException {
    return ((Number) query(file, sql).get(0).get(0)).longValue();
  }

  static void execute(Path file, String... sqls) throws SQLException {
    try (Connection c = open(file);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (String sql : sqls) {
        s.execute(sql);
      }
      c.commit();
    }
  }
}
