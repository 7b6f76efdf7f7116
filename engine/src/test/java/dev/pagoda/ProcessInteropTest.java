package dev.pagoda;

import static dev.pagoda.Sql.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.testing.SqliteChild;
import dev.pagoda.spi.ResultCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pagoda and a sqlite3 process (sqlite-jdbc in a child JVM) on one database file: in rollback mode
 * they take turns by SQLite's POSIX locks; in WAL mode, whose index Pagoda keeps in its own
 * memory, each refuses the file while the other has it (BUSY), rather than risk it.
 */
@Timeout(120)
class ProcessInteropTest {
  @TempDir static Path dir;
  private static SqliteChild child;

  @BeforeAll
  static void start() throws Exception {
    child = SqliteChild.start(dir.resolve("child.err"));
  }

  @AfterAll
  static void stop() {
    if (child != null) {
      child.close();
    }
  }


  private static Database.Options rollback() {
    return Database.Options.defaults().withJournalMode("delete");
  }

  @Test
  void rollbackMode_aSqliteWriter_letsPagodaRead_butNotWrite() throws Exception {
    Path file = dir.resolve("r1.db");
    try (Database db = Database.open(file, rollback()); Connection c = db.connect()) {
      c.execute("CREATE TABLE t(x)");
      c.execute("INSERT INTO t VALUES (1)");
      c.setBusyTimeout(100);
      child.ok("open " + file);
      child.ok("exec BEGIN IMMEDIATE");
      child.ok("exec INSERT INTO t VALUES (2)");
      assertEquals(List.of("1"), column(c, "SELECT x FROM t"), "the last committed state");
      PagodaException busy = assertThrows(PagodaException.class,
          () -> c.execute("INSERT INTO t VALUES (3)"));
      assertEquals(ResultCode.BUSY, busy.code());
      child.ok("exec COMMIT");
      assertEquals(List.of("1", "2"), column(c, "SELECT x FROM t"),
          "the other process's commit is seen (the change counter moved)");
      c.execute("INSERT INTO t VALUES (3)");
      assertEquals("3", child.ok("query SELECT count(*) FROM t"));
      assertEquals("ok", child.ok("query PRAGMA integrity_check"));
    } finally {
      child.ok("close");
    }
  }

  @Test
  void rollbackMode_aPagodaReader_keepsSqlitesCommitOut_untilItEnds() throws Exception {
    Path file = dir.resolve("r2.db");
    try (Database db = Database.open(file, rollback()); Connection c = db.connect()) {
      c.execute("CREATE TABLE t(x)");
      child.ok("open " + file);
      c.execute("BEGIN");
      assertEquals(List.of(), column(c, "SELECT x FROM t")); // holds SHARED
      assertEquals("SQLITE_BUSY", child.error("exec INSERT INTO t VALUES (1)"));
      assertEquals("0", child.ok("query SELECT count(*) FROM t"), "sqlite still reads");
      c.execute("COMMIT");
      child.ok("exec INSERT INTO t VALUES (1)");
      assertEquals(List.of("1"), column(c, "SELECT x FROM t"));
    } finally {
      child.ok("close");
    }
  }

  @Test
  void rollbackMode_aPagodaWriter_keepsSqliteWritersOut_andCommitsWhenSqliteIsDone()
      throws Exception {
    Path file = dir.resolve("r3.db");
    try (Database db = Database.open(file, rollback()); Connection c = db.connect()) {
      c.execute("CREATE TABLE t(x)");
      child.ok("open " + file);
      c.execute("BEGIN IMMEDIATE");
      c.execute("INSERT INTO t VALUES (1)");
      assertEquals("SQLITE_BUSY", child.error("exec BEGIN IMMEDIATE"));
      child.ok("exec BEGIN");
      assertEquals("0", child.ok("query SELECT count(*) FROM t")); // sqlite holds SHARED now
      c.setBusyTimeout(50);
      PagodaException busy = assertThrows(PagodaException.class, () -> c.execute("COMMIT"));
      assertEquals(ResultCode.BUSY, busy.code());
      child.ok("exec COMMIT");
      c.execute("COMMIT");
      assertEquals("1", child.ok("query SELECT count(*) FROM t"));
    } finally {
      child.ok("close");
    }
  }

  @Test
  void walMode_eachRefusesTheFileWhileTheOtherHasIt() throws Exception {
    Path file = dir.resolve("w.db");
    try (Database db = Database.open(file); Connection c = db.connect()) {
      c.execute("CREATE TABLE t(x)");
      c.execute("INSERT INTO t VALUES (1)");
      child.ok("open " + file);
      assertEquals("SQLITE_BUSY", child.error("query SELECT count(*) FROM t"),
          "Pagoda holds the file in WAL mode: sqlite is refused at once");
    } finally {
      child.ok("close");
    }
    child.ok("open " + file);
    assertEquals("1", child.ok("query SELECT count(*) FROM t"), "sqlite has the WAL open now");
    PagodaException busy = assertThrows(PagodaException.class, () -> Database.open(file));
    assertEquals(ResultCode.BUSY, busy.code());
    assertTrue(busy.getMessage().contains("locked"), busy::getMessage);
    child.ok("close");
    try (Database db = Database.open(file); Connection c = db.connect()) {
      assertEquals(List.of("1"), column(c, "SELECT x FROM t"));
    }
  }
}
