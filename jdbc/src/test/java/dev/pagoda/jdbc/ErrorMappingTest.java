package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.PagodaException;
import dev.pagoda.spi.ResultCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:pagoda::memory:");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  @Test
  void executeQuery_syntaxError_keepsSqliteMessage() throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t(a)");
      SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("SELECT * FORM t"));
      assertTrue(e.getMessage().contains("near \"FORM\": syntax error"), e.getMessage());
      assertEquals("42000", e.getSQLState());
      assertEquals(ResultCode.ERROR.code(), e.getErrorCode());
      assertInstanceOf(SQLSyntaxErrorException.class, e);
      assertInstanceOf(PagodaException.class, e.getCause());
    }
  }

  @Test
  void executeQuery_unknownTable_noSuchTable() throws SQLException {
    try (Statement st = conn.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("SELECT * FROM x"));
      assertTrue(e.getMessage().contains("no such table: x"), e.getMessage());
      assertEquals("42S02", e.getSQLState());
      assertEquals(1, e.getErrorCode());
    }
  }

  @Test
  void prepareStatement_unknownTable_throwsSqlException() {
    SQLException e =
        assertThrows(SQLException.class, () -> conn.prepareStatement("INSERT INTO x VALUES (1)"));
    assertTrue(e.getMessage().contains("no such table: x"), e.getMessage());
  }

  @Test
  void toSql_constraint_integrityViolationWithExtendedVendorCode() {
    SQLException e =
        Errors.toSql(
            new PagodaException(ResultCode.CONSTRAINT_NOTNULL, "NOT NULL constraint failed: t.a"));
    assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
    assertEquals("23000", e.getSQLState());
    assertEquals(ResultCode.CONSTRAINT_NOTNULL.code(), e.getErrorCode());
    assertEquals("NOT NULL constraint failed: t.a", e.getMessage());
  }

  @Test
  void toSql_busy_transactionRollbackClass() {
    SQLException e = Errors.toSql(new PagodaException(ResultCode.BUSY, "database is locked"));
    assertInstanceOf(SQLTransactionRollbackException.class, e);
    assertEquals("40001", e.getSQLState());
    assertEquals(5, e.getErrorCode());
  }

  @Test
  void toSql_cantOpen_connectionClass() {
    SQLException e =
        Errors.toSql(new PagodaException(ResultCode.CANTOPEN, "unable to open database file"));
    assertInstanceOf(SQLNonTransientConnectionException.class, e);
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void sqlState_everyResultCode_isFiveCharacters() {
    for (ResultCode code : ResultCode.values()) {
      String state = Errors.sqlState(code, "some error");
      assertEquals(5, state.length(), code + " -> " + state);
      assertSame(state.getClass(), String.class);
    }
  }

  @Test
  void sqlState_plainError_generalError() {
    assertEquals("HY000", Errors.sqlState(ResultCode.ERROR, "something else"));
    assertEquals("42S22", Errors.sqlState(ResultCode.ERROR, "no such column: z"));
    assertEquals("42S01", Errors.sqlState(ResultCode.ERROR, "table t already exists"));
  }
}
