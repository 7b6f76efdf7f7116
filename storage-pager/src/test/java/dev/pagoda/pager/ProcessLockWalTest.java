package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link WalProcessLock} within one process; against SQLite: {@link ProcessLockWalInteropTest}. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProcessLockWalTest {
  @TempDir Path dir;

  @Test
  void constantsAreSqlitesUnixShmLockBytes() {
    assertEquals(8, WalProcessLock.SHM_NLOCK);
    assertEquals(120, WalProcessLock.UNIX_SHM_BASE);
    assertEquals(128, WalProcessLock.UNIX_SHM_DMS);
    assertEquals(dir.resolve("x.db-shm"), WalProcessLock.shmPath(dir.resolve("x.db")));
  }

  @Test
  void createsTheShmFileAndTakesTheByte() throws Exception {
    Path db = dir.resolve("x.db");
    try (WalProcessLock l = WalProcessLock.open(db)) {
      assertEquals(dir.resolve("x.db-shm"), l.path());
      assertTrue(Files.exists(l.path()));
      assertEquals(0, Files.size(l.path()), "created empty, never written");
      assertFalse(l.isHeld());
      assertTrue(l.tryLockExclusive());
      assertTrue(l.tryLockExclusive(), "held already");
      l.lockExclusive();
      assertTrue(l.isHeld());
      l.unlock();
      assertFalse(l.isHeld());
      l.unlock();
      assertTrue(l.tryLockExclusive());
    }
    assertTrue(Files.exists(dir.resolve("x.db-shm")), "left in place");
  }

  @Test
  void aSecondLockInTheJvmIsMisuse() {
    Path db = dir.resolve("x.db");
    try (WalProcessLock a = WalProcessLock.open(db); WalProcessLock b = WalProcessLock.open(db)) {
      assertTrue(a.tryLockExclusive());
      StorageException e = assertThrows(StorageException.class, b::tryLockExclusive);
      assertEquals(StorageException.Kind.MISUSE, e.kind());
      assertFalse(b.isHeld());
    }
  }

  @Test
  void aShmFileReplacedUnderTheLockIsReopened() throws Exception {
    Path db = dir.resolve("x.db");
    try (WalProcessLock l = WalProcessLock.open(db)) {
      Files.delete(l.path()); // as the last SQLite connection to close does
      assertTrue(l.tryLockExclusive());
      assertTrue(Files.exists(l.path()), "re-created");
      Object key =
          Files.readAttributes(l.path(), java.nio.file.attribute.BasicFileAttributes.class)
              .fileKey();
      // the lock is on the file now at the path: a second channel in this JVM collides with it
      try (WalProcessLock other = WalProcessLock.open(db)) {
        StorageException e = assertThrows(StorageException.class, other::tryLockExclusive);
        assertEquals(StorageException.Kind.MISUSE, e.kind());
      }
      assertEquals(
          key,
          Files.readAttributes(l.path(), java.nio.file.attribute.BasicFileAttributes.class)
              .fileKey());
    }
  }

  @Test
  void openFailsWithCantOpenWhenTheDirectoryIsMissing() {
    StorageException e =
        assertThrows(
            StorageException.class, () -> WalProcessLock.open(dir.resolve("no/such/x.db")));
    assertEquals(StorageException.Kind.CANTOPEN, e.kind());
  }
}
