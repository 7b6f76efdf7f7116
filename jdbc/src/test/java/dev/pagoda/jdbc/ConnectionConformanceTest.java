package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteException;

/**
 * The Connection and driver methods, called the same way on a sqlite-jdbc connection and a Pagoda
 * connection (each to its own file), compared. Where Pagoda deliberately differs the test says so
 * and checks both sides: client info is kept (sqlite-jdbc drops it), the network timeout is
 * remembered (sqlite-jdbc always answers 0), and exceptions carry an SQLSTATE and the extended
 * result code (sqlite-jdbc: no SQLSTATE, the primary code).
 */
class ConnectionConformanceTest {
  @TempDir Path dir;

  private Connection sqlite;
  private Connection pagoda;

  /** A call made on both connections; its outcome is compared. */
  @FunctionalInterface
  interface Call {
    Object run(Connection c) throws Exception;
  }

  @BeforeEach
  void open() throws SQLException {
    sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sqlite.db"));
    pagoda = DriverManager.getConnection("jdbc:pagoda:" + dir.resolve("pagoda.db"));
    for (Connection c : both()) {
      exec(c, "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL UNIQUE, c CHECK (c > 0))");
    }
  }

  @AfterEach
  void close() throws SQLException {
    sqlite.close();
    pagoda.close();
  }

  private List<Connection> both() {
    return List.of(sqlite, pagoda);
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static List<Long> column(Connection c, String sql) throws SQLException {
    List<Long> values = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getLong(1));
      }
    }
    return values;
  }

  /** What {@code call} returns, or "threw" with the exception's JDBC class family. */
  private static Object outcome(Connection c, Call call) {
    try {
      return call.run(c);
    } catch (SQLFeatureNotSupportedException e) {
      return "threw SQLFeatureNotSupportedException";
    } catch (SQLException e) {
      return "threw SQLException";
    } catch (Exception e) {
      return "threw " + e.getClass().getSimpleName();
    }
  }

  private void assertBoth(String what, Call call) {
    assertEquals(outcome(sqlite, call), outcome(pagoda, call), what);
  }

  @Test
  void transactionIsolation_levelsAsSqliteJdbc() {
    assertBoth("default", Connection::getTransactionIsolation);
    for (int level :
        new int[] {
          Connection.TRANSACTION_READ_UNCOMMITTED,
          Connection.TRANSACTION_READ_COMMITTED,
          Connection.TRANSACTION_REPEATABLE_READ,
          Connection.TRANSACTION_SERIALIZABLE,
          Connection.TRANSACTION_NONE
        }) {
      assertBoth(
          "set " + level,
          c -> {
            c.setTransactionIsolation(level);
            return c.getTransactionIsolation();
          });
    }
  }

  @Test
  void readUncommitted_betweenTwoConnections_sameRowsSeen() throws SQLException {
    List<Long> seen = new ArrayList<>();
    for (Connection writer : both()) {
      try (Connection reader = DriverManager.getConnection(writer.getMetaData().getURL())) {
        reader.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
        writer.setAutoCommit(false);
        exec(writer, "INSERT INTO t VALUES (1, 'one', 1)");
        seen.addAll(column(reader, "SELECT count(*) FROM t"));
        writer.commit();
        seen.addAll(column(reader, "SELECT count(*) FROM t"));
        writer.setAutoCommit(true);
      }
    }
    assertEquals(seen.subList(0, 2), seen.subList(2, 4));
    assertEquals(List.of(0L, 1L), seen.subList(2, 4));
  }

  @Test
  void autoCommitTransitions_sameEffects() {
    assertBoth("default", Connection::getAutoCommit);
    assertBoth("commit in auto-commit", c -> {
      c.commit();
      return "ok";
    });
    assertBoth("rollback in auto-commit", c -> {
      c.rollback();
      return "ok";
    });
    assertBoth(
        "rollback, commit, and auto-commit on commits",
        c -> {
          c.setAutoCommit(false);
          c.setAutoCommit(false);
          exec(c, "INSERT INTO t VALUES (1, 'one', 1)");
          c.rollback();
          List<Long> afterRollback = column(c, "SELECT a FROM t");
          exec(c, "INSERT INTO t VALUES (2, 'two', 1)");
          c.commit();
          exec(c, "INSERT INTO t VALUES (3, 'three', 1)");
          c.setAutoCommit(true);
          c.setAutoCommit(true);
          return List.of(afterRollback, column(c, "SELECT a FROM t ORDER BY a"), c.getAutoCommit());
        });
  }

  /**
   * A deliberate difference: after the application's own BEGIN, sqlite-jdbc's setAutoCommit(false)
   * begins again at the next statement and fails with SQLite's "cannot start a transaction within a
   * transaction"; Pagoda takes the open transaction as the JDBC one.
   */
  @Test
  void autoCommitOff_afterAnExplicitBegin_joinsThatTransaction() throws SQLException {
    SQLException e = assertThrows(SQLException.class, () -> beginThenManual(sqlite));
    assertTrue(e.getMessage().contains("within a transaction"), e.getMessage());
    assertEquals(List.of(2L), beginThenManual(pagoda));
  }

  private static List<Long> beginThenManual(Connection c) throws SQLException {
    exec(c, "BEGIN");
    c.setAutoCommit(false);
    exec(c, "INSERT INTO t VALUES (1, 'one', 1)");
    c.rollback();
    exec(c, "INSERT INTO t VALUES (2, 'two', 1)");
    c.commit();
    c.setAutoCommit(true);
    return column(c, "SELECT a FROM t");
  }

  @Test
  void autoCommitOn_commitsWhatAnotherConnectionThenSees() throws SQLException {
    List<Object> seen = new ArrayList<>();
    for (Connection c : both()) {
      String url = c.getMetaData().getURL();
      c.setAutoCommit(false);
      exec(c, "INSERT INTO t VALUES (1, 'one', 1)");
      c.setAutoCommit(true);
      try (Connection other = DriverManager.getConnection(url)) {
        seen.add(column(other, "SELECT a FROM t"));
      }
    }
    assertEquals(seen.get(0), seen.get(1));
    assertEquals(List.of(1L), seen.get(1));
  }

  @Test
  void savepoints_rollbackAndReleaseEffects() {
    assertBoth(
        "nested savepoints",
        c -> {
          c.setAutoCommit(false);
          exec(c, "INSERT INTO t VALUES (1, 'one', 1)");
          Savepoint first = c.setSavepoint();
          exec(c, "INSERT INTO t VALUES (2, 'two', 1)");
          Savepoint named = c.setSavepoint("named");
          exec(c, "INSERT INTO t VALUES (3, 'three', 1)");
          c.rollback(named);
          List<Long> toNamed = column(c, "SELECT a FROM t ORDER BY a");
          c.rollback(first);
          List<Long> toFirst = column(c, "SELECT a FROM t ORDER BY a");
          exec(c, "INSERT INTO t VALUES (4, 'four', 1)");
          c.releaseSavepoint(first);
          c.commit();
          return List.of(toNamed, toFirst, column(c, "SELECT a FROM t ORDER BY a"),
              named.getSavepointName());
        });
  }

  @Test
  void savepointInAutoCommit_leavesAutoCommit() {
    assertBoth(
        "setSavepoint in auto-commit mode",
        c -> {
          Savepoint sp = c.setSavepoint("outer");
          boolean auto = c.getAutoCommit();
          exec(c, "INSERT INTO t VALUES (1, 'one', 1)");
          c.rollback(sp);
          c.commit();
          return List.of(auto, column(c, "SELECT count(*) FROM t"));
        });
    assertBoth("release and rollback to in auto-commit mode", c -> {
      c.setAutoCommit(true);
      c.setAutoCommit(false);
      Savepoint sp = c.setSavepoint("x");
      c.setAutoCommit(true);
      List<Object> answers = new ArrayList<>();
      answers.add(outcome(c, k -> {
        k.releaseSavepoint(sp);
        return "released";
      }));
      answers.add(outcome(c, k -> {
        k.rollback(sp);
        return "rolled back";
      }));
      return answers;
    });
  }

  /**
   * A deliberate difference: RELEASE of the savepoint that began the transaction commits it (both
   * drivers), after which sqlite-jdbc's setAutoCommit(true) fails with SQLite's "cannot commit - no
   * transaction is active"; Pagoda sees there is no transaction left to commit.
   */
  @Test
  void releasingTheSavepointThatOpenedTheTransaction_thenAutoCommitOn() throws SQLException {
    SQLException e =
        assertThrows(SQLException.class, () -> releaseOuterThenAutoCommit(sqlite));
    assertTrue(e.getMessage().contains("no transaction is active"), e.getMessage());
    assertEquals(List.of(1L), column(sqlite, "SELECT count(*) FROM t"));
    assertEquals(List.of(true, List.of(1L)), releaseOuterThenAutoCommit(pagoda));
  }

  private static Object releaseOuterThenAutoCommit(Connection c) throws SQLException {
    Savepoint sp = c.setSavepoint("outer");
    exec(c, "INSERT INTO t VALUES (1, 'one', 1)");
    c.releaseSavepoint(sp); // ends the transaction SAVEPOINT began, as in SQLite
    c.setAutoCommit(true);
    return List.of(c.getAutoCommit(), column(c, "SELECT count(*) FROM t"));
  }

  @Test
  void savepointRolledBackTo_staysUntilReleased() {
    assertBoth(
        "rollback to the same savepoint twice",
        c -> {
          c.setAutoCommit(false);
          Savepoint sp = c.setSavepoint("again");
          exec(c, "INSERT INTO t VALUES (1, 'one', 1)");
          c.rollback(sp);
          exec(c, "INSERT INTO t VALUES (2, 'two', 1)");
          c.rollback(sp);
          c.releaseSavepoint(sp);
          c.commit();
          return column(c, "SELECT count(*) FROM t");
        });
  }

  @Test
  void readOnly_readWriteConnection() throws SQLException {
    assertBoth("isReadOnly", Connection::isReadOnly);
    assertBoth("setReadOnly(false)", c -> {
      c.setReadOnly(false);
      return c.isReadOnly();
    });
    Object sqliteAnswer = outcome(sqlite, c -> {
      c.setReadOnly(true);
      return c.isReadOnly();
    });
    assertEquals("threw SQLException", sqliteAnswer);
    try {
      pagoda.setReadOnly(true);
      // an engine with PRAGMA query_only: the connection really refuses writes now
      assertTrue(pagoda.isReadOnly());
      SQLException e =
          assertThrows(SQLException.class, () -> exec(pagoda, "INSERT INTO t VALUES (1, 'x', 1)"));
      assertEquals(8, e.getErrorCode() & 0xff, e.getMessage());
    } catch (SQLException e) {
      assertFalse(pagoda.isReadOnly(), "a refused setReadOnly(true) changed nothing");
    }
  }

  @Test
  void readOnly_openModeReadOnly_sameAnswers() throws SQLException {
    Properties ro = new Properties();
    ro.setProperty("open_mode", "1"); // what sqlite-jdbc's SQLiteConfig.setReadOnly(true) sets
    try (Connection s = DriverManager.getConnection(sqlite.getMetaData().getURL(), ro);
        Connection p = DriverManager.getConnection(pagoda.getMetaData().getURL(), ro)) {
      assertTrue(s.isReadOnly());
      assertTrue(p.isReadOnly());
      SQLException se = assertThrows(SQLException.class, () -> exec(s, "DELETE FROM t"));
      SQLException pe = assertThrows(SQLException.class, () -> exec(p, "DELETE FROM t"));
      assertEquals(se.getErrorCode(), pe.getErrorCode() & 0xff);
      assertEquals(8, se.getErrorCode());
      assertEquals(outcome(s, c -> {
        c.setReadOnly(false);
        return "ok";
      }), outcome(p, c -> {
        c.setReadOnly(false);
        return "ok";
      }));
    }
  }

  @Test
  void isValidAndClose_sameAnswers() {
    assertBoth("isValid(0)", c -> c.isValid(0));
    assertBoth("isValid(5)", c -> c.isValid(5));
    assertBoth("close twice, then isValid and isClosed", c -> {
      c.close();
      c.close();
      return List.of(c.isValid(1), c.isClosed());
    });
    assertBoth("getAutoCommit when closed", Connection::getAutoCommit);
    assertBoth("getMetaData when closed", c -> c.getMetaData() != null);
    assertBoth("getHoldability when closed", Connection::getHoldability);
  }

  @Test
  void schemaCatalogNativeSql_sameAnswers() {
    assertBoth("getSchema", Connection::getSchema);
    assertBoth("setSchema then getSchema", c -> {
      c.setSchema("main");
      return String.valueOf(c.getSchema());
    });
    assertBoth("getCatalog", Connection::getCatalog);
    assertBoth("setCatalog then getCatalog", c -> {
      c.setCatalog("main");
      return String.valueOf(c.getCatalog());
    });
    assertBoth("nativeSQL", c -> c.nativeSQL("SELECT {fn ucase('a')} FROM t WHERE a = ?"));
  }

  @Test
  void typeMapHoldabilityWarningsFactories_sameAnswers() {
    assertBoth("getTypeMap", Connection::getTypeMap);
    assertBoth("setTypeMap then getTypeMap", c -> {
      c.setTypeMap(Map.of("POINT", String.class));
      return c.getTypeMap();
    });
    assertBoth("getHoldability", Connection::getHoldability);
    assertBoth("hold cursors over commit", c -> {
      c.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
      return c.getHoldability();
    });
    assertBoth("close cursors at commit", c -> {
      c.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
      return c.getHoldability();
    });
    assertBoth("getWarnings", Connection::getWarnings);
    assertBoth("clearWarnings", c -> {
      c.clearWarnings();
      return String.valueOf(c.getWarnings());
    });
    assertBoth("createBlob", Connection::createBlob);
    assertBoth("createClob", Connection::createClob);
    assertBoth("createNClob", Connection::createNClob);
    assertBoth("createSQLXML", Connection::createSQLXML);
    assertBoth("createStruct", c -> c.createStruct("POINT", new Object[0]));
  }

  @Test
  void clientInfo_acceptedByBoth_keptOnlyByPagoda() throws SQLException {
    for (Connection c : both()) {
      c.setClientInfo("ApplicationName", "conformance");
    }
    assertNull(sqlite.getClientInfo("ApplicationName"), "sqlite-jdbc drops client info");
    assertEquals("conformance", pagoda.getClientInfo("ApplicationName"));
    pagoda.setClientInfo("ApplicationName", null);
    assertNull(pagoda.getClientInfo("ApplicationName"));
    assertNotNull(pagoda.getClientInfo());
  }

  @Test
  void networkTimeout_zeroByDefault_pagodaRemembersIt() throws SQLException {
    assertBoth("getNetworkTimeout", Connection::getNetworkTimeout);
    for (Connection c : both()) {
      c.setNetworkTimeout(Runnable::run, 2500);
    }
    assertEquals(0, sqlite.getNetworkTimeout(), "sqlite-jdbc ignores it");
    assertEquals(2500, pagoda.getNetworkTimeout());
  }

  @Test
  void failingStatements_sameResultCodesAndMessages() throws SQLException {
    for (Connection c : both()) {
      exec(c, "INSERT INTO t VALUES (1, 'x', 1)");
    }
    String[] failing = {
      "INSERT INTO t VALUES (1, 'y', 1)",
      "INSERT INTO t VALUES (2, 'x', 1)",
      "INSERT INTO t VALUES (3, NULL, 1)",
      "INSERT INTO t VALUES (4, 'z', 0)",
      "INSERT INTO t VALUES ('a', 'q', 1)",
      "SELEC 1",
      "SELECT * FROM nope",
      "SELECT nope FROM t",
      "CREATE TABLE t(x)",
      "COMMIT",
      "ROLLBACK TO nope"
    };
    for (String sql : failing) {
      SQLiteException s = assertThrows(SQLiteException.class, () -> exec(sqlite, sql), sql);
      SQLException p = assertThrows(SQLException.class, () -> exec(pagoda, sql), sql);
      assertEquals(s.getResultCode().code, p.getErrorCode(), sql + ": extended result code");
      assertEquals(s.getErrorCode(), p.getErrorCode() & 0xff, sql + ": primary result code");
      assertTrue(s.getMessage().endsWith("(" + p.getMessage() + ")"),
          sql + ": " + s.getMessage() + " vs " + p.getMessage());
      assertEquals(5, p.getSQLState().length(), sql);
    }
  }

  @Test
  void busy_sameResultCode_transientOnPagoda() throws SQLException {
    List<Integer> codes = new ArrayList<>();
    for (Connection c : both()) {
      String url = c.getMetaData().getURL();
      exec(c, "BEGIN IMMEDIATE");
      Properties noWait = new Properties();
      noWait.setProperty("busy_timeout", "0");
      try (Connection other = DriverManager.getConnection(url, noWait)) {
        SQLException e =
            assertThrows(SQLException.class, () -> exec(other, "INSERT INTO t VALUES (9, 'b', 1)"));
        codes.add(e.getErrorCode() & 0xff);
        if (c == pagoda) {
          assertInstanceOf(java.sql.SQLTransientException.class, e);
          assertEquals("40001", e.getSQLState());
        }
      }
      exec(c, "ROLLBACK");
    }
    assertEquals(codes.get(0), codes.get(1));
    assertEquals(5, codes.get(1));
  }
}
