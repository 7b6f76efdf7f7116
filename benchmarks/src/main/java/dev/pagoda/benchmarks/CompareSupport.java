package dev.pagoda.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * What the comparative workloads ({@code W1BulkInsert} .. {@code W10MixedReads}) share: the
 * engines' JDBC URLs, a temporary directory per trial, durability settings applied with the same
 * {@code PRAGMA}s on Pagoda and sqlite-jdbc and read back (the trial fails when an engine does not
 * report what was asked), and the checks that make a wrong answer fail the run.
 *
 * <p>Engines: {@code pagoda} ({@code jdbc:pagoda:<file>}), {@code sqlite} (sqlite-jdbc, {@code
 * jdbc:sqlite:<file>}) and {@code h2} (H2 2.x embedded, {@code jdbc:h2:file:<path>}, which writes
 * {@code <path>.mv.db}; its query result cache off, see {@link #H2_SETTINGS}). Durability levels:
 * {@code default} (whatever the engine does when nothing is set), {@code full} ({@code
 * journal_mode=DELETE}, {@code synchronous=FULL}) and {@code wal-normal} ({@code journal_mode=WAL},
 * {@code synchronous=NORMAL}); only {@code default} exists for H2, which has no such settings.
 */
final class CompareSupport {
  /**
   * H2's one setting off its defaults: by default H2 hands a query that runs again with the same
   * parameters, the tables unchanged, the result it computed last time instead of running it
   * (OPTIMIZE_REUSE_RESULTS), which would make a repeated parameterless query (W4, W8, W9) look a
   * thousand times faster than it is. Neither SQLite nor Pagoda keeps such a result cache.
   */
  static final String H2_SETTINGS = ";OPTIMIZE_REUSE_RESULTS=FALSE";

  private CompareSupport() {}

  /** One trial's database: a fresh temporary directory and a first connection to it. */
  static final class Trial implements AutoCloseable {
    final String engine;
    final String url;
    final Connection conn;
    private final Path dir;

    private Trial(String engine, Path dir, String url, Connection conn) {
      this.engine = engine;
      this.dir = dir;
      this.url = url;
      this.conn = conn;
    }

    /**
     * Creates a new directory for workload {@code name} and opens {@code engine}'s database in it
     * with {@code durability} (see the class comment), checked by reading it back.
     */
    static Trial open(String name, String engine, String durability)
        throws SQLException, IOException {
      Path dir = Files.createTempDirectory("pagoda-" + name.toLowerCase(Locale.ROOT) + "-");
      String url = url(engine, dir.resolve(name.toLowerCase(Locale.ROOT)));
      Connection conn;
      try {
        conn = DriverManager.getConnection(url);
      } catch (SQLException | RuntimeException e) {
        CommitBenchmark.deleteRecursively(dir);
        throw e;
      }
      Trial trial = new Trial(engine, dir, url, conn);
      try {
        applyDurability(name, engine, durability, conn);
      } catch (SQLException | RuntimeException e) {
        trial.close();
        throw e;
      }
      return trial;
    }

    /** Another connection to the same database (for workloads with several threads). */
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public void close() throws SQLException {
      try {
        conn.close();
      } finally {
        try {
          CommitBenchmark.deleteRecursively(dir);
        } catch (IOException e) {
          throw new SQLException("could not delete " + dir, e);
        }
      }
    }
  }

  /** The JDBC URL of {@code engine}'s database at {@code base} (H2 adds {@code .mv.db}). */
  static String url(String engine, Path base) {
    return switch (engine) {
      case "pagoda" -> "jdbc:pagoda:" + base + ".db";
      case "sqlite" -> "jdbc:sqlite:" + base + ".db";
      case "h2" -> "jdbc:h2:file:" + base + H2_SETTINGS;
      default -> throw new IllegalArgumentException("unknown engine: " + engine);
    };
  }

  /**
   * Sets {@code durability} with {@code PRAGMA}s and checks it by reading {@code journal_mode} and
   * {@code synchronous} back; prints what the engine reports, also for {@code default}.
   */
  static void applyDurability(String name, String engine, String durability, Connection conn)
      throws SQLException {
    if (engine.equals("h2")) {
      if (!durability.equals("default")) {
        throw new IllegalArgumentException("h2 runs with its defaults only, not " + durability);
      }
      return;
    }
    List<String> expected = switch (durability) {
      case "default" -> null;
      case "full" -> List.of("delete", "2");
      case "wal-normal" -> List.of("wal", "1");
      default -> throw new IllegalArgumentException("unknown durability: " + durability);
    };
    if (expected != null) {
      try (Statement s = conn.createStatement()) {
        s.execute("PRAGMA journal_mode=" + expected.get(0));
        s.execute("PRAGMA synchronous=" + expected.get(1));
      }
    }
    List<String> actual = List.of(
        queryString(conn, "PRAGMA journal_mode").toLowerCase(Locale.ROOT),
        queryString(conn, "PRAGMA synchronous"));
    if (expected != null && !actual.equals(expected)) {
      throw new IllegalStateException(name + " " + engine + " " + durability
          + ": journal_mode, synchronous are " + actual + ", expected " + expected);
    }
    System.out.printf("  [%s %s %s] journal_mode=%s synchronous=%s%n",
        name, engine, durability, actual.get(0), actual.get(1));
  }

  /** Runs each of {@code sql} as a statement. */
  static void execute(Connection conn, String... sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  /** The first column of the first row of {@code sql}, as a string ("" when no row). */
  static String queryString(Connection conn, String sql) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  /** The first row of {@code sql}: its {@code columns} columns as longs (0 for NULL). */
  static long[] queryLongs(Connection conn, String sql, int columns) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new IllegalStateException("no row: " + sql);
      }
      long[] row = new long[columns];
      for (int i = 0; i < columns; i++) {
        row[i] = rs.getLong(i + 1);
      }
      return row;
    }
  }

  /** Runs {@code ps} as an update that must change exactly one row. */
  static void updateOne(PreparedStatement ps, String what) throws SQLException {
    int n = ps.executeUpdate();
    if (n != 1) {
      throw new IllegalStateException(what + ": " + n + " rows changed, expected 1");
    }
  }

  /** Throws unless {@code actual == expected}. */
  static long check(long actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalStateException(what + ": got " + actual + ", expected " + expected);
    }
    return actual;
  }

  /** Throws unless {@code actual} equals {@code expected}. */
  static void check(String actual, String expected, String what) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(what + ": got " + actual + ", expected " + expected);
    }
  }
}
