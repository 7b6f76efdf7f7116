package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statement and PreparedStatement life cycles on sqlite-jdbc and on Pagoda: results and update
 * counts, getMoreResults, batches and their failures, generated keys, limits and hints; plus
 * Pagoda's query timeout and cancel, which interrupt the running statement.
 *
 * <p>Deliberate differences, not compared: Pagoda's {@code execute} runs a whole script (sqlite-jdbc
 * only its first statement); {@code executeUpdate} of a query and {@code executeQuery} of an
 * update fail before running (sqlite-jdbc runs them first); the update count of DDL is 0
 * (sqlite-jdbc reports the previous DML's stale {@code changes()}); a failing prepared batch
 * throws a {@link java.sql.BatchUpdateException} with counts (sqlite-jdbc a plain SQLException);
 * after a failed statement, Pagoda's statement answers {@code getResultSet} and friends (sqlite-jdbc
 * fails them).
 */
class StatementConformanceTest {
  private static final String SETUP =
      "CREATE TABLE t(id INTEGER PRIMARY KEY, a UNIQUE, b);"
          + "INSERT INTO t(a, b) VALUES (1, 'x'), (2, 'y'), (3, 'z');";

  /** SQL run through execute, then probed. */
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a FROM t ORDER BY a", "INSERT INTO t(a) VALUES (10)", "UPDATE t SET b = 'q'",
      "DELETE FROM t WHERE a > 1", "  insert into t(a) values (11)",
      "REPLACE INTO t(a, b) VALUES (1, 'r')", "WITH c(x) AS (SELECT 5) INSERT INTO t(a)"
          + " SELECT x FROM c", "PRAGMA user_version", "INSERT INTO t(a, b) VALUES (12, ?)"})
  void execute_sameAsSqliteJdbc(String sql) throws SQLException {
    assertEquals(execute(jdbc("sqlite"), sql), execute(jdbc("pagoda"), sql));
  }

  private static Connection jdbc(String driver) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:" + driver + "::memory:");
    try (Statement st = c.createStatement()) {
      for (String s : SETUP.split(";", -1)) {
        if (!s.isBlank()) {
          st.execute(s);
        }
      }
    }
    return c;
  }

  private static String execute(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (c; Statement st = c.createStatement()) {
      out.add("execute " + Outcomes.of(() -> st.execute(sql)));
      out.add("resultSet " + Outcomes.of(() -> st.getResultSet() != null));
      out.add("updateCount " + Outcomes.of(st::getUpdateCount));
      out.add("large " + Outcomes.of(st::getLargeUpdateCount));
      out.add("keys " + keys(st));
      out.add("more " + Outcomes.of(st::getMoreResults));
      out.add("updateCount " + Outcomes.of(st::getUpdateCount));
      out.add("resultSet " + Outcomes.of(() -> st.getResultSet() != null));
      out.add("keep " + Outcomes.of(() -> st.getMoreResults(Statement.KEEP_CURRENT_RESULT)));
    }
    return String.join("\n", out);
  }

  private static String keys(Statement st) {
    return Outcomes.of(() -> {
      try (ResultSet keys = st.getGeneratedKeys()) {
        List<String> rows = new ArrayList<>();
        rows.add(keys.getMetaData().getColumnName(1));
        while (keys.next()) {
          rows.add(Outcomes.describe(keys.getObject(1)));
        }
        return rows;
      }
    });
  }

  @Test
  void batches_sameAsSqliteJdbc() throws SQLException {
    assertEquals(batches(jdbc("sqlite")), batches(jdbc("pagoda")));
  }

  private static String batches(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (c; Statement st = c.createStatement();
        PreparedStatement ps = c.prepareStatement("INSERT INTO t(a) VALUES (?)")) {
      out.add("empty " + Outcomes.of(() -> st.executeBatch().length));
      st.addBatch("INSERT INTO t(a) VALUES (7)");
      st.addBatch("UPDATE t SET b = 'w'");
      out.add("ok " + Outcomes.of(() -> List.of(st.executeBatch()[0], st.getUpdateCount())));
      st.addBatch("DELETE FROM t WHERE a = 7");
      st.addBatch("INSERT INTO t(a) VALUES (1)");
      st.addBatch("INSERT INTO t(a) VALUES (8)");
      out.add("failing " + failure(st::executeBatch));
      st.addBatch("INSERT INTO t(a) VALUES (9)");
      st.clearBatch();
      out.add("cleared " + Outcomes.of(() -> st.executeLargeBatch().length));
      for (int a : new int[] {30, 31, 2, 32}) {
        ps.setInt(1, a);
        ps.addBatch();
      }
      out.add("prepared failing " + (failure(ps::executeBatch).equals("no failure") ? "no" : "yes"));
      ps.setInt(1, 40);
      ps.addBatch();
      ps.setInt(1, 41);
      ps.addBatch();
      out.add("prepared ok " + Outcomes.of(() -> List.of(ps.executeLargeBatch()[1])));
      try (ResultSet rs = st.executeQuery("SELECT group_concat(a) FROM t")) {
        rs.next();
        out.add("rows " + rs.getString(1));
      }
    }
    return String.join("\n", out);
  }

  private static String failure(Outcomes.Call batch) {
    try {
      batch.run();
      return "no failure";
    } catch (java.sql.BatchUpdateException e) {
      return "counts " + java.util.Arrays.toString(e.getUpdateCounts());
    } catch (Exception e) {
      return "fails";
    }
  }

  @Test
  void settings_sameAsSqliteJdbc() throws SQLException {
    assertEquals(settings(jdbc("sqlite")), settings(jdbc("pagoda")));
  }

  private static String settings(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (c; Statement st = c.createStatement()) {
      out.add(Outcomes.of(() -> List.of(st.getMaxRows(), st.getFetchSize(), st.getQueryTimeout(),
          st.getResultSetType(), st.getResultSetConcurrency(), st.getResultSetHoldability(),
          st.getFetchDirection(), st.isCloseOnCompletion(), st.getMaxFieldSize())));
      out.add("negative max rows " + Outcomes.of(() -> {
        st.setMaxRows(-1);
        return "ok";
      }));
      out.add("negative timeout " + Outcomes.of(() -> {
        st.setQueryTimeout(-1);
        return "ok";
      }));
      st.setMaxRows(2);
      out.add("fetch above max " + Outcomes.of(() -> {
        st.setFetchSize(3);
        return "ok";
      }));
      st.setFetchSize(1);
      try (ResultSet rs = st.executeQuery("SELECT a FROM t ORDER BY a")) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        out.add("rows under max 2: " + n + " fetch " + rs.getFetchSize());
      }
      st.setLargeMaxRows(0);
      out.add("large max " + st.getLargeMaxRows());
    }
    return String.join("\n", out);
  }

  /** 3^24 rows of a 24-way join: runs for hours unless interrupted (joins check between rows). */
  private static final String ENDLESS = "SELECT count(*) FROM "
      + String.join(", ", java.util.Collections.nCopies(24, "t"));

  @Test
  void queryTimeout_interruptsAndLeavesConnectionUsable() throws SQLException {
    try (Connection c = jdbc("pagoda"); Statement st = c.createStatement()) {
      st.setQueryTimeout(1);
      SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(ENDLESS).next());
      assertInstanceOf(SQLTimeoutException.class, e);
      assertEquals(9, e.getErrorCode());
      assertEquals("HYT00", e.getSQLState());
      assertFalse(Thread.currentThread().isInterrupted(), "the interrupt must not leak");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
        rs.next();
        assertEquals(3, rs.getInt(1));
      }
    }
  }

  @Test
  void cancel_fromAnotherThread_interrupts() throws Exception {
    try (Connection c = jdbc("pagoda"); PreparedStatement ps = c.prepareStatement(ENDLESS)) {
      AtomicBoolean done = new AtomicBoolean();
      Thread canceller = new Thread(() -> {
        while (!done.get()) {
          try {
            ps.cancel();
            Thread.sleep(20);
          } catch (SQLException | InterruptedException e) {
            return;
          }
        }
      });
      canceller.start();
      SQLException e;
      try {
        e = assertThrows(SQLException.class, () -> ps.executeQuery().next());
      } finally {
        done.set(true);
        canceller.join();
      }
      assertEquals(9, e.getErrorCode());
      assertEquals("HY008", e.getSQLState());
      assertFalse(Thread.currentThread().isInterrupted(), "the interrupt must not leak");
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
    }
  }
}
