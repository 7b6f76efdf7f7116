package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two connections interleaving on one file, differential against SQLite (two sqlite-jdbc
 * connections in this JVM, busy timeout 0): snapshots, BUSY and BUSY_SNAPSHOT, in both journal
 * modes. Each step is "A: sql" or "B: sql"; a step's outcome is "ok", the rows of a SELECT, or the
 * error message.
 */
class TwoConnectionScriptTest {
  @TempDir Path dir;

  static Stream<Arguments> scripts() {
    return Stream.of(
        Arguments.of("wal", "a reader keeps its snapshot; writing after a commit is refused",
            List.of("A: BEGIN", "A: SELECT x FROM t", "B: INSERT INTO t VALUES (2)",
                "A: SELECT x FROM t", "A: INSERT INTO t VALUES (3)", "A: ROLLBACK",
                "A: SELECT x FROM t", "A: INSERT INTO t VALUES (3)", "B: SELECT x FROM t")),
        Arguments.of("wal", "one writer at a time; readers go on",
            List.of("A: BEGIN IMMEDIATE", "A: INSERT INTO t VALUES (2)",
                "B: INSERT INTO t VALUES (3)", "B: SELECT x FROM t", "A: COMMIT",
                "B: INSERT INTO t VALUES (3)", "A: SELECT x FROM t")),
        Arguments.of("wal", "a transaction's snapshot dates from its first read",
            List.of("B: BEGIN", "A: INSERT INTO t VALUES (2)", "B: SELECT x FROM t",
                "A: INSERT INTO t VALUES (3)", "B: SELECT x FROM t", "B: COMMIT",
                "B: SELECT x FROM t")),
        Arguments.of("wal", "a writer's first statement takes a fresh snapshot",
            List.of("B: BEGIN", "A: INSERT INTO t VALUES (2)", "B: INSERT INTO t VALUES (3)",
                "B: SELECT x FROM t", "B: COMMIT", "A: SELECT x FROM t")),
        Arguments.of("delete", "a reader keeps a writer's COMMIT out",
            List.of("A: BEGIN", "A: SELECT x FROM t", "B: BEGIN", "B: INSERT INTO t VALUES (2)",
                "B: COMMIT", "A: SELECT x FROM t", "A: COMMIT", "B: COMMIT",
                "A: SELECT x FROM t")),
        Arguments.of("delete", "a writer lets others read the last commit, not write",
            List.of("A: BEGIN IMMEDIATE", "A: INSERT INTO t VALUES (2)", "B: SELECT x FROM t",
                "B: INSERT INTO t VALUES (3)", "A: COMMIT", "B: SELECT x FROM t",
                "B: INSERT INTO t VALUES (3)")),
        Arguments.of("delete", "BEGIN EXCLUSIVE keeps readers out until it ends",
            List.of("A: BEGIN EXCLUSIVE", "B: SELECT x FROM t", "A: INSERT INTO t VALUES (2)",
                "B: SELECT x FROM t", "A: COMMIT", "B: SELECT x FROM t")),
        Arguments.of("delete", "BEGIN EXCLUSIVE waits for no reader: BUSY while one reads",
            List.of("B: BEGIN", "B: SELECT x FROM t", "A: BEGIN EXCLUSIVE", "A: COMMIT",
                "B: COMMIT", "A: BEGIN EXCLUSIVE", "A: ROLLBACK", "B: SELECT x FROM t")),
        Arguments.of("wal", "BEGIN EXCLUSIVE is IMMEDIATE in WAL mode",
            List.of("A: BEGIN EXCLUSIVE", "B: SELECT x FROM t", "B: INSERT INTO t VALUES (3)",
                "A: INSERT INTO t VALUES (2)", "A: COMMIT", "B: SELECT x FROM t")),
        Arguments.of("delete", "two readers that both want to write: one must give way",
            List.of("A: BEGIN", "B: BEGIN", "A: SELECT x FROM t", "B: SELECT x FROM t",
                "A: INSERT INTO t VALUES (2)", "B: INSERT INTO t VALUES (3)", "A: COMMIT",
                "B: ROLLBACK", "A: COMMIT", "B: SELECT x FROM t")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("scripts")
  void twoConnections_sameOutcomesAsSqlite(String mode, String name, List<String> script)
      throws SQLException {
    List<String> expected = runSqlite(dir.resolve("sqlite.db"), mode, script);
    assertEquals(expected, runPagoda(dir.resolve("pagoda.db"), mode, script));
  }

  private static List<String> runPagoda(Path file, String mode, List<String> script) {
    List<String> out = new ArrayList<>();
    try (Database db = Database.open(file, Database.Options.defaults().withJournalMode(mode));
        Connection a = db.connect();
        Connection b = db.connect()) {
      a.execute("CREATE TABLE t(x)");
      a.execute("INSERT INTO t VALUES (1)");
      a.setBusyTimeout(0);
      b.setBusyTimeout(0);
      for (String step : script) {
        Connection c = step.startsWith("A:") ? a : b;
        String sql = step.substring(3);
        try {
          if (sql.startsWith("SELECT")) {
            out.add(step + " -> " + rows(c, sql));
          } else {
            c.execute(sql);
            out.add(step + " -> ok");
          }
        } catch (PagodaException e) {
          out.add(step + " -> " + e.getMessage());
        }
      }
    }
    return out;
  }

  private static List<String> rows(Connection c, String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepare(sql); Rows r = ps.query()) {
      while (r.next()) {
        out.add(r.getString(0));
      }
    }
    return out;
  }

  private static List<String> runSqlite(Path file, String mode, List<String> script)
      throws SQLException {
    List<String> out = new ArrayList<>();
    String url = "jdbc:sqlite:" + file;
    try (java.sql.Connection a = DriverManager.getConnection(url);
        java.sql.Connection b = DriverManager.getConnection(url);
        Statement sa = a.createStatement();
        Statement sb = b.createStatement()) {
      sa.execute("PRAGMA journal_mode=" + mode);
      sa.execute("CREATE TABLE t(x)");
      sa.execute("INSERT INTO t VALUES (1)");
      sa.execute("PRAGMA busy_timeout=0");
      sb.execute("PRAGMA busy_timeout=0");
      for (String step : script) {
        Statement s = step.startsWith("A:") ? sa : sb;
        String sql = step.substring(3);
        try {
          if (sql.startsWith("SELECT")) {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
              while (rs.next()) {
                rows.add(rs.getString(1));
              }
            }
            out.add(step + " -> " + rows);
          } else {
            s.execute(sql);
            out.add(step + " -> ok");
          }
        } catch (SQLException e) {
          String m = e.getMessage();
          int open = m.indexOf('(');
          out.add(step + " -> "
              + (open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m));
        }
      }
    }
    return out;
  }
}
