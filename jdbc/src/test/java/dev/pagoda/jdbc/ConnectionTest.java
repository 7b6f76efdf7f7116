package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTest {
  @TempDir Path dir;

  private static Connection memory() throws SQLException {
    return DriverManager.getConnection("jdbc:pagoda::memory:");
  }

  @Test
  void autoCommit_onByDefault_commitAndRollbackNeedATransaction() throws SQLException {
    try (Connection conn = memory()) {
      assertTrue(conn.getAutoCommit());
      conn.setAutoCommit(true);
      assertThrows(SQLException.class, conn::commit);
      assertThrows(SQLException.class, conn::rollback);
      assertEquals(Connection.TRANSACTION_SERIALIZABLE, conn.getTransactionIsolation());
    }
  }

  private static List<Long> values(Connection conn) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT x FROM t")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  @Test
  void manualCommit_commitRollbackAndSavepoints_behaveAsJdbcSays() throws SQLException {
    try (Connection conn = memory(); Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t(x)");
      conn.setAutoCommit(false);
      st.execute("INSERT INTO t VALUES (1)");
      conn.commit();
      st.execute("INSERT INTO t VALUES (2)");
      conn.rollback();
      st.execute("INSERT INTO t VALUES (3)");
      Savepoint sp = conn.setSavepoint();
      st.execute("INSERT INTO t VALUES (4)");
      Savepoint named = conn.setSavepoint("named \"one\"");
      st.execute("INSERT INTO t VALUES (5)");
      conn.rollback(named);
      conn.releaseSavepoint(named);
      conn.rollback(sp);
      assertEquals("named \"one\"", named.getSavepointName());
      assertEquals(1, sp.getSavepointId());
      conn.setAutoCommit(true); // commits, as JDBC requires
      assertTrue(conn.getAutoCommit());
      assertEquals(List.of(1L, 3L), values(conn));
    }
  }

  @Test
  void close_closesStatementsAndResultSets() throws SQLException {
    Connection conn = memory();
    Statement st = conn.createStatement();
    ResultSet rs = st.executeQuery("SELECT 1");
    PreparedStatement ps = conn.prepareStatement("SELECT 2");
    conn.close();
    assertTrue(conn.isClosed());
    assertTrue(st.isClosed());
    assertTrue(ps.isClosed());
    assertTrue(rs.isClosed());
    assertThrows(SQLException.class, conn::createStatement);
    conn.close(); // idempotent
  }

  @Test
  void isValid_openTrue_closedFalse() throws SQLException {
    Connection conn = memory();
    assertTrue(conn.isValid(0));
    assertThrows(SQLException.class, () -> conn.isValid(-1));
    conn.close();
    assertFalse(conn.isValid(0));
  }

  @Test
  void getMetaData_identifiesSqliteDialectAndPagodaDriver() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "ada");
    String url = "jdbc:pagoda:" + dir.resolve("meta.db");
    try (Connection conn = DriverManager.getConnection(url, info)) {
      DatabaseMetaData md = conn.getMetaData();
      assertEquals("SQLite", md.getDatabaseProductName());
      assertEquals("Pagoda JDBC", md.getDriverName());
      assertEquals(DriverVersion.VERSION, md.getDriverVersion());
      assertEquals(url, md.getURL());
      assertEquals("ada", md.getUserName());
      assertEquals("\"", md.getIdentifierQuoteString());
      assertEquals(4, md.getJDBCMajorVersion());
      assertTrue(md.supportsTransactions());
      assertTrue(md.supportsSavepoints());
      assertTrue(md.supportsBatchUpdates());
      assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
      assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
      assertEquals(conn, md.getConnection());
      assertFalse(md.isReadOnly());
    }
  }

  @Test
  void readOnlyProperty_opensReadOnly() throws SQLException {
    String url = "jdbc:pagoda:" + dir.resolve("ro.db");
    try (Connection conn = DriverManager.getConnection(url);
        Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t(a)");
    }
    Properties info = new Properties();
    info.setProperty(PagodaDriver.READ_ONLY, "true");
    try (Connection conn = DriverManager.getConnection(url, info);
        Statement st = conn.createStatement()) {
      assertTrue(conn.isReadOnly());
      SQLException e =
          assertThrows(SQLException.class, () -> st.execute("INSERT INTO t VALUES (1)"));
      assertEquals(8, e.getErrorCode() & 0xff, e.getMessage());
    }
  }

  @Test
  void unwrap_givesEngineConnection() throws SQLException {
    try (Connection conn = memory()) {
      assertTrue(conn.isWrapperFor(dev.pagoda.Connection.class));
      assertInstanceOf(dev.pagoda.Connection.class, conn.unwrap(dev.pagoda.Connection.class));
      assertInstanceOf(PagodaConnection.class, conn.unwrap(Connection.class));
      assertThrows(SQLException.class, () -> conn.unwrap(String.class));
    }
  }

  @Test
  void createStatement_scrollable_notSupported() throws SQLException {
    try (Connection conn = memory()) {
      assertThrows(
          SQLFeatureNotSupportedException.class,
          () ->
              conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY));
      conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY).close();
      assertThrows(SQLFeatureNotSupportedException.class, () -> conn.prepareCall("CALL x"));
    }
  }

  @Test
  void twoConnectionsToMemory_areSeparateDatabases() throws SQLException {
    try (Connection a = memory();
        Connection b = memory();
        Statement sa = a.createStatement();
        Statement sb = b.createStatement()) {
      sa.execute("CREATE TABLE only_in_a(x)");
      SQLException e =
          assertThrows(SQLException.class, () -> sb.executeQuery("SELECT * FROM only_in_a"));
      assertTrue(e.getMessage().contains("no such table"), e.getMessage());
    }
  }
}
