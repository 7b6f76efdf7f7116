package dev.pagoda.conformance.slt;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Real SQLite (sqlite-jdbc) as an {@link SltEngine}, on a fresh in-memory database: the runner's
 * reference, since SQLite must pass its own corpus.
 *
 * <p>A statement goes through {@code Statement.executeUpdate}, which sqlite-jdbc hands to {@code
 * sqlite3_exec} (every statement of the text runs, as sqllogictest's SQLite driver does); a query
 * is prepared ({@code sqlite3_prepare_v2}: only its first statement) and stepped. Values are read
 * as the driver reads them: {@code I} through {@code sqlite3_column_int64} (then the low 32 bits,
 * as {@code sqlite3_column_int}), {@code R} through {@code sqlite3_column_double}, {@code T}
 * through {@code sqlite3_column_text} (as UTF-8 bytes again, cut at a zero byte by {@link
 * ResultFormat#text}). {@link #interrupt()} is {@code sqlite3_interrupt}.
 *
 * <p>{@link #main} is the {@code slt} command on SQLite instead of Pagoda, to check the runner
 * over other parts of the corpus by hand (class path: conformance's classes and test classes,
 * the reactor's, and the sqlite-jdbc jar).
 */
final class SqliteJdbcEngine implements SltEngine {
  private final Connection connection;
  /** The statement running now, for {@link #interrupt()}; null between calls. */
  private volatile Statement running;

  /** {@link SltMain}'s command, with SQLite as the engine. */
  public static void main(String[] args) {
    System.exit(SltMain.run(args, System.out, System.err, SqliteJdbcEngine::new));
  }

  SqliteJdbcEngine() {
    try {
      connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open an in-memory SQLite database", e);
    }
  }

  @Override
  public void statement(String sql) {
    try (Statement s = connection.createStatement()) {
      running = s;
      s.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } finally {
      running = null;
    }
  }

  @Override
  public List<String> query(String sql, String types) {
    List<String> values = new ArrayList<>();
    PreparedStatement ps;
    try {
      ps = connection.prepareStatement(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    try (ps) {
      int columns = ps.getMetaData().getColumnCount();
      if (columns != types.length()) {
        throw new ColumnCountException(types.length(), columns);
      }
      running = ps;
      stepAll(ps, columns, types, values);
    } catch (SQLException e) {
      // sqlite-jdbc prepares in prepareStatement: what fails from here on is sqlite3_step
      throw new QueryStoppedException(values, e);
    } finally {
      running = null;
    }
    return values;
  }

  private static void stepAll(PreparedStatement ps, int columns, String types,
      List<String> values) throws SQLException {
    if (!ps.execute()) {
      return;
    }
    try (ResultSet rs = ps.getResultSet()) {
      while (rs.next()) {
        for (int c = 0; c < columns; c++) {
          values.add(value(rs, c + 1, types.charAt(c)));
        }
      }
    }
  }

  private static String value(ResultSet rs, int column, char type) throws SQLException {
    if (rs.getObject(column) == null) {
      return "NULL";
    }
    return switch (type) {
      case 'I' -> ResultFormat.integer(rs.getLong(column));
      case 'R' -> ResultFormat.real(rs.getDouble(column));
      case 'T' -> ResultFormat.text(rs.getString(column).getBytes(StandardCharsets.UTF_8));
      default -> throw new IllegalArgumentException("unknown character in type-string: " + type);
    };
  }

  @Override
  public void interrupt() {
    Statement s = running;
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException e) {
        // best effort: the runner abandons a record that does not stop
      }
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
