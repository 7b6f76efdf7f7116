package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementTest {
  @TempDir Path dir;

  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:pagoda::memory:");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  static List<String> rows(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        row.append(i > 1 ? "|" : "").append(rs.getString(i));
      }
      out.add(row.toString());
    }
    return out;
  }

  @Test
  void executeQuery_selectStar_returnsInsertedRows() throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.executeUpdate("CREATE TABLE t(a INTEGER, b TEXT)");
      assertEquals(1, st.executeUpdate("INSERT INTO t VALUES (1, 'one')"));
      assertEquals(1, st.executeUpdate("INSERT INTO t VALUES (2, 'two')"));
      try (ResultSet rs = st.executeQuery("SELECT * FROM t")) {
        assertEquals(List.of("1|one", "2|two"), rows(rs));
      }
    }
  }

  @Test
  void executeQuery_fileDatabase_dataPersistsAcrossConnections() throws SQLException {
    String url = "jdbc:pagoda:" + dir.resolve("persist.db");
    try (Connection first = DriverManager.getConnection(url);
        Statement st = first.createStatement()) {
      st.execute("CREATE TABLE t(a, b)");
      st.execute("INSERT INTO t VALUES (10, 'ten')");
    }
    try (Connection second = DriverManager.getConnection(url);
        Statement st = second.createStatement();
        ResultSet rs = st.executeQuery("SELECT a, b FROM t WHERE a = 10")) {
      assertEquals(List.of("10|ten"), rows(rs));
    }
  }

  @Test
  void executeQuery_whereClause_filtersRows() throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t(a, b)");
      for (int i = 1; i <= 5; i++) {
        st.execute("INSERT INTO t VALUES (" + i + ", 'x" + i + "')");
      }
      try (ResultSet rs = st.executeQuery("SELECT b FROM t WHERE a > 2 AND a < 5 OR a = 1")) {
        assertEquals(List.of("x1", "x3", "x4"), rows(rs));
      }
    }
  }

  @Test
  void executeQuery_selectWithoutFrom_returnsOneRow() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("select 1")) {
      assertEquals(List.of("1"), rows(rs));
    }
  }

  @Test
  void executeQuery_nonQuery_throwsWithoutRunningIt() throws SQLException {
    try (Statement st = conn.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("CREATE TABLE t(a)"));
      assertTrue(e.getMessage().contains("does not return ResultSet"), e.getMessage());
      st.execute("CREATE TABLE t(a)"); // the failed executeQuery did not create it
    }
  }

  @Test
  void executeUpdate_query_throws() throws SQLException {
    try (Statement st = conn.createStatement()) {
      assertThrows(SQLException.class, () -> st.executeUpdate("SELECT 1"));
    }
  }

  @Test
  void execute_query_makesResultSetCurrent() throws SQLException {
    try (Statement st = conn.createStatement()) {
      assertTrue(st.execute("SELECT 7"));
      assertEquals(-1, st.getUpdateCount());
      ResultSet rs = st.getResultSet();
      assertNotNull(rs);
      assertEquals(List.of("7"), rows(rs));
      assertFalse(st.getMoreResults());
      assertTrue(rs.isClosed());
      assertNull(st.getResultSet());
      assertEquals(-1, st.getUpdateCount());
    }
  }

  @Test
  void execute_update_makesCountCurrent() throws SQLException {
    try (Statement st = conn.createStatement()) {
      assertFalse(st.execute("CREATE TABLE t(a)"));
      assertEquals(0, st.getUpdateCount());
      assertFalse(st.execute("INSERT INTO t VALUES (1)"));
      assertEquals(1, st.getUpdateCount());
      assertEquals(1L, st.getLargeUpdateCount());
      assertNull(st.getResultSet());
    }
  }

  @Test
  void execute_script_runsAllStatementsAndLastResultIsCurrent() throws SQLException {
    try (Statement st = conn.createStatement()) {
      boolean isQuery =
          st.execute(
              "CREATE TABLE t(a, b); INSERT INTO t VALUES (1, 'a;b'); -- note;\n"
                  + "INSERT INTO t VALUES (2, 'c'); /* ; */ SELECT b FROM t;  ");
      assertTrue(isQuery);
      assertEquals(List.of("a;b", "c"), rows(st.getResultSet()));
    }
  }

  @Test
  void execute_scriptEndingInUpdate_countIsLastStatements() throws SQLException {
    try (Statement st = conn.createStatement()) {
      assertFalse(
          st.execute(
              "CREATE TABLE t(a); INSERT INTO t VALUES (1); SELECT * FROM t;"
                  + " INSERT INTO t VALUES (2);"));
      assertEquals(1, st.getUpdateCount());
      try (ResultSet rs = st.executeQuery("SELECT a FROM t")) {
        assertEquals(List.of("1", "2"), rows(rs));
      }
    }
  }

  @Test
  void execute_scriptFailingMidway_keepsEarlierStatements() throws SQLException {
    try (Statement st = conn.createStatement()) {
      assertThrows(
          SQLException.class,
          () -> st.execute("CREATE TABLE t(a); INSERT INTO t VALUES (1); SELECT * FORM t;"));
      try (ResultSet rs = st.executeQuery("SELECT a FROM t")) {
        assertEquals(List.of("1"), rows(rs));
      }
    }
  }

  @Test
  void execute_blankSql_hasNoResult() throws SQLException {
    try (Statement st = conn.createStatement()) {
      assertFalse(st.execute("  -- nothing\n ; "));
      assertNull(st.getResultSet());
      assertEquals(-1, st.getUpdateCount());
      assertEquals(0, st.executeUpdate(""));
      assertThrows(SQLException.class, () -> st.executeQuery(" "));
    }
  }

  @Test
  void execute_again_closesPreviousResultSet() throws SQLException {
    try (Statement st = conn.createStatement()) {
      ResultSet first = st.executeQuery("SELECT 1");
      st.executeQuery("SELECT 2");
      assertTrue(first.isClosed());
    }
  }

  @Test
  void close_closesCurrentResultSet() throws SQLException {
    Statement st = conn.createStatement();
    ResultSet rs = st.executeQuery("SELECT 1");
    st.close();
    assertTrue(rs.isClosed());
    assertTrue(st.isClosed());
    assertThrows(SQLException.class, () -> st.executeQuery("SELECT 1"));
  }

  @Test
  void closeOnCompletion_resultSetClosed_closesStatement() throws SQLException {
    Statement st = conn.createStatement();
    st.closeOnCompletion();
    ResultSet rs = st.executeQuery("SELECT 1");
    assertFalse(st.isClosed());
    rs.close();
    assertTrue(st.isClosed());
  }

  @Test
  void setMaxRows_limitsRows() throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t(a)");
      for (int i = 0; i < 5; i++) {
        st.execute("INSERT INTO t VALUES (" + i + ")");
      }
      st.setMaxRows(2);
      try (ResultSet rs = st.executeQuery("SELECT a FROM t")) {
        assertEquals(List.of("0", "1"), rows(rs));
      }
      assertThrows(SQLException.class, () -> st.setMaxRows(-1));
    }
  }

  @Test
  void executeBatch_runsEachCommand() throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.addBatch("CREATE TABLE t(a)");
      st.addBatch("INSERT INTO t VALUES (1)");
      st.addBatch("INSERT INTO t VALUES (2)");
      assertArrayEquals(new int[] {0, 1, 1}, st.executeBatch());
      assertArrayEquals(new int[0], st.executeBatch());
      try (ResultSet rs = st.executeQuery("SELECT a FROM t")) {
        assertEquals(List.of("1", "2"), rows(rs));
      }
    }
  }

  @Test
  void executeBatch_failure_reportsCountsSoFar() throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.addBatch("CREATE TABLE t(a)");
      st.addBatch("INSERT INTO nope VALUES (1)");
      st.addBatch("INSERT INTO t VALUES (2)");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, st::executeBatch);
      assertArrayEquals(new int[] {0, 0, 0}, e.getUpdateCounts()); // one per entry: sqlite-jdbc
      assertTrue(e.getMessage().contains("no such table: nope"), e.getMessage());
    }
  }

  @Test
  void generatedKeys_lastInsertRowidAfterInsert() throws SQLException {
    try (Statement st = conn.createStatement()) {
      try (ResultSet keys = st.getGeneratedKeys()) {
        assertFalse(keys.next());
      }
      st.execute("CREATE TABLE t(a)");
      st.executeUpdate("INSERT INTO t VALUES (5), (6)", Statement.RETURN_GENERATED_KEYS);
      try (ResultSet keys = st.getGeneratedKeys()) {
        assertTrue(keys.next());
        assertEquals("last_insert_rowid()", keys.getMetaData().getColumnName(1));
        assertEquals(2L, keys.getLong(1));
      }
      assertTrue(st.execute("SELECT 1", Statement.NO_GENERATED_KEYS));
    }
  }

  @Test
  void getConnection_returnsOwner() throws SQLException {
    try (Statement st = conn.createStatement()) {
      assertEquals(conn, st.getConnection());
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, st.getResultSetType());
      assertEquals(ResultSet.CONCUR_READ_ONLY, st.getResultSetConcurrency());
    }
  }
}
