package dev.pagoda.pager.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import dev.pagoda.pager.StorageException;
import dev.pagoda.pager.testing.FaultyFile.Op;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FaultyFileTest {
  private static byte[] bytes(int n, int value) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) value);
    return b;
  }

  private static byte[] contents(DbFile f) {
    byte[] b = new byte[(int) f.size()];
    f.read(0, b, 0, b.length);
    return b;
  }

  private static StorageException.Kind failure(Runnable r) {
    return assertThrows(StorageException.class, r::run).kind();
  }

  @Test
  void failAt_once_failsOnlyThatCall_andChangesNothing() {
    MemoryFile inner = new MemoryFile();
    FaultyFile f = new FaultyFile(inner).failAt(2, false);
    f.write(0, bytes(10, 1), 0, 10);
    assertEquals(StorageException.Kind.IOERR, failure(() -> f.write(0, bytes(10, 2), 0, 10)));
    assertArrayEquals(bytes(10, 1), contents(inner));
    f.write(0, bytes(10, 3), 0, 10);
    assertArrayEquals(bytes(10, 3), contents(inner));
    assertEquals(3, f.ioCount());
  }

  @Test
  void failAt_persistent_failsEveryLaterCall_untilCleared() {
    FaultyFile f = new FaultyFile(new MemoryFile()).failAt(1, true);
    byte[] buf = new byte[4];
    assertEquals(StorageException.Kind.IOERR, failure(() -> f.read(0, buf, 0, 4)));
    assertEquals(StorageException.Kind.IOERR, failure(f::sync));
    assertEquals(StorageException.Kind.IOERR, failure(() -> f.write(0, buf, 0, 4)));
    f.clearFaults();
    f.write(0, buf, 0, 4);
    assertEquals(4, f.size());
  }

  @Test
  void failAt_ofOneKind_countsOnlyThatKind() {
    FaultyFile f = new FaultyFile(new MemoryFile()).failAt(Op.SYNC, 2, false);
    byte[] buf = new byte[4];
    f.write(0, buf, 0, 4);
    f.sync();
    f.read(0, buf, 0, 4);
    f.write(4, buf, 0, 4);
    assertEquals(StorageException.Kind.IOERR, failure(f::sync));
    f.sync();
    assertEquals(3, f.ioCount(Op.SYNC));
    assertEquals(2, f.syncCount());
  }

  @Test
  void diskFull_writePastTheLimit_failsWithFull_andWritesNothing() {
    MemoryFile inner = new MemoryFile();
    FaultyFile f = new FaultyFile(inner).diskFullAt(16);
    f.write(0, bytes(16, 1), 0, 16);
    assertEquals(StorageException.Kind.FULL, failure(() -> f.write(8, bytes(16, 2), 0, 16)));
    assertArrayEquals(bytes(16, 1), contents(inner));
    f.write(8, bytes(8, 3), 0, 8);
    f.diskFullAt(Long.MAX_VALUE);
    f.write(16, bytes(16, 4), 0, 16);
    assertEquals(32, f.size());
  }

  @Test
  void crash_dropsUnsyncedWritesAndTruncates_keepsSyncedOnes() {
    MemoryFile inner = new MemoryFile();
    FaultyFile f = new FaultyFile(inner);
    f.write(0, bytes(100, 1), 0, 100);
    f.sync();
    f.write(50, bytes(100, 2), 0, 100); // overwrites and grows
    f.truncate(20);
    f.write(200, bytes(10, 3), 0, 10); // leaves a hole
    assertEquals(3, f.unsyncedCount());
    f.crash();
    assertArrayEquals(bytes(100, 1), contents(inner));
    assertEquals(StorageException.Kind.IOERR, failure(() -> f.read(0, new byte[1], 0, 1)));
  }

  @Test
  void crash_withTear_keepsAPrefixOfTheLastWrite() {
    MemoryFile inner = new MemoryFile();
    FaultyFile f = new FaultyFile(inner);
    f.write(0, bytes(64, 1), 0, 64);
    f.sync();
    f.write(0, bytes(16, 5), 0, 16);
    f.write(32, bytes(32, 2), 0, 32);
    f.crash(8);
    byte[] expected = bytes(64, 1);
    Arrays.fill(expected, 32, 40, (byte) 2);
    assertArrayEquals(expected, contents(inner));
    assertThrows(IllegalArgumentException.class, () -> new FaultyFile(new MemoryFile()).crash(1));
  }

  @Test
  void failSyncs_leavesWritesUnsynced_soACrashDropsThem() {
    MemoryFile inner = new MemoryFile();
    FaultyFile f = new FaultyFile(inner);
    f.write(0, bytes(8, 1), 0, 8);
    f.sync();
    f.failSyncs(true);
    f.write(0, bytes(8, 2), 0, 8);
    assertEquals(StorageException.Kind.IOERR, failure(f::sync));
    f.crash();
    assertArrayEquals(bytes(8, 1), contents(inner));
  }

  @Test
  void close_leavesTheWrappedFileOpen_andRefusesLaterCalls() {
    MemoryFile inner = new MemoryFile();
    FaultyFile f = new FaultyFile(inner);
    f.write(0, bytes(4, 1), 0, 4);
    f.close();
    assertEquals(StorageException.Kind.MISUSE, failure(f::sync));
    assertEquals(4, inner.size());
  }

  @Test
  void pagerCommit_failingOnAWrite_leavesTheTransactionOpen_forRollback() {
    MemoryFile inner = new MemoryFile();
    FaultyFile f = new FaultyFile(inner);
    try (Pager p = Pager.open(f, new PagerOptions(512, false))) {
      p.beginWrite();
      p.allocatePage();
      p.setUserVersion(1);
      p.commit();
      p.beginWrite();
      p.allocatePage();
      p.allocatePage();
      p.setUserVersion(2);
      f.failAt(Op.WRITE, 2, false);
      assertEquals(StorageException.Kind.IOERR, failure(p::commit));
      assertTrue(p.inWriteTransaction());
      p.rollback();
      assertEquals(2, p.pageCount());
      assertEquals(1, p.userVersion());
    }
  }

  @Test
  void crash_afterSyncedCommit_keepsIt_crashBeforeSync_losesOnlyTheUnsyncedOne() {
    MemoryFile inner = new MemoryFile();
    FaultyFile f = new FaultyFile(inner);
    Pager p = Pager.open(f, new PagerOptions(512, false));
    p.beginWrite();
    p.setUserVersion(7);
    p.commit();
    p.beginWrite();
    p.setUserVersion(8);
    f.failSyncs(true);
    assertEquals(StorageException.Kind.IOERR, failure(p::commit));
    f.crash();
    p.close();
    try (Pager again = Pager.open(inner, new PagerOptions(512, false))) {
      assertEquals(7, again.userVersion());
      assertEquals(1, again.changeCounter());
    }
  }
}
