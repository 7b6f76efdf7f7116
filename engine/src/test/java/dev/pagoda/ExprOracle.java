package dev.pagoda;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs {@code SELECT expr, typeof(expr)} on Pagoda and on SQLite (sqlite-jdbc, in memory) and
 * renders each outcome as {@code storageclass:value} (blobs in hex) or {@code error:message}, so
 * that a differential test compares value, storage class and error text at once.
 */
final class ExprOracle implements AutoCloseable {
  private final Database db = Database.openInMemory();
  private final Connection pagoda = db.connect();
  private final java.sql.Connection sqlite;

  ExprOracle() {
    try {
      sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pagoda's outcome for {@code expr}. */
  String pagoda(String expr) {
    try (PreparedStatement ps = pagoda.prepare(query(expr)); Rows rows = ps.query()) {
      rows.next();
      String type = rows.getString(1);
      if (!type.equals(rows.type(0).typeName())) {
        return "inconsistent:" + type + "/" + rows.type(0).typeName();
      }
      String value = rows.isNull(0) ? "" : type.equals("blob")
          ? HexFormat.of().formatHex(rows.getBytes(0)) : rows.getString(0);
      return type + ":" + value;
    } catch (PagodaException e) {
      return "error:" + e.getMessage();
    }
  }

  /** SQLite's outcome for {@code expr}. */
  String sqlite(String expr) {
    try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(query(expr))) {
      rs.next();
      String type = rs.getString(2);
      String value = type.equals("null") ? "" : type.equals("blob")
          ? HexFormat.of().formatHex(rs.getBytes(1)) : rs.getString(1);
      return type + ":" + value;
    } catch (SQLException e) {
      return "error:" + sqliteMessage(e.getMessage());
    }
  }

  /** sqlite-jdbc's "[CODE] description (message)" reduced to SQLite's own message. */
  static String sqliteMessage(String m) {
    int open = m.indexOf(" (");
    return open >= 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1) : m;
  }

  private static String query(String expr) {
    return "SELECT " + expr + ", typeof(" + expr + ")";
  }

  /** Fails listing every case of {@code exprs} whose outcome differs from SQLite's. */
  void assertSameAsSqlite(List<String> exprs) {
    List<String> diffs = differences(exprs);
    org.junit.jupiter.api.Assertions.assertTrue(diffs.isEmpty(),
        diffs.size() + " of " + exprs.size() + " differ:\n" + String.join("\n", diffs));
  }

  /** The cases, of {@code exprs}, whose outcomes differ, as "expr: pagoda != sqlite" lines. */
  List<String> differences(List<String> exprs) {
    List<String> out = new ArrayList<>();
    for (String e : exprs) {
      String ours = pagoda(e);
      String theirs = sqlite(e);
      if (!ours.equals(theirs)) {
        out.add(e + ":  pagoda=" + ours + "  sqlite=" + theirs);
      }
    }
    return out;
  }

  /** Runs a statement on both databases. */
  void executeBoth(String sql) {
    pagoda.execute(sql);
    try (Statement s = sqlite.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pagoda's rows of {@code sql}, each as its values' text joined by '|'. */
  List<String> pagodaRows(String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = pagoda.prepare(sql); Rows rows = ps.query()) {
      while (rows.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.columnCount(); i++) {
          sb.append(i > 0 ? "|" : "").append(rows.getString(i));
        }
        out.add(sb.toString());
      }
    } catch (PagodaException e) {
      out.add("error:" + e.getMessage());
    }
    return out;
  }

  /** SQLite's rows of {@code sql}, rendered as {@link #pagodaRows} renders Pagoda's. */
  List<String> sqliteRows(String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    } catch (SQLException e) {
      out.add("error:" + sqliteMessage(e.getMessage()));
    }
    return out;
  }

  @Override
  public void close() {
    pagoda.close();
    db.close();
    try {
      sqlite.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
