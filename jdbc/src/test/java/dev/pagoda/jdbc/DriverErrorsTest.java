package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's own failures carry an SQLSTATE and the result code SQLite gives the same mistake. */
class DriverErrorsTest {
  @TempDir Path dir;

  @Test
  void closedConnection_08003AndMisuse() throws SQLException {
    Connection conn = DriverManager.getConnection("jdbc:pagoda::memory:");
    conn.close();
    SQLException e = assertThrows(SQLException.class, conn::createStatement);
    assertEquals("08003", e.getSQLState());
    assertEquals(21, e.getErrorCode());
    SQLClientInfoException info =
        assertThrows(SQLClientInfoException.class, () -> conn.setClientInfo("a", "b"));
    assertEquals(21, info.getErrorCode());
  }

  @Test
  void missingFileModeRw_connectionClassCantOpen() {
    String url = "jdbc:pagoda:file:" + dir.resolve("none.db") + "?mode=rw";
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
    assertInstanceOf(SQLNonTransientConnectionException.class, e);
    assertEquals("08001", e.getSQLState());
    assertEquals(14, e.getErrorCode());
  }

  @Test
  void badPropertyValue_invalidAttributeAndSqliteError() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection("jdbc:pagoda::memory:?synchronous=fast"));
    assertEquals("HY024", e.getSQLState());
    assertEquals(1, e.getErrorCode());
  }

  @Test
  void unknownAccessMode_sqliteMessageAndError() {
    SQLException e =
        assertThrows(
            SQLException.class, () -> DriverManager.getConnection("jdbc:pagoda:file:x.db?mode=w"));
    assertEquals("no such access mode: w", e.getMessage());
    assertEquals(1, e.getErrorCode());
  }

  @Test
  void unsupportedIsolation_plainSqlExceptionNot0A000() throws SQLException {
    try (Connection conn = DriverManager.getConnection("jdbc:pagoda::memory:")) {
      SQLException e =
          assertThrows(
              SQLException.class, () -> conn.setTransactionIsolation(Connection.TRANSACTION_NONE));
      assertEquals("HY024", e.getSQLState());
      assertEquals(Connection.TRANSACTION_SERIALIZABLE, conn.getTransactionIsolation());
    }
  }
}
