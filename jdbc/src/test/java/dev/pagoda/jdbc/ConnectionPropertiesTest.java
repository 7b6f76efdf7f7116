package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionPropertiesTest {
  @TempDir Path dir;

  @AfterEach
  void clearSqliteUrls() {
    System.clearProperty(PagodaDriver.SQLITE_URLS);
  }

  private static String pragma(Connection conn, String name) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA " + name)) {
      assertTrue(rs.next(), name);
      return rs.getString(1);
    }
  }

  private static Properties props(String... keysAndValues) {
    Properties p = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return p;
  }

  @Test
  void journalMode_newFile_startsInThatMode() throws SQLException {
    String url = "jdbc:pagoda:" + dir.resolve("j.db");
    try (Connection conn = DriverManager.getConnection(url, props("journal_mode", "DELETE"))) {
      assertEquals("delete", pragma(conn, "journal_mode"));
    }
    try (Connection conn = DriverManager.getConnection(url + "?journal_mode=wal")) {
      assertEquals("wal", pragma(conn, "journal_mode"));
    }
  }

  @Test
  void journalMode_memoryOnAFile_refusedWithWhatItStaysIn() {
    String url = "jdbc:pagoda:" + dir.resolve("m.db") + "?journal_mode=memory";
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
    assertTrue(e.getMessage().contains("journal_mode=memory"), e.getMessage());
    assertTrue(e.getMessage().contains("stays in wal"), e.getMessage());
  }

  @Test
  void journalMode_unknownValue_namesTheChoices() {
    String url = "jdbc:pagoda::memory:";
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection(url, props("journal_mode", "fast")));
    assertEquals(
        "invalid value for connection property journal_mode: 'fast'"
            + " (valid: delete, truncate, persist, memory, wal, off)",
        e.getMessage());
    assertEquals("HY024", e.getSQLState());
  }

  @Test
  void synchronousAndBusyTimeout_applied() throws SQLException {
    String url = "jdbc:pagoda:" + dir.resolve("s.db") + "?synchronous=normal";
    try (Connection conn = DriverManager.getConnection(url, props("busy_timeout", "1234"))) {
      assertEquals("1", pragma(conn, "synchronous"));
      assertEquals("1234", pragma(conn, "busy_timeout"));
    }
  }

  @Test
  void urlParameter_winsOverProperties() throws SQLException {
    String url = "jdbc:pagoda::memory:?busy_timeout=77";
    try (Connection conn = DriverManager.getConnection(url, props("busy_timeout", "5"))) {
      assertEquals("77", pragma(conn, "busy_timeout"));
    }
  }

  @Test
  void badValues_failTheConnection() {
    for (String bad :
        new String[] {
          "synchronous=sometimes", "busy_timeout=-1", "busy_timeout=soon", "foreign_keys=maybe",
          "open_mode=x", "transaction_mode=lazy", "readOnly=perhaps"
        }) {
      String url = "jdbc:pagoda::memory:?" + bad;
      SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
      assertEquals("HY024", e.getSQLState(), bad);
      assertTrue(e.getMessage().contains(bad.substring(0, bad.indexOf('='))), e.getMessage());
    }
  }

  @Test
  void unknownProperty_ignoredAsSqliteJdbcIgnoresIt() throws SQLException {
    try (Connection conn =
        DriverManager.getConnection("jdbc:pagoda::memory:?cache=shared", props("foo", "bar"))) {
      assertFalse(conn.isClosed());
    }
  }

  @Test
  void modeRw_missingFile_cantOpen() {
    Path file = dir.resolve("missing.db");
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection("jdbc:pagoda:file:" + file + "?mode=rw"));
    assertEquals("unable to open database file", e.getMessage());
    assertEquals(14, e.getErrorCode());
    assertFalse(Files.exists(file));
  }

  @Test
  void openModeReadWriteWithoutCreate_missingFile_cantOpen() {
    String url = "jdbc:pagoda:" + dir.resolve("missing.db");
    SQLException e =
        assertThrows(
            SQLException.class, () -> DriverManager.getConnection(url, props("open_mode", "2")));
    assertEquals(14, e.getErrorCode());
  }

  @Test
  void modeRo_existingFile_readOnly() throws SQLException {
    Path file = dir.resolve("ro.db");
    try (Connection conn = DriverManager.getConnection("jdbc:pagoda:" + file);
        Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t(a)");
      st.execute("INSERT INTO t VALUES (1)");
    }
    String uri = "jdbc:pagoda:file://" + file.toString().replace(" ", "%20") + "?mode=ro";
    try (Connection conn = DriverManager.getConnection(uri);
        Statement st = conn.createStatement()) {
      assertTrue(conn.isReadOnly());
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
      }
      SQLException e = assertThrows(SQLException.class, () -> st.execute("DELETE FROM t"));
      assertEquals(8, e.getErrorCode() & 0xff, e.getMessage());
    }
    try (Connection conn =
        DriverManager.getConnection("jdbc:pagoda:" + file, props("open_mode", "1"))) {
      assertTrue(conn.isReadOnly());
    }
  }

  @Test
  void modeMemory_privateInMemoryDatabase() throws SQLException {
    Path file = dir.resolve("never.db");
    try (Connection conn =
            DriverManager.getConnection("jdbc:pagoda:file:" + file + "?mode=memory");
        Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t(a)");
    }
    assertFalse(Files.exists(file));
  }

  @Test
  void percentEncodedFileUri_opensTheDecodedPath() throws SQLException {
    Path file = dir.resolve("a b.db");
    String uri = "jdbc:pagoda:file:" + dir.toString().replace(" ", "%20") + "/a%20b.db";
    try (Connection conn = DriverManager.getConnection(uri)) {
      assertFalse(conn.isReadOnly());
    }
    assertTrue(Files.exists(file));
  }

  @Test
  void transactionModeImmediate_beginTakesTheWriteLock() throws SQLException {
    String url = "jdbc:pagoda:" + dir.resolve("tm.db");
    try (Connection writer = DriverManager.getConnection(url + "?transaction_mode=IMMEDIATE");
        Connection other = DriverManager.getConnection(url + "?busy_timeout=0");
        Statement st = other.createStatement()) {
      st.execute("CREATE TABLE t(a)");
      writer.setAutoCommit(false); // BEGIN IMMEDIATE: the write lock now, before any statement
      SQLException e =
          assertThrows(SQLException.class, () -> st.execute("INSERT INTO t VALUES (1)"));
      assertEquals(5, e.getErrorCode() & 0xff, e.getMessage());
      writer.setAutoCommit(true);
      st.execute("INSERT INTO t VALUES (1)");
    }
  }

  @Test
  void sqliteUrl_optedIn_opensPagoda() throws SQLException {
    System.setProperty(PagodaDriver.SQLITE_URLS, "true");
    String url = "jdbc:sqlite:" + dir.resolve("s.db");
    // sqlite-jdbc is on the test class path too, so ask this driver rather than DriverManager
    try (Connection conn = new PagodaDriver().connect(url, new Properties())) {
      assertInstanceOf(PagodaConnection.class, conn);
      assertEquals("SQLite", conn.getMetaData().getDatabaseProductName());
      assertEquals("Pagoda JDBC", conn.getMetaData().getDriverName());
      assertEquals(url, conn.getMetaData().getURL());
    }
  }

  @Test
  void sqliteUrl_notOptedIn_notOurs() throws SQLException {
    assertNull(new PagodaDriver().connect("jdbc:sqlite::memory:", new Properties()));
  }

  @Test
  void productVersion_isTheSqliteVersionTheEngineReports() throws SQLException {
    try (Connection conn = DriverManager.getConnection("jdbc:pagoda::memory:");
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT sqlite_version()")) {
      rs.next();
      String version = rs.getString(1);
      assertTrue(version.matches("3\\.\\d+\\.\\d+"), version);
      assertEquals(version, conn.getMetaData().getDatabaseProductVersion());
      String[] parts = version.split("\\.", -1);
      assertEquals(Integer.parseInt(parts[0]), conn.getMetaData().getDatabaseMajorVersion());
      assertEquals(Integer.parseInt(parts[1]), conn.getMetaData().getDatabaseMinorVersion());
    }
  }
}
