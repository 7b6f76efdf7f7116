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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTest {
  @TempDir Path dir;

  private static Connection memory() throws SQLException {
    return DriverManager.getConnection("jdbc:pagoda::memory:");
  }

  @Test
  void autoCommit_alwaysOn_andTransactionsNotYet() throws SQLException {
    try (Connection conn = memory()) {
      assertTrue(conn.getAutoCommit());
      conn.setAutoCommit(true);
      SQLFeatureNotSupportedException e =
          assertThrows(SQLFeatureNotSupportedException.class, () -> conn.setAutoCommit(false));
      assertTrue(e.getMessage().contains("later step"), e.getMessage());
      assertTrue(conn.getAutoCommit());
      assertThrows(SQLException.class, conn::commit);
      assertThrows(SQLException.class, conn::rollback);
      assertThrows(SQLFeatureNotSupportedException.class, conn::setSavepoint);
      assertEquals(Connection.TRANSACTION_SERIALIZABLE, conn.getTransactionIsolation());
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
      assertFalse(md.supportsTransactions());
      assertTrue(md.supportsBatchUpdates());
      assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
      assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
      assertEquals(conn, md.getConnection());
      assertFalse(md.isReadOnly());
      assertThrows(
          SQLFeatureNotSupportedException.class, () -> md.getTables(null, null, "%", null));
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
