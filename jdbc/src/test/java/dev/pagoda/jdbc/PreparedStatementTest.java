package dev.pagoda.jdbc;

import static dev.pagoda.jdbc.StatementTest.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreparedStatementTest {
  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:pagoda::memory:");
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t(id INTEGER, v)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  /** The value stored in t.v for {@code id}, read back with getObject. */
  private Object stored(int id) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT v FROM t WHERE id = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no row " + id);
        Object value = rs.getObject(1);
        return value instanceof Integer i ? (Object) i.longValue() : value; // Integer when small
      }
    }
  }

  private void insert(int id, ParameterSetter setter) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      ps.setInt(1, id);
      setter.set(ps);
      assertEquals(1, ps.executeUpdate());
    }
  }

  @FunctionalInterface
  interface ParameterSetter {
    void set(PreparedStatement ps) throws SQLException;
  }

  @Test
  void setters_eachStorageClass_roundTrip() throws SQLException {
    insert(1, ps -> ps.setLong(2, 1L << 40));
    insert(2, ps -> ps.setDouble(2, 2.5));
    insert(3, ps -> ps.setString(2, "three"));
    insert(4, ps -> ps.setBytes(2, new byte[] {0, 1, (byte) 0xff}));
    insert(5, ps -> ps.setNull(2, Types.VARCHAR));
    assertEquals(1L << 40, stored(1));
    assertEquals(2.5, stored(2));
    assertEquals("three", stored(3));
    assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, (byte[]) stored(4));
    assertNull(stored(5));
  }

  @Test
  void setters_smallIntegersAndBooleans_bindIntegers() throws SQLException {
    insert(1, ps -> ps.setInt(2, -7));
    insert(2, ps -> ps.setShort(2, (short) 300));
    insert(3, ps -> ps.setByte(2, (byte) -1));
    insert(4, ps -> ps.setBoolean(2, true));
    insert(5, ps -> ps.setBoolean(2, false));
    insert(6, ps -> ps.setFloat(2, 0.5f));
    assertEquals(-7L, stored(1));
    assertEquals(300L, stored(2));
    assertEquals(-1L, stored(3));
    assertEquals(1L, stored(4));
    assertEquals(0L, stored(5));
    assertEquals(0.5, stored(6));
  }

  @Test
  void setBigDecimal_bindsTextLikeSqliteJdbc() throws SQLException {
    insert(1, ps -> ps.setBigDecimal(2, new BigDecimal("1.50")));
    insert(2, ps -> ps.setBigDecimal(2, null));
    assertEquals("1.50", stored(1));
    assertNull(stored(2));
  }

  @Test
  void setObject_commonJavaTypes_bindByType() throws SQLException {
    insert(1, ps -> ps.setObject(2, 42));
    insert(2, ps -> ps.setObject(2, 42L));
    insert(3, ps -> ps.setObject(2, 1.25d));
    insert(4, ps -> ps.setObject(2, "s"));
    insert(5, ps -> ps.setObject(2, new byte[] {9}));
    insert(6, ps -> ps.setObject(2, null));
    insert(7, ps -> ps.setObject(2, (Object) true));
    insert(8, ps -> ps.setObject(2, BigInteger.TEN));
    insert(9, ps -> ps.setObject(2, 'c'));
    insert(10, ps -> ps.setObject(2, "12", Types.INTEGER));
    assertEquals(42L, stored(1));
    assertEquals(42L, stored(2));
    assertEquals(1.25, stored(3));
    assertEquals("s", stored(4));
    assertArrayEquals(new byte[] {9}, (byte[]) stored(5));
    assertNull(stored(6));
    assertEquals(1L, stored(7));
    assertEquals("10", stored(8)); // sqlite-jdbc binds BigInteger as its text
    assertEquals("c", stored(9));
    assertEquals("12", stored(10));
  }

  @Test
  void setObject_javaTime_bindsText() throws SQLException {
    insert(1, ps -> ps.setObject(2, LocalDate.of(2024, 1, 31)));
    assertEquals("2024-01-31", stored(1));
  }

  @Test
  void setStreams_readWholeStream() throws SQLException {
    insert(1, ps -> ps.setCharacterStream(2, new StringReader("chars")));
    insert(2, ps -> ps.setBinaryStream(2, new ByteArrayInputStream(new byte[] {1, 2})));
    insert(3, ps -> ps.setCharacterStream(2, new StringReader("abcdef"), 3));
    assertEquals("chars", stored(1));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) stored(2));
    assertEquals("abc", stored(3));
  }

  @Test
  void executeQuery_sameStatementRunTwice_usesNewBindings() throws SQLException {
    for (int i = 1; i <= 3; i++) {
      int id = i;
      insert(id, ps -> ps.setString(2, "v" + id));
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT v FROM t WHERE id >= ?")) {
      ps.setInt(1, 2);
      assertEquals(List.of("v2", "v3"), rows(ps.executeQuery()));
      ps.setInt(1, 3);
      assertEquals(List.of("v3"), rows(ps.executeQuery()));
    }
  }

  @Test
  void namedParameters_countAsPositions() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES (:id, :v)")) {
      assertEquals(2, ps.getParameterMetaData().getParameterCount());
      ps.setInt(1, 1);
      ps.setString(2, "named");
      ps.executeUpdate();
    }
    assertEquals("named", stored(1));
  }

  @Test
  void unsetParameters_areNull_andClearParametersResets() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      ps.setInt(1, 1);
      ps.executeUpdate();
      ps.setInt(1, 2);
      ps.setString(2, "x");
      ps.clearParameters();
      ps.setInt(1, 3);
      ps.executeUpdate();
    }
    assertNull(stored(1));
    assertNull(stored(3));
  }

  @Test
  void setter_indexOutOfRange_throws() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT ?")) {
      SQLException e = assertThrows(SQLException.class, () -> ps.setInt(2, 1));
      assertEquals("07009", e.getSQLState());
      assertThrows(SQLException.class, () -> ps.setInt(0, 1));
    }
  }

  @Test
  void prepareStatement_severalStatements_throws() {
    SQLException e =
        assertThrows(SQLException.class, () -> conn.prepareStatement("SELECT 1; SELECT 2"));
    assertTrue(e.getMessage().contains("one SQL statement"), e.getMessage());
  }

  @Test
  void prepareStatement_trailingSemicolonAndComment_isOneStatement() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT 5; -- done")) {
      assertEquals(List.of("5"), rows(ps.executeQuery()));
    }
  }

  @Test
  void executeQuery_onUpdate_throws_andExecuteUpdateOnQuery_throws() throws SQLException {
    try (PreparedStatement insert = conn.prepareStatement("INSERT INTO t VALUES (1, 2)");
        PreparedStatement select = conn.prepareStatement("SELECT * FROM t")) {
      assertThrows(SQLException.class, insert::executeQuery);
      assertThrows(SQLException.class, select::executeUpdate);
      assertFalse(insert.execute());
      assertEquals(1, insert.getUpdateCount());
      assertTrue(select.execute());
      assertEquals(List.of("1|2"), rows(select.getResultSet()));
    }
  }

  @Test
  void statementMethodsTakingSql_throw() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT 1")) {
      assertThrows(SQLException.class, () -> ps.executeQuery("SELECT 2"));
      assertThrows(SQLException.class, () -> ps.execute("SELECT 2"));
      assertThrows(SQLException.class, () -> ps.executeUpdate("SELECT 2"));
      assertThrows(SQLException.class, () -> ps.addBatch("SELECT 2"));
    }
  }

  @Test
  void getMetaData_query_namesColumnsBeforeRunning() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT id, v AS value FROM t");
        PreparedStatement insert = conn.prepareStatement("INSERT INTO t VALUES (1, 1)")) {
      ResultSetMetaData md = ps.getMetaData();
      assertEquals(2, md.getColumnCount());
      assertEquals("id", md.getColumnLabel(1));
      assertEquals("value", md.getColumnLabel(2));
      assertEquals("INTEGER", md.getColumnTypeName(1)); // declared type of t.id
      assertEquals("t", md.getTableName(1));
      assertNull(insert.getMetaData());
    }
  }

  @Test
  void getParameterMetaData_countsParameters() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT ?, ?, ?")) {
      ParameterMetaData md = ps.getParameterMetaData();
      assertEquals(3, md.getParameterCount());
      assertEquals(ParameterMetaData.parameterModeIn, md.getParameterMode(1));
      assertThrows(SQLException.class, () -> md.getParameterType(4));
    }
  }

  @Test
  void executeBatch_replaysEachParameterSet() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      for (int i = 1; i <= 3; i++) {
        ps.setInt(1, i);
        ps.setString(2, "b" + i);
        ps.addBatch();
      }
      assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
    }
    assertEquals("b1", stored(1));
    assertEquals("b3", stored(3));
  }

  @Test
  void executeBatch_query_throwsBatchUpdateException() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT ?")) {
      ps.setInt(1, 1);
      ps.addBatch();
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertArrayEquals(new int[] {0}, e.getUpdateCounts()); // one per entry, as sqlite-jdbc
    }
  }

  @Test
  void close_thenUse_throws() throws SQLException {
    PreparedStatement ps = conn.prepareStatement("SELECT 1");
    ps.close();
    assertTrue(ps.isClosed());
    assertThrows(SQLException.class, () -> ps.setInt(1, 1));
    assertThrows(SQLException.class, ps::executeQuery);
  }
}
