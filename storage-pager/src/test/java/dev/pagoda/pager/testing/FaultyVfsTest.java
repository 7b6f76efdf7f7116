package dev.pagoda.pager.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.MemoryVfs;
import dev.pagoda.pager.StorageException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultyVfsTest {
  private static byte[] bytes(int n, int value) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) value);
    return b;
  }

  @Test
  void failFrom_countsCallsAcrossFiles_andFailsEveryLaterOne() {
    FaultyVfs vfs = new FaultyVfs(new MemoryVfs());
    DbFile a = vfs.open("a", false);
    DbFile b = vfs.open("b", false);
    a.write(0, bytes(4, 1), 0, 4);
    vfs.failFrom(2);
    b.write(0, bytes(4, 2), 0, 4);
    assertThrows(StorageException.class, () -> a.sync());
    assertThrows(StorageException.class, () -> vfs.delete("b"));
    assertTrue(vfs.failed());
    assertEquals(4, vfs.disk().contents("b").length, "a failed call changes nothing, earlier ones stay");
  }

  @Test
  void crash_revertsUnsyncedCreatesAndDeletes_butNotDirectorySyncedOnes() {
    MemoryVfs disk = new MemoryVfs();
    disk.put("old", bytes(8, 7));
    FaultyVfs vfs = new FaultyVfs(disk);
    DbFile kept = vfs.open("kept", false);
    kept.write(0, bytes(3, 1), 0, 3);
    kept.sync();
    vfs.syncDirectory("kept");
    DbFile fresh = vfs.open("fresh", false);
    fresh.write(0, bytes(3, 2), 0, 3);
    fresh.sync();
    vfs.delete("old");
    assertFalse(disk.exists("old"));
    assertEquals(2, vfs.crash(new Random(1), 1, false, 1.0));
    assertTrue(disk.exists("kept"));
    assertFalse(disk.exists("fresh"), "created, synced, but its directory entry never was");
    assertArrayEquals(bytes(8, 7), disk.contents("old"), "deleted without a directory sync: back");
    assertThrows(StorageException.class, () -> vfs.open("x", false));
  }

  @Test
  void crash_deletedFileComesBack_withItsDurableBytesOnly() {
    MemoryVfs disk = new MemoryVfs();
    FaultyVfs vfs = new FaultyVfs(disk);
    DbFile f = vfs.open("j", false);
    f.write(0, bytes(4, 1), 0, 4);
    f.sync();
    vfs.syncDirectory("j");
    f.write(4, bytes(4, 2), 0, 4);
    f.close();
    vfs.delete("j");
    vfs.crash(new Random(1), 1, false, 1.0);
    assertArrayEquals(bytes(4, 1), disk.contents("j"));
  }

  @Test
  void fileCrash_keepAll_keepNone_andATornSector() {
    MemoryFile inner = new MemoryFile();
    FaultyFile f = new FaultyFile(inner);
    f.write(0, bytes(1024, 1), 0, 1024);
    f.sync();
    f.write(0, bytes(1024, 2), 0, 1024);
    f.truncate(512);
    assertArrayEquals(bytes(1024, 1), f.durableImage());
    f.crash(new Random(5), 1, false);
    assertArrayEquals(bytes(512, 2), copy(inner), "everything reached the disk");

    MemoryFile inner2 = new MemoryFile();
    FaultyFile g = new FaultyFile(inner2);
    g.write(0, bytes(1024, 1), 0, 1024);
    g.sync();
    g.write(0, bytes(1024, 2), 0, 1024);
    g.crash(new Random(5), 0, true);
    byte[] after = copy(inner2);
    int junk = 0;
    for (int i = 0; i < 1024; i++) {
      if (after[i] != 1) {
        junk++;
      }
    }
    assertTrue(junk > 0 && junk <= 512, "one sector of garbage, the rest as synced: " + junk);
  }

  private static byte[] copy(MemoryFile f) {
    byte[] b = new byte[(int) f.size()];
    f.read(0, b, 0, b.length);
    return b;
  }
}
