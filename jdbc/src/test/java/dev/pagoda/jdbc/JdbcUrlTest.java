package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {
  @AfterEach
  void clearSqliteUrls() {
    System.clearProperty(JdbcUrl.SQLITE_URLS_PROPERTY);
  }

  @Test
  void parse_plainPath_takenAsWritten() throws SQLException {
    JdbcUrl url = JdbcUrl.parse("jdbc:pagoda:data/my%20db.sqlite");
    assertEquals("data/my%20db.sqlite", url.name());
    assertEquals("rwc", url.mode());
    assertEquals(Map.of(), url.parameters());
  }

  @Test
  void parse_plainPathWithQuery_splitsParameters() throws SQLException {
    JdbcUrl url = JdbcUrl.parse("jdbc:pagoda:/tmp/x.db?journal_mode=WAL&busy_timeout=10");
    assertEquals("/tmp/x.db", url.name());
    assertEquals(Map.of("journal_mode", "WAL", "busy_timeout", "10"), url.parameters());
  }

  @Test
  void parse_fileUri_tripleSlashIsAbsoluteAndPercentDecoded() throws SQLException {
    JdbcUrl url = JdbcUrl.parse("jdbc:pagoda:file:///tmp/my%20db%C3%A9.db?mode=ro");
    assertEquals("/tmp/my db\u00e9.db", url.name());
    assertEquals("ro", url.mode());
    assertFalse(url.isMemory());
  }

  @Test
  void parse_fileUri_localhostAuthorityAndRelativePath() throws SQLException {
    assertEquals("/a/b.db", JdbcUrl.parse("jdbc:pagoda:file://localhost/a/b.db").name());
    assertEquals("rel/b.db", JdbcUrl.parse("jdbc:pagoda:file:rel/b.db").name());
    assertEquals("/abs.db", JdbcUrl.parse("jdbc:pagoda:FILE:/abs.db").name());
  }

  @Test
  void parse_fileUri_otherAuthority_failsAsSqlite() {
    SQLException e =
        assertThrows(SQLException.class, () -> JdbcUrl.parse("jdbc:pagoda:file://host/a.db"));
    assertEquals("invalid uri authority: host", e.getMessage());
    assertEquals(14, e.getErrorCode());
  }

  @Test
  void parse_unknownMode_failsWithSqlitesMessage() {
    SQLException e =
        assertThrows(SQLException.class, () -> JdbcUrl.parse("jdbc:pagoda:file:a.db?mode=rx"));
    assertEquals("no such access mode: rx", e.getMessage());
  }

  @Test
  void parse_memoryForms_allInMemory() throws SQLException {
    for (String url :
        new String[] {
          "jdbc:pagoda:",
          "jdbc:pagoda::memory:",
          "jdbc:pagoda:file::memory:",
          "jdbc:pagoda:file:anything?mode=memory",
          "jdbc:pagoda::memory:?busy_timeout=5"
        }) {
      assertTrue(JdbcUrl.parse(url).isMemory(), url);
    }
  }

  @Test
  void parse_queryValues_percentDecodedAndKeysLowerCased() throws SQLException {
    JdbcUrl url = JdbcUrl.parse("jdbc:pagoda:file:a.db?Journal_Mode=w%61l&x=a+b&flag");
    assertEquals(Map.of("journal_mode", "wal", "x", "a+b", "flag", ""), url.parameters());
  }

  @Test
  void decode_lonePercent_keptAsWritten() {
    assertEquals("100%", JdbcUrl.decode("100%"));
    assertEquals("%zz", JdbcUrl.decode("%zz"));
    assertEquals("/", JdbcUrl.decode("%2f"));
  }

  @Test
  void accepts_sqliteUrls_onlyWhenOptedIn() {
    assertFalse(JdbcUrl.accepts("jdbc:sqlite:x.db"));
    System.setProperty(JdbcUrl.SQLITE_URLS_PROPERTY, "true");
    assertTrue(JdbcUrl.accepts("jdbc:sqlite:x.db"));
    assertTrue(JdbcUrl.accepts("JDBC:SQLITE::memory:"));
  }

  @Test
  void parse_sqliteUrlOptedIn_sameAsPagodaUrl() throws SQLException {
    System.setProperty(JdbcUrl.SQLITE_URLS_PROPERTY, "true");
    JdbcUrl url = JdbcUrl.parse("jdbc:sqlite:file:///tmp/x.db?mode=rw&synchronous=off");
    assertEquals("/tmp/x.db", url.name());
    assertEquals("rw", url.mode());
    assertEquals(Map.of("synchronous", "off"), url.parameters());
  }
}
