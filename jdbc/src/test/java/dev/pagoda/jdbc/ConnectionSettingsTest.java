package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Connection settings that have no SQL behind them, and abort. */
class ConnectionSettingsTest {
  @TempDir Path dir;

  private static Connection memory() throws SQLException {
    return DriverManager.getConnection("jdbc:pagoda::memory:");
  }

  @Test
  void abort_closesAtOnceAndReleasesOnTheExecutor() throws SQLException {
    Connection conn = memory();
    Statement st = conn.createStatement();
    List<Runnable> queued = new ArrayList<>();
    conn.abort(queued::add);
    assertTrue(conn.isClosed());
    assertFalse(st.isClosed(), "released only when the executor runs the task");
    assertEquals(1, queued.size());
    queued.get(0).run();
    assertTrue(st.isClosed());
    conn.abort(queued::add); // closed already: nothing more to do
    assertEquals(1, queued.size());
    assertThrows(SQLException.class, () -> memory().abort(null));
  }

  @Test
  void networkTimeout_remembered_negativeRefused() throws SQLException {
    try (Connection conn = memory()) {
      assertEquals(0, conn.getNetworkTimeout());
      conn.setNetworkTimeout(Runnable::run, 1500);
      assertEquals(1500, conn.getNetworkTimeout());
      assertThrows(SQLException.class, () -> conn.setNetworkTimeout(Runnable::run, -1));
      assertEquals(1500, conn.getNetworkTimeout());
    }
  }

  @Test
  void typeMap_keptAsACopy() throws SQLException {
    try (Connection conn = memory()) {
      Map<String, Class<?>> map = new HashMap<>();
      map.put("POINT", String.class);
      conn.setTypeMap(map);
      map.clear();
      assertEquals(Map.of("POINT", String.class), conn.getTypeMap());
      conn.getTypeMap().clear();
      assertEquals(1, conn.getTypeMap().size());
    }
  }

  @Test
  void isValid_runsAQuery_falseOnceClosed() throws SQLException {
    Connection conn = memory();
    assertTrue(conn.isValid(1));
    conn.close();
    assertFalse(conn.isValid(1));
  }

  @Test
  void readOnlyOpened_staysReadOnly() throws SQLException {
    Path file = dir.resolve("r.db");
    try (Connection conn = DriverManager.getConnection("jdbc:pagoda:" + file)) {
      conn.createStatement().close();
    }
    try (Connection conn = DriverManager.getConnection("jdbc:pagoda:file:" + file + "?mode=ro")) {
      conn.setReadOnly(true);
      assertTrue(conn.isReadOnly());
      SQLException e = assertThrows(SQLException.class, () -> conn.setReadOnly(false));
      assertTrue(e.getMessage().startsWith("Cannot change read-only flag"), e.getMessage());
      assertTrue(conn.isReadOnly());
    }
  }

  @Test
  void transactionIsolation_readUncommitted_stillReadsItsOwnSnapshot() throws SQLException {
    String url = "jdbc:pagoda:" + dir.resolve("iso.db");
    try (Connection writer = DriverManager.getConnection(url);
        Connection reader = DriverManager.getConnection(url);
        Statement w = writer.createStatement()) {
      w.execute("CREATE TABLE t(a)");
      reader.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
      assertEquals(Connection.TRANSACTION_READ_UNCOMMITTED, reader.getTransactionIsolation());
      writer.setAutoCommit(false);
      w.execute("INSERT INTO t VALUES (1)");
      try (Statement r = reader.createStatement();
          ResultSet rs = r.executeQuery("SELECT count(*) FROM t")) {
        rs.next();
        assertEquals(0, rs.getInt(1), "no dirty reads without a shared cache, as in SQLite");
      }
      writer.commit();
    }
  }
}
