package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One Pagoda database and one sqlite-jdbc database with the same schema, for differential tests:
 * a query's rows (value by value and storage class by storage class, in order when it has an
 * ORDER BY, else as multisets) or its error message must be the same on both.
 */
final class Differential implements AutoCloseable {
  private final Database db;
  private final Connection pagoda;
  private final java.sql.Connection sqlite;

  Differential(String... schema) throws SQLException {
    db = Database.openInMemory();
    pagoda = db.connect();
    sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement s = sqlite.createStatement()) {
      for (String sql : schema) {
        pagoda.execute(sql);
        s.execute(sql);
      }
    }
  }

  /** Asserts that {@code sql} gives the same rows, or the same error, on both. */
  void check(String sql) {
    String expected = sqliteResult(sql);
    String actual = pagodaResult(sql);
    assertEquals(expected, actual, sql);
  }

  /** The rows (sorted unless the query orders them) or "error: message" on Pagoda. */
  String pagodaResult(String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = pagoda.prepare(sql); Rows rows = ps.query()) {
      while (rows.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.columnCount(); i++) {
          sb.append(SqlOracle.render(rows.get(i))).append('|');
        }
        out.add(sb.toString());
      }
    } catch (PagodaException e) {
      return "error: " + e.getMessage();
    }
    return join(sql, out);
  }

  String sqliteResult(String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          String cell = SqlOracle.render(SqlOracle.value(rs.getObject(i)));
          sb.append(cell).append('|');
        }
        out.add(sb.toString());
      }
    } catch (SQLException e) {
      String m = e.getMessage();
      int open = m.indexOf('(');
      return "error: " + (open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m);
    }
    return join(sql, out);
  }

  private static String join(String sql, List<String> rows) {
    if (!sql.toUpperCase(java.util.Locale.ROOT).contains("ORDER BY")) {
      Collections.sort(rows);
    }
    return String.join("\n", rows);
  }


  Connection pagoda() {
    return pagoda;
  }

  @Override
  public void close() throws SQLException {
    pagoda.close();
    db.close();
    sqlite.close();
  }
}
