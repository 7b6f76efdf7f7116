package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.ResultCode;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Transactions and savepoints behave as sqlite-jdbc does on the same scripts. */
class TransactionTest {
  @TempDir Path dir;

  /** Every script in both journal modes. */
  static Stream<Arguments> scriptsInEachMode() {
    return scripts().flatMap(a -> Stream.of("delete", "wal")
        .map(mode -> Arguments.of(mode, a.get()[0], a.get()[1])));
  }

  static Stream<Arguments> scripts() {
    return Stream.of(
        Arguments.of("commit keeps", List.of(
            "BEGIN", "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)", "COMMIT")),
        Arguments.of("rollback undoes", List.of(
            "INSERT INTO t VALUES (1)", "BEGIN", "INSERT INTO t VALUES (2)", "ROLLBACK")),
        Arguments.of("failing statement undoes only itself", List.of(
            "BEGIN", "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2), (1)",
            "INSERT INTO t VALUES (3)", "COMMIT")),
        Arguments.of("savepoints nest", List.of(
            "BEGIN", "INSERT INTO t VALUES (1)", "SAVEPOINT a", "INSERT INTO t VALUES (2)",
            "SAVEPOINT b", "INSERT INTO t VALUES (3)", "ROLLBACK TO a", "INSERT INTO t VALUES (4)",
            "RELEASE a", "COMMIT")),
        Arguments.of("savepoint outside transaction", List.of(
            "SAVEPOINT s", "INSERT INTO t VALUES (1)", "SAVEPOINT u", "INSERT INTO t VALUES (2)",
            "ROLLBACK TO u", "RELEASE s", "INSERT INTO t VALUES (5)")),
        Arguments.of("rollback to keeps the savepoint", List.of(
            "SAVEPOINT s", "INSERT INTO t VALUES (1)", "ROLLBACK TO s", "INSERT INTO t VALUES (2)",
            "ROLLBACK TO s", "INSERT INTO t VALUES (3)", "RELEASE s")),
        Arguments.of("errors", List.of(
            "COMMIT", "ROLLBACK", "RELEASE nope", "BEGIN", "BEGIN", "ROLLBACK TO nope",
            "INSERT INTO t VALUES (7)", "END")),
        Arguments.of("ddl rolls back", List.of(
            "BEGIN IMMEDIATE", "CREATE TABLE u(x)", "INSERT INTO u VALUES (1)",
            "CREATE INDEX ti ON t(a)", "ROLLBACK", "INSERT INTO t VALUES (9)")),
        Arguments.of("ddl commits", List.of(
            "BEGIN", "CREATE TABLE u(x)", "INSERT INTO u VALUES (1)", "SAVEPOINT s",
            "DROP TABLE u", "ROLLBACK TO s", "INSERT INTO t VALUES (8)", "COMMIT")));
  }

  /** Runs each statement, recording "ok" or the error message, then the contents of t and u. */
  private static List<String> runPagoda(Path file, String mode, List<String> script) {
    List<String> out = new ArrayList<>();
    try (Database db = Database.open(file, Database.Options.defaults().withJournalMode(mode));
        Connection conn = db.connect()) {
      out.add("journal_mode=" + column(conn, "PRAGMA journal_mode"));
      conn.execute("CREATE TABLE t(a)");
      conn.execute("CREATE UNIQUE INDEX t_a ON t(a)");
      for (String sql : script) {
        try {
          conn.execute(sql);
          out.add("ok");
        } catch (PagodaException e) {
          out.add(e.getMessage());
        }
      }
      out.add("autocommit=" + conn.isAutoCommit());
    }
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      out.add("t=" + column(conn, "SELECT a FROM t"));
      out.add("u=" + (conn.tableNames().contains("u") ? column(conn, "SELECT x FROM u") : "none"));
    }
    return out;
  }

  private static List<String> column(Connection conn, String sql) {
    List<String> values = new ArrayList<>();
    try (PreparedStatement ps = conn.prepare(sql); Rows r = ps.query()) {
      while (r.next()) {
        values.add(r.getString(0));
      }
    }
    values.sort(null);
    return values;
  }

  private static List<String> runSqlite(Path file, String mode, List<String> script)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=" + mode);
      out.add("journal_mode=" + sqliteColumn(s, "PRAGMA journal_mode"));
      s.execute("CREATE TABLE t(a)");
      s.execute("CREATE UNIQUE INDEX t_a ON t(a)");
      for (String sql : script) {
        try {
          s.execute(sql);
          out.add("ok");
        } catch (SQLException e) {
          out.add(sqliteMessage(e));
        }
      }
      out.add("autocommit=" + !inTransaction(s));
    }
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      out.add("t=" + sqliteColumn(s, "SELECT a FROM t"));
      boolean hasU;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'u'")) {
        hasU = rs.next() && rs.getInt(1) == 1;
      }
      out.add("u=" + (hasU ? sqliteColumn(s, "SELECT x FROM u") : "none"));
    }
    return out;
  }

  /** sqlite-jdbc wraps SQLite's text as "[SQLITE_X] description (message)". */
  private static String sqliteMessage(SQLException e) {
    String m = e.getMessage();
    int open = m.indexOf('(');
    return open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m;
  }

  /** Whether a transaction is open: BEGIN fails inside one. */
  private static boolean inTransaction(Statement s) {
    try {
      s.execute("BEGIN");
      s.execute("ROLLBACK");
      return false;
    } catch (SQLException inside) {
      return true;
    }
  }

  private static List<String> sqliteColumn(Statement s, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    values.sort(null);
    return values;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("scriptsInEachMode")
  void script_sameOutcomeAsSqlite(String mode, String name, List<String> script)
      throws SQLException {
    List<String> expected = runSqlite(dir.resolve("sqlite.db"), mode, script);
    assertEquals(expected, runPagoda(dir.resolve("pagoda.db"), mode, script));
  }

  @Test
  void otherConnection_whileWriterHoldsChanges_readsTheCommittedState_andCannotWrite() {
    try (Database db = Database.openInMemory();
        Connection a = db.connect();
        Connection b = db.connect()) {
      b.setBusyTimeout(0);
      a.execute("CREATE TABLE t(x)");
      a.execute("BEGIN");
      a.execute("INSERT INTO t VALUES (1)");
      assertEquals(List.of(), column(b, "SELECT x FROM t"), "b reads the last committed state");
      PagodaException write = assertThrows(PagodaException.class,
          () -> b.execute("INSERT INTO t VALUES (2)"));
      assertEquals(ResultCode.BUSY, write.code());
      assertFalse(a.isAutoCommit());
      a.execute("COMMIT");
      assertTrue(a.isAutoCommit());
      assertEquals(List.of("1"), column(b, "SELECT x FROM t"));
    }
  }

  @Test
  void commit_waitsForOtherReaders_busyWhileOneReads_thenCommits() {
    try (Database db = Database.openInMemory();
        Connection a = db.connect();
        Connection b = db.connect()) {
      a.setBusyTimeout(0);
      a.execute("CREATE TABLE t(x)");
      a.execute("INSERT INTO t VALUES (0)");
      b.execute("BEGIN");
      assertEquals(List.of("0"), column(b, "SELECT x FROM t")); // b now holds a read
      a.execute("BEGIN");
      a.execute("INSERT INTO t VALUES (1)");
      PagodaException busy = assertThrows(PagodaException.class, () -> a.execute("COMMIT"));
      assertEquals(ResultCode.BUSY, busy.code());
      assertFalse(a.isAutoCommit(), "a failed COMMIT leaves the transaction open");
      assertEquals(List.of("0"), column(b, "SELECT x FROM t"));
      b.execute("COMMIT");
      a.execute("COMMIT");
      assertEquals(List.of("0", "1"), column(b, "SELECT x FROM t"));
    }
  }

  @Test
  void writer_waitsUpToTheBusyTimeout_forAnotherWriter() throws Exception {
    try (Database db = Database.openInMemory();
        Connection a = db.connect();
        Connection b = db.connect()) {
      a.execute("CREATE TABLE t(x)");
      a.execute("BEGIN IMMEDIATE");
      a.execute("INSERT INTO t VALUES (1)");
      b.setBusyTimeout(10_000);
      Thread committer = new Thread(() -> {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        a.execute("COMMIT");
      });
      committer.start();
      b.execute("INSERT INTO t VALUES (2)"); // waits for a's commit, then writes
      committer.join();
      assertEquals(List.of("1", "2"), column(b, "SELECT x FROM t"));
    }
  }

  @Test
  void close_withOpenTransaction_rollsBack() {
    Path file = dir.resolve("close.db");
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE t(x)");
      Connection other = db.connect();
      other.execute("BEGIN");
      other.execute("INSERT INTO t VALUES (1)");
      other.close();
      assertEquals(List.of(), column(conn, "SELECT x FROM t"));
      conn.execute("INSERT INTO t VALUES (2)");
    }
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      assertEquals(List.of("2"), column(conn, "SELECT x FROM t"));
    }
  }
}
