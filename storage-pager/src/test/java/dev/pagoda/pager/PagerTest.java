package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PagerTest {
  private static byte[] fileBytes(DbFile f) {
    byte[] b = new byte[(int) f.size()];
    f.read(0, b, 0, b.length);
    return b;
  }

  /**
   * A MemoryFile whose close() is a no-op, so a test can reopen it; {@code claimedSize}, when
   * larger than the bytes written, is the size it reports (a file that looks long enough).
   */
  private static final class KeptFile implements DbFile {
    final MemoryFile inner = new MemoryFile();
    long claimedSize;

    @Override
    public int read(long pos, byte[] buf, int off, int len) {
      return inner.read(pos, buf, off, len);
    }

    @Override
    public void write(long pos, byte[] buf, int off, int len) {
      inner.write(pos, buf, off, len);
    }

    @Override
    public long size() {
      return Math.max(inner.size(), claimedSize);
    }

    @Override
    public void truncate(long size) {
      inner.truncate(size);
    }

    @Override
    public void sync() {}

    @Override
    public boolean isReadOnly() {
      return false;
    }

    @Override
    public void close() {}
  }

  @Test
  void open_emptyFile_behavesAsOnePageDatabase_andWritesNothingUntilCommit() {
    MemoryFile f = new MemoryFile();
    try (Pager p = Pager.open(f, PagerOptions.defaults())) {
      assertEquals(4096, p.pageSize());
      assertEquals(4096, p.usableSize());
      assertEquals(1, p.pageCount());
      byte[] page1 = p.getPage(1).data();
      assertEquals(0x0D, page1[100]);
      assertEquals(4096, ((page1[105] & 0xff) << 8) | (page1[106] & 0xff));
      p.beginWrite();
      p.setSchemaCookie(5);
      assertEquals(0, f.size());
      p.commit();
      assertEquals(4096, f.size());
    }
  }

  @Test
  void commit_newDatabase_writesSqliteHeaderFields() {
    KeptFile f = new KeptFile();
    try (Pager p = Pager.open(f, PagerOptions.defaults())) {
      p.beginWrite();
      p.allocatePage();
      p.setUserVersion(42);
      p.commit();
    }
    byte[] h = fileBytes(f);
    assertEquals(2 * 4096, h.length);
    assertArrayEquals("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(h, 16));
    assertEquals(4096, BigEndian.u16(h, 16));
    assertEquals(1, h[18]);
    assertEquals(1, h[19]);
    assertEquals(0, h[20]);
    assertEquals(64, h[21]);
    assertEquals(32, h[22]);
    assertEquals(32, h[23]);
    assertEquals(1, BigEndian.i32(h, 24));
    assertEquals(2, BigEndian.i32(h, 28));
    assertEquals(4, BigEndian.i32(h, 44));
    assertEquals(1, BigEndian.i32(h, 56));
    assertEquals(42, BigEndian.i32(h, 60));
    assertEquals(1, BigEndian.i32(h, 92));
    assertEquals(DatabaseHeader.VERSION_NUMBER, BigEndian.i32(h, 96));
    try (Pager p = Pager.open(f, PagerOptions.defaults())) {
      assertEquals(2, p.pageCount());
      assertEquals(42, p.userVersion());
      assertEquals(1, p.changeCounter());
      p.beginWrite();
      p.setUserVersion(43);
      p.commit();
      assertEquals(2, p.changeCounter());
    }
  }

  @Test
  void open_pageSize65536_isEncodedAsOne() {
    KeptFile f = new KeptFile();
    try (Pager p = Pager.open(f, new PagerOptions(65536, false))) {
      p.beginWrite();
      p.commit();
    }
    byte[] h = fileBytes(f);
    assertEquals(1, BigEndian.u16(h, 16));
    assertEquals(0, BigEndian.u16(h, 105));
    try (Pager p = Pager.open(f, PagerOptions.defaults())) {
      assertEquals(65536, p.pageSize());
    }
  }

  @Test
  void open_garbageOrShortOrBadHeader_throwsNotADb() {
    MemoryFile garbage = new MemoryFile();
    garbage.write(0, new byte[4096], 0, 4096);
    assertEquals(StorageException.Kind.NOTADB, assertThrows(StorageException.class,
        () -> Pager.open(garbage, PagerOptions.defaults())).kind());
    MemoryFile shortFile = new MemoryFile();
    shortFile.write(0, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, 16);
    assertEquals(StorageException.Kind.NOTADB, assertThrows(StorageException.class,
        () -> Pager.open(shortFile, PagerOptions.defaults())).kind());
    KeptFile bad = new KeptFile();
    try (Pager p = Pager.open(bad, PagerOptions.defaults())) {
      p.beginWrite();
      p.commit();
    }
    bad.write(16, new byte[] {0x03, 0x00}, 0, 2); // page size 768
    assertEquals(StorageException.Kind.NOTADB, assertThrows(StorageException.class,
        () -> Pager.open(bad, PagerOptions.defaults())).kind());
  }

  @Test
  void dirtyPages_areNotWrittenBeforeCommit() {
    KeptFile f = new KeptFile();
    try (Pager p = Pager.open(f, PagerOptions.defaults())) {
      p.beginWrite();
      p.commit();
      byte[] before = fileBytes(f);
      p.beginWrite();
      int pg = p.allocatePage();
      Page page = p.getPage(pg);
      page.data()[7] = 7;
      Page one = p.getPage(1);
      p.makeWritable(one);
      one.data()[200] = 1;
      assertArrayEquals(before, fileBytes(f));
      p.commit();
      assertEquals(2 * 4096, f.size());
    }
  }

  @Test
  void rollback_restoresPagesHeaderPageCountAndFile() {
    KeptFile f = new KeptFile();
    try (Pager p = Pager.open(f, new PagerOptions(512, false))) {
      p.beginWrite();
      for (int i = 0; i < 10; i++) {
        p.allocatePage();
      }
      p.freePage(3);
      p.setSchemaCookie(9);
      p.commit();
      byte[] fileBefore = fileBytes(f);
      byte[] page1Before = p.getPage(1).data().clone();
      byte[] page5Before = p.getPage(5).data().clone();
      p.beginWrite();
      Page five = p.getPage(5);
      p.makeWritable(five);
      Arrays.fill(five.data(), (byte) 0x55);
      int a = p.allocatePage(); // reuses page 3
      int b = p.allocatePage(); // grows
      assertEquals(3, a);
      assertEquals(12, b);
      p.freePage(7);
      p.setSchemaCookie(10);
      p.setUserVersion(3);
      p.rollback();
      assertFalse(p.inWriteTransaction());
      assertEquals(11, p.pageCount());
      assertEquals(1, p.freelistCount());
      assertEquals(9, p.schemaCookie());
      assertEquals(0, p.userVersion());
      assertArrayEquals(page1Before, p.getPage(1).data());
      assertArrayEquals(page5Before, p.getPage(5).data());
      assertArrayEquals(fileBefore, fileBytes(f));
      assertThrows(StorageException.class, () -> p.getPage(12));
    }
  }

  @Test
  void freePage_thenAllocate_reusesPagesZeroed() {
    try (Pager p = Pager.open(new MemoryFile(), PagerOptions.defaults())) {
      p.beginWrite();
      int a = p.allocatePage();
      int b = p.allocatePage();
      Arrays.fill(p.getPage(b).data(), (byte) 9);
      p.freePage(a);
      p.freePage(b);
      assertEquals(2, p.freelistCount());
      assertEquals(a, p.freelistTrunk());
      int c = p.allocatePage();
      assertEquals(b, c);
      assertTrue(isZero(p.getPage(c).data()));
      int d = p.allocatePage();
      assertEquals(a, d);
      assertTrue(isZero(p.getPage(d).data()));
      assertEquals(0, p.freelistCount());
      assertEquals(0, p.freelistTrunk());
      assertEquals(3, p.pageCount());
    }
  }

  @Test
  void freePage_manyPages_buildsSqliteTrunkAndLeafLayout() {
    try (Pager p = Pager.open(new MemoryFile(), new PagerOptions(512, false))) {
      p.beginWrite();
      for (int i = 0; i < 130; i++) {
        p.allocatePage();
      }
      // page 2 becomes the first trunk, then 512/4-8 = 120 leaves fill it, then page 123 is a new trunk
      for (int pg = 2; pg <= 131; pg++) {
        p.freePage(pg);
      }
      assertEquals(130, p.freelistCount());
      assertEquals(123, p.freelistTrunk());
      byte[] t2 = p.getPage(123).data();
      assertEquals(2, BigEndian.i32(t2, 0));
      assertEquals(8, BigEndian.i32(t2, 4));
      assertEquals(124, BigEndian.i32(t2, 8));
      byte[] t1 = p.getPage(2).data();
      assertEquals(0, BigEndian.i32(t1, 0));
      assertEquals(120, BigEndian.i32(t1, 4));
      assertEquals(3, BigEndian.i32(t1, 8));
      assertEquals(122, BigEndian.i32(t1, 8 + 4 * 119));
      for (int i = 0; i < 130; i++) {
        int pg = p.allocatePage();
        assertTrue(pg >= 2 && pg <= 131, "page " + pg);
      }
      assertEquals(0, p.freelistCount());
      assertEquals(131, p.pageCount());
    }
  }

  @Test
  void allocatePage_skipsLockBytePage() {
    KeptFile f = new KeptFile();
    try (Pager p = Pager.open(f, new PagerOptions(65536, false))) {
      p.beginWrite();
      p.commit();
    }
    int lockPage = (1 << 30) / 65536 + 1;
    byte[] size = new byte[4];
    BigEndian.putI32(size, 0, lockPage - 1);
    f.write(28, size, 0, 4); // trusted in-header size (offset 92 == offset 24 == 1)
    f.claimedSize = (lockPage - 1L) * 65536; // open() rejects a header size beyond the file
    try (Pager p = Pager.open(f, PagerOptions.defaults())) {
      assertEquals(lockPage, p.lockBytePage());
      assertEquals(lockPage - 1, p.pageCount());
      p.beginWrite();
      assertEquals(lockPage + 1, p.allocatePage());
      assertEquals(lockPage + 1, p.pageCount());
      assertThrows(StorageException.class, () -> p.freePage(lockPage));
      p.rollback();
      assertEquals(lockPage - 1, p.pageCount());
    }
  }

  @Test
  void inHeaderSize_isIgnoredWhenVersionValidForDiffers() {
    KeptFile f = new KeptFile();
    try (Pager p = Pager.open(f, new PagerOptions(1024, false))) {
      p.beginWrite();
      p.allocatePage();
      p.allocatePage();
      p.commit();
    }
    f.write(92, new byte[] {0, 0, 0, 7}, 0, 4);
    f.write(28, new byte[] {0, 0, 0, 50}, 0, 4);
    try (Pager p = Pager.open(f, PagerOptions.defaults())) {
      assertEquals(3, p.pageCount());
    }
  }

  @Test
  void transactionRules_areEnforced() {
    try (Pager p = Pager.open(new MemoryFile(), PagerOptions.defaults())) {
      assertEquals(StorageException.Kind.MISUSE,
          assertThrows(StorageException.class, () -> p.makeWritable(p.getPage(1))).kind());
      assertThrows(StorageException.class, p::allocatePage);
      assertThrows(StorageException.class, p::commit);
      p.beginWrite();
      assertTrue(p.inWriteTransaction());
      assertEquals(StorageException.Kind.MISUSE, assertThrows(StorageException.class, p::beginWrite).kind());
      assertEquals(StorageException.Kind.CORRUPT, assertThrows(StorageException.class, () -> p.getPage(2)).kind());
      assertThrows(StorageException.class, () -> p.getPage(0));
      assertThrows(StorageException.class, () -> p.freePage(1));
      p.rollback();
    }
    try (Pager p = Pager.open(new MemoryFile(), new PagerOptions(4096, true))) {
      assertTrue(p.isReadOnly());
      assertEquals(StorageException.Kind.READONLY, assertThrows(StorageException.class, p::beginWrite).kind());
    }
  }

  @Test
  void close_rollsBackOpenTransaction_andIsIdempotent() {
    KeptFile f = new KeptFile();
    Pager p = Pager.open(f, PagerOptions.defaults());
    p.beginWrite();
    p.allocatePage();
    p.close();
    p.close();
    assertEquals(0, f.size());
    assertThrows(StorageException.class, () -> p.getPage(1));
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
