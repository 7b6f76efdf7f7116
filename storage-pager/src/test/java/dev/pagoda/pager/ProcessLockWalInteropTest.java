package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.testing.SqliteChild;
import dev.pagoda.pager.ProcessLock.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WalProcessLock} against real SQLite in another process ({@link SqliteLockChild}): the DMS
 * byte of the -shm file tells whether a SQLite connection has the WAL open, and holding it keeps
 * SQLite out of the WAL. What SQLite does is recorded in the assertions.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProcessLockWalInteropTest {
  private static final String COUNT = "query SELECT count(*) FROM t";

  @TempDir static Path childDir;
  private static SqliteChild child;

  @TempDir Path dir;
  private Path db;
  private Path shm;
  private Path wal;

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

  /** A WAL database with one row, open in the child, which has read it (so it maps the -shm). */
  @BeforeEach
  void createWalDatabase() throws Exception {
    db = dir.resolve("w.db");
    shm = dir.resolve("w.db-shm");
    wal = dir.resolve("w.db-wal");
    child.ok("open " + db);
    assertEquals("wal", child.ok("query PRAGMA journal_mode=WAL"));
    child.ok("exec CREATE TABLE t(x)");
    child.ok("exec INSERT INTO t VALUES (1)");
    assertEquals("1", child.ok(COUNT));
    assertTrue(Files.exists(shm));
    assertTrue(Files.exists(wal));
  }

  @Test
  void sqliteWithTheWalOpenHoldsTheDmsByte() throws Exception {
    try (WalProcessLock l = WalProcessLock.open(db)) {
      assertFalse(l.tryLockExclusive(), "the child has the WAL open");
      assertFalse(l.isHeld());
      StorageException e = assertThrows(StorageException.class, l::lockExclusive);
      assertEquals(StorageException.Kind.BUSY, e.kind());
      // still refused while the child is idle between statements: SQLite keeps the read lock on
      // the DMS byte for as long as the connection has the WAL open
      child.ok("exec INSERT INTO t VALUES (2)");
      assertFalse(l.tryLockExclusive());
      child.ok("close");
      // the last connection's close checkpointed the WAL and deleted -wal and -shm, although
      // this process has the -shm open: tryLockExclusive notices and opens a new one
      assertFalse(Files.exists(wal), "SQLite deleted the WAL at close");
      assertFalse(Files.exists(shm), "SQLite deleted the -shm at close, under our open channel");
      assertTrue(l.tryLockExclusive(), "no one has the WAL open now");
      assertTrue(l.isHeld());
      assertTrue(Files.exists(shm), "re-created");
    }
  }

  /**
   * SQLite takes a busy DMS byte for another process's WAL recovery in progress: its xShmMap
   * returns SQLITE_BUSY, which walTryBeginRead turns into a retry, about 100 times with growing
   * sleeps (about 10 s, whatever busy_timeout says), then it fails with SQLITE_PROTOCOL. The one
   * slow test here: that outcome takes SQLite's whole retry loop.
   */
  @Test
  void pagodaHoldingTheDmsByteMakesSqliteRetryThenFailWithProtocol() throws Exception {
    child.ok("close"); // deletes -wal and -shm (see above); the file stays in WAL mode
    try (WalProcessLock l = WalProcessLock.open(db)) {
      assertTrue(l.tryLockExclusive());
      child.ok("open " + db); // opening reads nothing yet
      long start = System.nanoTime();
      assertEquals("SQLITE_PROTOCOL", child.error(COUNT), "not SQLITE_BUSY");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis > 3000, "SQLite retried for " + millis + " ms before giving up");
      assertTrue(l.isHeld());
      l.unlock();
      assertEquals("1", child.ok(COUNT), "SQLite gets in once the byte is free");
      assertFalse(l.tryLockExclusive(), "and now holds it");
    }
  }

  /** While SQLite retries, releasing the byte lets it in: it waits on Pagoda, then proceeds. */
  @Test
  void sqliteWaitingForTheDmsByteGetsInWhenPagodaUnlocks() throws Exception {
    child.ok("close");
    try (WalProcessLock l = WalProcessLock.open(db)) {
      assertTrue(l.tryLockExclusive());
      child.ok("open " + db);
      child.submit("exec INSERT INTO t VALUES (3)");
      Thread.sleep(700);
      assertFalse(child.answered(), "SQLite is still retrying");
      l.unlock();
      assertEquals("ok", child.answer());
      assertEquals("2", child.ok(COUNT));
      assertFalse(l.tryLockExclusive());
    }
  }

  @Test
  void closingTheWalLockLetsWaitingSqliteIn() throws Exception {
    child.ok("close");
    WalProcessLock l = WalProcessLock.open(db);
    assertTrue(l.tryLockExclusive());
    child.ok("open " + db);
    child.submit(COUNT);
    Thread.sleep(700);
    assertFalse(child.answered(), "SQLite is still retrying");
    l.close();
    l.close();
    assertEquals("ok 1", child.answer());
    StorageException e = assertThrows(StorageException.class, l::tryLockExclusive);
    assertEquals(StorageException.Kind.MISUSE, e.kind());
  }

  /**
   * What the database file's own locks look like in WAL mode: SQLite holds SHARED on the database
   * while the WAL connection is open, so Pagoda can share but not take EXCLUSIVE; and a SHARED lock
   * held by Pagoda stops the closing SQLite connection from checkpointing and deleting the WAL.
   */
  @Test
  void sqliteInWalModeHoldsSharedOnTheDatabaseFile() throws Exception {
    try (DiskFile f = DiskFile.open(db, false)) {
      ProcessLock l = f.processLock();
      assertTrue(l.tryLock(Level.SHARED));
      assertTrue(l.tryLock(Level.RESERVED), "WAL writers do not use RESERVED on the file");
      assertFalse(l.tryLock(Level.EXCLUSIVE), "the WAL connection's SHARED lock is in the way");
      l.unlock(Level.SHARED);
      child.ok("close");
      assertTrue(Files.exists(wal), "not checkpointed and deleted: Pagoda holds SHARED");
      assertTrue(Files.exists(shm));
      l.unlock(Level.NONE);
    }
  }
}
