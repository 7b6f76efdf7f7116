package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.Rows;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResultSetTest {
  private Connection conn;
  private Statement st;

  @BeforeEach
  void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:pagoda::memory:");
    st = conn.createStatement();
    st.execute("CREATE TABLE t(i, r, s, b, n)");
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
      ps.setLong(1, 42);
      ps.setDouble(2, 1.5);
      ps.setString(3, "hello");
      ps.setBytes(4, new byte[] {1, 2, 3});
      ps.setNull(5, Types.NULL);
      ps.executeUpdate();
    }
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private ResultSet row() throws SQLException {
    ResultSet rs = st.executeQuery("SELECT i, r, s, b, n FROM t");
    assertTrue(rs.next());
    return rs;
  }

  @Test
  void getters_integer_convertLikeSqlite() throws SQLException {
    try (ResultSet rs = row()) {
      assertEquals(42L, rs.getLong(1));
      assertFalse(rs.wasNull());
      assertEquals(42, rs.getInt(1));
      assertEquals((short) 42, rs.getShort(1));
      assertEquals((byte) 42, rs.getByte(1));
      assertEquals(42.0, rs.getDouble(1));
      assertEquals(42.0f, rs.getFloat(1));
      assertEquals("42", rs.getString(1));
      assertTrue(rs.getBoolean(1));
      assertEquals(Integer.valueOf(42), rs.getObject(1)); // Integer when it fits, as sqlite-jdbc
      assertEquals(new BigDecimal(42), rs.getBigDecimal(1));
    }
  }

  @Test
  void getters_real_convertLikeSqlite() throws SQLException {
    try (ResultSet rs = row()) {
      assertEquals(1.5, rs.getDouble(2));
      assertEquals(1.5f, rs.getFloat(2));
      assertEquals(1L, rs.getLong(2));
      assertEquals("1.5", rs.getString(2));
      assertEquals(Double.valueOf(1.5), rs.getObject(2));
      assertEquals(new BigDecimal("1.5"), rs.getBigDecimal(2));
      assertFalse(rs.wasNull());
    }
  }

  @Test
  void getters_text_returnText() throws SQLException {
    try (ResultSet rs = row()) {
      assertEquals("hello", rs.getString(3));
      assertEquals("hello", rs.getObject(3));
      assertArrayEquals("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), rs.getBytes(3));
      assertEquals(0L, rs.getLong(3));
      assertFalse(rs.wasNull());
      assertThrows(SQLException.class, () -> rs.getBigDecimal(3));
    }
  }

  @Test
  void getters_blob_returnBytes() throws SQLException {
    try (ResultSet rs = row()) {
      assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes(4));
      assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) rs.getObject(4));
      assertFalse(rs.wasNull());
    }
  }

  @Test
  void getters_null_readAsZeroOrNull_andWasNullIsTrue() throws SQLException {
    try (ResultSet rs = row()) {
      assertNull(rs.getString(5));
      assertTrue(rs.wasNull());
      assertEquals(0L, rs.getLong(5));
      assertTrue(rs.wasNull());
      assertEquals(0, rs.getInt(5));
      assertEquals(0.0, rs.getDouble(5));
      assertFalse(rs.getBoolean(5));
      assertNull(rs.getBytes(5));
      assertNull(rs.getObject(5));
      assertNull(rs.getBigDecimal(5));
      assertTrue(rs.wasNull());
      rs.getLong(1);
      assertFalse(rs.wasNull());
    }
  }

  @Test
  void getObjectWithType_convertsOrReturnsNull() throws SQLException {
    try (ResultSet rs = row()) {
      assertEquals(Integer.valueOf(42), rs.getObject(1, Integer.class));
      assertEquals("1.5", rs.getObject(2, String.class));
      assertEquals(Long.valueOf(1), rs.getObject(2, Long.class));
      assertThrows(SQLException.class, () -> rs.getObject(5, Long.class)); // NULL: sqlite-jdbc
      assertNull(rs.getObject(5, String.class));
      assertTrue(rs.getObject("I", Boolean.class));
      assertThrows(SQLFeatureNotSupportedException.class, () -> rs.getObject(1, Thread.class));
    }
  }

  @Test
  void getByLabel_caseInsensitive() throws SQLException {
    try (ResultSet rs = row()) {
      assertEquals(42L, rs.getLong("i"));
      assertEquals(42L, rs.getLong("I"));
      assertEquals("hello", rs.getString("S"));
      assertEquals(3, rs.findColumn("s"));
      SQLException e = assertThrows(SQLException.class, () -> rs.findColumn("nope"));
      assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
  }

  @Test
  void getByIndex_outOfRange_throws() throws SQLException {
    try (ResultSet rs = row()) {
      assertThrows(SQLException.class, () -> rs.getString(0));
      assertThrows(SQLException.class, () -> rs.getString(6));
    }
  }

  @Test
  void next_pastEnd_falseAndGettersThrow() throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT i FROM t")) {
      assertThrows(SQLException.class, () -> rs.getLong(1), "before next()");
      assertTrue(rs.isBeforeFirst());
      assertTrue(rs.next());
      assertTrue(rs.isFirst());
      assertEquals(1, rs.getRow());
      assertFalse(rs.next());
      assertFalse(rs.next());
      assertTrue(rs.isAfterLast());
      assertEquals(1, rs.getRow()); // sqlite-jdbc keeps the count past the end
      assertThrows(SQLException.class, () -> rs.getLong(1));
    }
  }

  @Test
  void isBeforeFirst_emptyResult_false() throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT i FROM t WHERE i = 0")) {
      assertFalse(rs.isBeforeFirst());
      assertFalse(rs.next());
      assertFalse(rs.isAfterLast());
    }
  }

  @Test
  void forwardOnlyReadOnly_refusesOtherMoves() throws SQLException {
    try (ResultSet rs = row()) {
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
      assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
      assertThrows(SQLFeatureNotSupportedException.class, rs::previous);
      assertThrows(SQLFeatureNotSupportedException.class, () -> rs.absolute(1));
      assertThrows(SQLFeatureNotSupportedException.class, () -> rs.updateLong(1, 1));
    }
  }

  @Test
  void getMetaData_typesFollowCurrentRow() throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT i, r, s, b, n AS missing FROM t")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(5, md.getColumnCount());
      assertEquals(Types.INTEGER, md.getColumnType(1), "the first row, as sqlite-jdbc");
      assertTrue(rs.next());
      assertEquals("i", md.getColumnName(1));
      assertEquals("missing", md.getColumnLabel(5));
      assertEquals(Types.INTEGER, md.getColumnType(1));
      assertEquals(Types.FLOAT, md.getColumnType(2));
      assertEquals(Types.VARCHAR, md.getColumnType(3));
      assertEquals(Types.BLOB, md.getColumnType(4));
      assertEquals(Types.NUMERIC, md.getColumnType(5));
      assertEquals("INTEGER", md.getColumnTypeName(1));
      assertEquals("java.lang.Integer", md.getColumnClassName(1));
      assertEquals("java.lang.Object", md.getColumnClassName(4));
      assertEquals("t", md.getTableName(1));
      assertThrows(SQLException.class, () -> md.getColumnType(6));
    }
  }

  @Test
  void close_isIdempotentAndGettersThenThrow() throws SQLException {
    ResultSet rs = row();
    rs.close();
    rs.close();
    assertTrue(rs.isClosed());
    assertThrows(SQLException.class, rs::next);
    assertThrows(SQLException.class, () -> rs.getString(1));
  }

  @Test
  void getStatement_andUnwrapToEngineRows() throws SQLException {
    try (ResultSet rs = row()) {
      assertSame(st, rs.getStatement());
      assertTrue(rs.isWrapperFor(Rows.class));
      assertNotNull(rs.unwrap(Rows.class));
      assertThrows(SQLException.class, () -> rs.unwrap(String.class));
    }
  }

  @Test
  void dates_integerIsEpochMillis() throws SQLException {
    try (ResultSet rs = row()) {
      assertEquals(42L, rs.getDate(1).getTime());
      assertEquals(42L, rs.getTimestamp("i").getTime());
      assertThrows(SQLException.class, () -> rs.getDate(3), "'hello' is no date");
      assertNull(rs.getTime(5));
    }
  }
}
