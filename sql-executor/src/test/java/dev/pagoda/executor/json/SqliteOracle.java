package dev.pagoda.executor.json;

import dev.pagoda.executor.SqliteValues;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs SQL on sqlite-jdbc and turns results and errors into comparable outcomes. */
final class SqliteOracle implements AutoCloseable {
  private final Connection conn;

  SqliteOracle() throws SQLException {
    conn = DriverManager.getConnection("jdbc:sqlite::memory:");
  }

  @Override
  public void close() throws SQLException {
    conn.close();
  }

  /** The rows of {@code sql} with bound {@code args}, each column as a Value; or an error. */
  Outcome query(String sql, Value... args) {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        SqliteValues.bind(ps, i + 1, args[i]);
      }
      List<List<Value>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Value> row = new ArrayList<>();
          for (int c = 1; c <= n; c++) {
            row.add(SqliteValues.value(rs.getObject(c)));
          }
          rows.add(row);
        }
      }
      return Outcome.rows(rows);
    } catch (SQLException e) {
      return Outcome.error(sqliteMessage(e));
    }
  }

  /** The one value of a one-row, one-column query. */
  Outcome scalar(String sql, Value... args) {
    Outcome o = query(sql, args);
    return o.error != null ? o : Outcome.value(o.rows.get(0).get(0));
  }

  void execute(String sql) throws SQLException {
    try (var st = conn.createStatement()) {
      st.execute(sql);
    }
  }

  /** The SQLite message inside sqlite-jdbc's decoration. */
  static String sqliteMessage(SQLException e) {
    String m = e.getMessage();
    int open = m.indexOf("database (");
    if (open >= 0 && m.endsWith(")")) {
      return m.substring(open + "database (".length(), m.length() - 1);
    }
    return m;
  }

  /** Runs our side, catching SqlException as an error outcome. */
  static Outcome ours(Supplier<Value> body) {
    try {
      return Outcome.value(body.get());
    } catch (SqlException e) {
      return Outcome.error(e.getMessage());
    }
  }

  /** A result (a value or rows) or an error message; equal when both agree exactly. */
  static final class Outcome {
    final List<List<Value>> rows;
    final String error;

    private Outcome(List<List<Value>> rows, String error) {
      this.rows = rows;
      this.error = error;
    }

    static Outcome rows(List<List<Value>> rows) {
      return new Outcome(rows, null);
    }

    static Outcome value(Value v) {
      return new Outcome(List.of(List.of(v)), null);
    }

    static Outcome error(String message) {
      return new Outcome(null, message);
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Outcome other)) {
        return false;
      }
      if (error != null || other.error != null) {
        return String.valueOf(error).equals(String.valueOf(other.error));
      }
      return describe(rows).equals(describe(other.rows));
    }

    @Override
    public int hashCode() {
      return error != null ? error.hashCode() : describe(rows).hashCode();
    }

    private static String describe(List<List<Value>> rows) {
      StringBuilder sb = new StringBuilder();
      for (List<Value> row : rows) {
        sb.append('|');
        for (Value v : row) {
          sb.append(show(v)).append(", ");
        }
      }
      return sb.toString();
    }

    /** A value with its storage class, doubles by their exact bits. */
    static String show(Value v) {
      if (v instanceof Value.Real r) {
        return "REAL:" + r.value() + "/" + Double.doubleToLongBits(r.value());
      }
      return v.storageClass() + ":" + v;
    }

    @Override
    public String toString() {
      return error != null ? "ERROR " + error : describe(rows);
    }
  }
}
