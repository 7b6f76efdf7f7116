package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** INSERT/UPDATE/DELETE ... RETURNING through JDBC: the statement is a query, as in sqlite-jdbc. */
class ReturningTest {
  @Test
  void executeQuery_insertReturning_givesTheNewRowsAndWritesThem() throws SQLException {
    try (Connection conn = DriverManager.getConnection("jdbc:pagoda::memory:");
        Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");
      try (ResultSet rs = s.executeQuery(
          "INSERT INTO t(name) VALUES ('a'), ('b') RETURNING id, upper(name) AS up")) {
        assertEquals("id", rs.getMetaData().getColumnName(1));
        assertEquals("up", rs.getMetaData().getColumnName(2));
        assertTrue(rs.next());
        assertEquals(1, rs.getLong(1));
        assertEquals("A", rs.getString("up"));
        assertTrue(rs.next());
        assertEquals(2, rs.getLong("id"));
        assertFalse(rs.next());
      }
      try (PreparedStatement ps = conn.prepareStatement(
          "UPDATE t SET name = ? WHERE id = ? RETURNING name")) {
        ps.setString(1, "z");
        ps.setLong(2, 2);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals("z", rs.getString(1));
          assertFalse(rs.next());
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT group_concat(name) FROM t")) {
        assertTrue(rs.next());
        assertEquals("a,z", rs.getString(1));
      }
    }
  }
}
