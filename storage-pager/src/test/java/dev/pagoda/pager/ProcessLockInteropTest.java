package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.testing.SqliteChild;
import dev.pagoda.pager.ProcessLock.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProcessLock} against real SQLite in another process: POSIX locks never conflict within
 * one process, so a child JVM ({@link SqliteLockChild}, one sqlite-jdbc connection with
 * busy_timeout 0) holds SQLite's locks while this JVM takes Pagoda's on the same file, in both
 * directions. Rollback-journal (DELETE) mode throughout; the WAL side is {@link
 * WalProcessLockInteropTest}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProcessLockInteropTest {
  private static final String BUSY = "SQLITE_BUSY";
  private static final String COUNT = "query SELECT count(*) FROM t";
  private static final String INSERT = "exec INSERT INTO t VALUES (2)";

  @TempDir static Path childDir;
  private static SqliteChild child;

  @TempDir Path dir;
  private Path db;

  @BeforeAll
  static void startChild() throws Exception {
    child = SqliteChild.start(childDir.resolve("child-stderr.txt"));
  }

  @AfterAll
  static void stopChild() throws Exception {
    if (child != null) {
      child.close();
    }
  }

  /** A rollback-journal database with one row, the child's connection open on it and idle. */
  @BeforeEach
  void createDatabase() throws Exception {
    db = dir.resolve("t.db");
    child.ok("open " + db);
    assertEquals("delete", child.ok("query PRAGMA journal_mode"));
    child.ok("exec CREATE TABLE t(x)");
    child.ok("exec INSERT INTO t VALUES (1)");
  }

  @Test
  void sqliteReservedAllowsSharedButNotReserved() throws Exception {
    try (DiskFile f = DiskFile.open(db, false)) {
      ProcessLock l = f.processLock();
      child.ok("exec BEGIN IMMEDIATE");
      assertTrue(l.tryLock(Level.SHARED), "SHARED beside SQLite's RESERVED");
      assertFalse(l.tryLock(Level.RESERVED), "RESERVED is SQLite's");
      assertEquals(Level.SHARED, l.level());
      StorageException e = assertThrows(StorageException.class, () -> l.lock(Level.RESERVED));
      assertEquals(StorageException.Kind.BUSY, e.kind());
      assertTrue(e.getMessage().startsWith("database is locked by another process"));
      // EXCLUSIVE straight from SHARED: PENDING is free, the shared range is not (SQLite reads)
      assertFalse(l.tryLock(Level.EXCLUSIVE));
      assertEquals("SHARED [r 1073741826+509, r 1073742335+1]", l.describe(),
          "refused EXCLUSIVE from SHARED gives its PENDING back");
      child.ok("exec ROLLBACK");
      assertTrue(l.tryLock(Level.RESERVED), "free once SQLite's transaction ended");
      l.unlock(Level.NONE);
    }
  }

  @Test
  void sqliteExclusiveKeepsPagodaOut() throws Exception {
    try (DiskFile f = DiskFile.open(db, false)) {
      ProcessLock l = f.processLock();
      child.ok("exec BEGIN EXCLUSIVE");
      assertFalse(l.tryLock(Level.SHARED));
      assertEquals("NONE []", l.describe());
      StorageException e = assertThrows(StorageException.class, () -> l.lock(Level.SHARED));
      assertEquals(StorageException.Kind.BUSY, e.kind());
      child.ok("exec COMMIT");
      assertTrue(l.tryLock(Level.SHARED));
    }
  }

  @Test
  void pagodaSharedLetsSqliteReadButNotCommit() throws Exception {
    try (DiskFile f = DiskFile.open(db, false)) {
      ProcessLock l = f.processLock();
      l.lock(Level.SHARED);
      assertEquals("1", child.ok(COUNT), "readers share");
      assertEquals(BUSY, child.error(INSERT), "an autocommit write needs EXCLUSIVE");
      child.ok("exec BEGIN IMMEDIATE"); // RESERVED goes beside SHARED
      child.ok(INSERT); // in SQLite's cache only
      assertEquals(BUSY, child.error("exec COMMIT"));
      // SQLite keeps PENDING after its refused COMMIT (the transaction stays open): a new
      // SHARED lock is refused even once Pagoda let go
      l.unlock(Level.NONE);
      assertFalse(l.tryLock(Level.SHARED), "SQLite holds PENDING");
      child.ok("exec COMMIT"); // retried: now it gets EXCLUSIVE
      assertTrue(l.tryLock(Level.SHARED));
      assertEquals("2", child.ok(COUNT));
      l.unlock(Level.NONE);
      child.ok(INSERT);
      assertEquals("3", child.ok(COUNT));
    }
  }

  @Test
  void pagodaReservedLetsSqliteReadButNotReserve() throws Exception {
    try (DiskFile f = DiskFile.open(db, false)) {
      ProcessLock l = f.processLock();
      l.lock(Level.SHARED);
      l.lock(Level.RESERVED);
      assertEquals(BUSY, child.error("exec BEGIN IMMEDIATE"));
      assertEquals("1", child.ok(COUNT));
      l.unlock(Level.SHARED);
      child.ok("exec BEGIN IMMEDIATE");
      child.ok("exec ROLLBACK");
    }
  }

  @Test
  void pagodaPendingKeepsNewSqliteReadersOut() throws Exception {
    try (DiskFile f = DiskFile.open(db, false)) {
      ProcessLock l = f.processLock();
      child.ok("exec BEGIN");
      assertEquals("1", child.ok(COUNT)); // the child now holds SHARED until COMMIT
      l.lock(Level.SHARED);
      l.lock(Level.RESERVED);
      assertFalse(l.tryLock(Level.EXCLUSIVE), "a SQLite reader is still there");
      assertEquals(Level.PENDING, l.level(), "PENDING stays, as in SQLite");
      assertEquals(
          "PENDING [r 1073741826+509, r 1073742335+1, w 1073741824+1, w 1073741825+1]",
          l.describe());
      child.ok("exec COMMIT"); // the old reader finishes
      assertEquals(BUSY, child.error(COUNT), "no new reader while PENDING");
      assertTrue(l.tryLock(Level.EXCLUSIVE), "the retry only needs the shared range");
      assertEquals(BUSY, child.error(COUNT));
      l.unlock(Level.SHARED);
      assertEquals("1", child.ok(COUNT));
      assertEquals(BUSY, child.error(INSERT));
      l.unlock(Level.NONE);
      child.ok(INSERT);
    }
  }

  @Test
  void pagodaGivingUpPendingLetsSqliteReadAgain() throws Exception {
    try (DiskFile f = DiskFile.open(db, false)) {
      ProcessLock l = f.processLock();
      child.ok("exec BEGIN");
      child.ok(COUNT);
      l.lock(Level.SHARED);
      l.lock(Level.RESERVED);
      assertFalse(l.tryLock(Level.EXCLUSIVE));
      l.unlock(Level.RESERVED);
      assertEquals(Level.RESERVED, l.level());
      child.ok("exec COMMIT");
      assertEquals("1", child.ok(COUNT), "PENDING was given back");
      assertEquals(BUSY, child.error("exec BEGIN IMMEDIATE"), "RESERVED is still held");
    }
  }

  @Test
  void pagodaExclusiveKeepsSqliteReadersOut() throws Exception {
    try (DiskFile f = DiskFile.open(db, false)) {
      ProcessLock l = f.processLock();
      l.lock(Level.SHARED);
      l.lock(Level.EXCLUSIVE); // straight from SHARED (the hot-journal path)
      assertEquals(BUSY, child.error(COUNT));
      l.unlock(Level.NONE);
      assertEquals("1", child.ok(COUNT));

      l.lock(Level.SHARED);
      l.lock(Level.RESERVED);
      l.lock(Level.EXCLUSIVE);
      assertEquals(BUSY, child.error(COUNT));
      assertEquals(BUSY, child.error("exec BEGIN IMMEDIATE"));
      l.unlock(Level.NONE);
      child.ok(INSERT);
    }
  }

  @Test
  void downgradeFromExclusiveToSharedLetsSqliteReadOnly() throws Exception {
    try (DiskFile f = DiskFile.open(db, false)) {
      ProcessLock l = f.processLock();
      l.lock(Level.SHARED);
      l.lock(Level.RESERVED);
      l.lock(Level.EXCLUSIVE);
      assertEquals(BUSY, child.error(COUNT));
      l.unlock(Level.SHARED);
      assertEquals("1", child.ok(COUNT));
      assertEquals(BUSY, child.error(INSERT));
      child.ok("exec BEGIN IMMEDIATE"); // RESERVED was given back too
      child.ok("exec ROLLBACK");
      l.unlock(Level.NONE);
      child.ok(INSERT);
    }
  }

  @Test
  void downgradeFromExclusiveToReservedKeepsSqliteWriterOut() throws Exception {
    try (DiskFile f = DiskFile.open(db, false)) {
      ProcessLock l = f.processLock();
      l.lock(Level.SHARED);
      l.lock(Level.RESERVED);
      l.lock(Level.EXCLUSIVE);
      l.unlock(Level.RESERVED);
      assertEquals("1", child.ok(COUNT));
      assertEquals(BUSY, child.error("exec BEGIN IMMEDIATE"));
    }
    child.ok("exec BEGIN IMMEDIATE"); // closing the file released everything
    child.ok("exec ROLLBACK");
  }

  @Test
  void closingTheFileReleasesTheLocks() throws Exception {
    DiskFile f = DiskFile.open(db, false);
    f.processLock().lock(Level.SHARED);
    f.processLock().lock(Level.EXCLUSIVE);
    assertEquals(BUSY, child.error(COUNT));
    f.close();
    assertEquals("1", child.ok(COUNT));
  }

  @Test
  void readOnlyFileSharedLockKeepsSqliteWriterOut() throws Exception {
    try (DiskFile f = DiskFile.open(db, true)) {
      ProcessLock l = f.processLock();
      l.lock(Level.SHARED);
      assertEquals("1", child.ok(COUNT));
      assertEquals(BUSY, child.error(INSERT));
      l.unlock(Level.NONE);
      child.ok(INSERT);
    }
  }

  /**
   * The POSIX hazard the javadoc warns of, observed: closing another descriptor of the file in this
   * process drops this process's locks, while the JVM still believes it holds them.
   */
  @Test
  void closingAnotherChannelOnTheFileDropsTheLocks() throws Exception {
    try (DiskFile f = DiskFile.open(db, false)) {
      ProcessLock l = f.processLock();
      l.lock(Level.SHARED);
      l.lock(Level.EXCLUSIVE);
      assertEquals(BUSY, child.error(COUNT));
      FileChannel.open(db, StandardOpenOption.READ).close();
      assertEquals("1", child.ok(COUNT), "the close released Pagoda's POSIX locks");
      assertEquals(Level.EXCLUSIVE, l.level(), "which the JVM does not know");
      l.unlock(Level.NONE);
    }
  }
}
