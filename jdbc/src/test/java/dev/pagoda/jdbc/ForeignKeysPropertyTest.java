package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The {@code foreign_keys} connection property runs {@code PRAGMA foreign_keys} on connect, as
 * sqlite-jdbc does. Needs the engine's {@code PRAGMA foreign_keys} (branch fkeys); compared with
 * sqlite-jdbc given the same property.
 */
class ForeignKeysPropertyTest {
  private static final String SCHEMA =
      "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(p REFERENCES p(id))";

  private static Properties fk(String value) {
    Properties p = new Properties();
    p.setProperty("foreign_keys", value);
    return p;
  }

  private static long pragma(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  @Test
  void foreignKeysTrue_pragmaOnAndViolationRefused_asSqliteJdbc() throws SQLException {
    try (Connection pagoda = DriverManager.getConnection("jdbc:pagoda::memory:", fk("true"));
        Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:", fk("true"))) {
      assertEquals(pragma(sqlite), pragma(pagoda));
      assertEquals(1, pragma(pagoda));
      for (Connection conn : new Connection[] {pagoda, sqlite}) {
        try (Statement st = conn.createStatement()) {
          for (String sql : SCHEMA.split(";", -1)) {
            st.execute(sql);
          }
        }
      }
      SQLException p = assertThrows(SQLException.class, () -> insertOrphan(pagoda));
      SQLException s = assertThrows(SQLException.class, () -> insertOrphan(sqlite));
      assertInstanceOf(SQLIntegrityConstraintViolationException.class, p);
      assertEquals(s.getErrorCode(), p.getErrorCode() & 0xff);
      assertTrue(s.getMessage().contains(p.getMessage()), s.getMessage() + " / " + p.getMessage());
    }
  }

  @Test
  void foreignKeysOff_pragmaOff_asSqliteJdbc() throws SQLException {
    try (Connection pagoda = DriverManager.getConnection("jdbc:pagoda::memory:?foreign_keys=off");
        Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:", fk("false"))) {
      assertEquals(pragma(sqlite), pragma(pagoda));
      assertEquals(0, pragma(pagoda));
    }
  }

  private static void insertOrphan(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("INSERT INTO c VALUES (42)");
    }
  }
}
