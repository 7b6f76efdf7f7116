package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbFileTest {
  @TempDir Path dir;

  private static void exercise(DbFile f) {
    assertEquals(0, f.size());
    byte[] data = {1, 2, 3, 4, 5};
    f.write(10, data, 1, 3);
    assertEquals(13, f.size());
    byte[] buf = new byte[8];
    assertEquals(8, f.read(5, buf, 0, 8));
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 2, 3, 4}, buf);
    assertEquals(2, f.read(11, buf, 0, 8));
    assertEquals(0, f.read(100, buf, 0, 8));
    f.truncate(11);
    assertEquals(11, f.size());
    f.sync();
  }

  @Test
  void memoryFile_readWriteTruncate() {
    try (MemoryFile f = new MemoryFile()) {
      exercise(f);
    }
  }

  @Test
  void diskFile_readWriteTruncate_andCreatesMissingFile() {
    Path p = dir.resolve("x.db");
    try (DiskFile f = DiskFile.open(p, false)) {
      exercise(f);
    }
    assertTrue(Files.exists(p));
    try (DiskFile f = DiskFile.open(p, true)) {
      assertTrue(f.isReadOnly());
      assertEquals(11, f.size());
      StorageException e = assertThrows(StorageException.class, () -> f.write(0, new byte[1], 0, 1));
      assertEquals(StorageException.Kind.READONLY, e.kind());
    }
  }

  @Test
  void diskFile_missingReadOnly_throwsCantOpen() {
    StorageException e =
        assertThrows(StorageException.class, () -> DiskFile.open(dir.resolve("nope.db"), true));
    assertEquals(StorageException.Kind.CANTOPEN, e.kind());
  }

  @Test
  void pagerOnReadOnlyDiskFile_refusesWrites() {
    Path p = dir.resolve("ro.db");
    try (Pager pager = Pager.open(DiskFile.open(p, false), PagerOptions.defaults())) {
      pager.beginWrite();
      pager.commit();
    }
    try (Pager pager = Pager.open(DiskFile.open(p, true), PagerOptions.defaults())) {
      assertTrue(pager.isReadOnly());
      assertEquals(StorageException.Kind.READONLY, assertThrows(StorageException.class, pager::beginWrite).kind());
      assertEquals(1, pager.pageCount());
    }
  }

  @Test
  void diskFile_usedByAnInterruptedThread_staysOpen_andTheInterruptIsKept() {
    try (DiskFile f = DiskFile.open(dir.resolve("interrupted.db"), false)) {
      Thread.currentThread().interrupt();
      try {
        f.write(0, new byte[] {1, 2, 3}, 0, 3);
        f.sync();
        byte[] back = new byte[3];
        assertEquals(3, f.read(0, back, 0, 3));
        assertArrayEquals(new byte[] {1, 2, 3}, back);
        assertEquals(3, f.size());
        assertTrue(Thread.currentThread().isInterrupted(), "the caller still sees its interrupt");
      } finally {
        Thread.interrupted();
      }
      byte[] again = new byte[3];
      assertEquals(3, f.read(0, again, 0, 3), "the channel was not closed by the interrupt");
    }
  }
}
