package dev.pagoda.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalReaderTest {
  private static final WalHeader LE =
      new WalHeader(WalHeader.MAGIC_LITTLE_ENDIAN, 512, 0, 0x1111, 0x2222);
  private static final WalHeader BE =
      new WalHeader(WalHeader.MAGIC_BIG_ENDIAN, 1024, 5, 0x3333, 0x4444);

  @TempDir Path dir;

  static MemoryFile file(byte[] bytes) {
    MemoryFile f = new MemoryFile();
    f.write(0, bytes, 0, bytes.length);
    return f;
  }

  static WalScan scan(byte[] bytes) {
    try (DbFile f = file(bytes)) {
      return WalReader.scan(f);
    }
  }

  /** Three transactions: {1, 2 | commit 2}, {3 | commit 3}, {1, 4, 2 | commit 4}. */
  static Wals.Builder threeTransactions(WalHeader h) {
    return new Wals.Builder(h)
        .frame(1, 0)
        .frame(2, 2)
        .frame(3, 3)
        .frame(1, 0)
        .frame(4, 0)
        .frame(2, 4);
  }

  @Test
  void scan_emptyFile_shortFile() {
    WalScan s = scan(new byte[0]);
    assertEquals(WalScan.End.SHORT_FILE, s.end());
    assertTrue(s.header().isEmpty());
    assertEquals(0, s.maxFrame());
    assertEquals(0, s.databaseSize());
    assertEquals(WalScan.End.SHORT_FILE, scan(new byte[31]).end());
  }

  @Test
  void scan_headerOnly_noFrames() {
    WalScan s = scan(BE.encode());
    assertEquals(WalScan.End.END_OF_FILE, s.end());
    assertEquals(BE, s.header().orElseThrow());
    assertEquals(0, s.maxFrame());
    assertEquals(BE.checksum(), s.checksum());
  }

  @Test
  void scan_threeTransactions_allCommitted() {
    for (WalHeader h : new WalHeader[] {LE, BE}) {
      Wals.Builder b = threeTransactions(h);
      WalScan s = scan(b.bytes());
      assertEquals(h, s.header().orElseThrow());
      assertEquals(WalScan.End.END_OF_FILE, s.end());
      assertEquals(6, s.maxFrame());
      assertEquals(3, s.commitCount());
      assertEquals(4, s.databaseSize());
      assertEquals(0, s.uncommittedFrames());
      assertEquals(b.checksum(), s.checksum());
      List<WalFrame> fs = s.frames();
      for (int i = 0; i < fs.size(); i++) {
        assertEquals(i + 1, fs.get(i).frameNumber());
        assertEquals(WalFrameHeader.frameOffset(i + 1, h.pageSize()), fs.get(i).offset());
        assertEquals(fs.get(i).offset() + 24, fs.get(i).pageOffset());
      }
      assertEquals(List.of(1, 2, 3, 1, 4, 2), fs.stream().map(WalFrame::pageNumber).toList());
      assertEquals(List.of(0, 2, 3, 0, 0, 4), fs.stream().map(WalFrame::commitSize).toList());
      // newest frame per page
      assertEquals(4, s.newestFrames().get(1).frameNumber());
      assertEquals(6, s.newestFrames().get(2).frameNumber());
      assertEquals(3, s.newestFrames().get(3).frameNumber());
      assertEquals(5, s.newestFrames().get(4).frameNumber());
      assertEquals(4, s.newestFrames().size());
    }
  }

  @Test
  void scan_trailingUncommittedFrames_dropped() {
    Wals.Builder b = threeTransactions(LE).frame(5, 0).frame(6, 0);
    WalScan s = scan(b.bytes());
    assertEquals(WalScan.End.END_OF_FILE, s.end());
    assertEquals(6, s.maxFrame());
    assertEquals(2, s.uncommittedFrames());
    assertFalse(s.newestFrames().containsKey(5));
    assertEquals(threeTransactions(LE).checksum(), s.checksum());
  }

  @Test
  void scan_partialTrailingFrame_ignored() {
    byte[] full = threeTransactions(BE).bytes();
    for (int cut : new int[] {1, 24, 25, BE.frameSize() - 1}) {
      WalScan s = scan(Arrays.copyOf(full, full.length - cut));
      assertEquals(WalScan.End.END_OF_FILE, s.end(), "cut " + cut);
      assertEquals(3, s.maxFrame(), "cut " + cut);
      assertEquals(2, s.commitCount());
      assertEquals(3, s.databaseSize());
      assertEquals(2, s.uncommittedFrames());
    }
  }

  @Test
  void scan_flippedByteInLastFrame_endsAtPreviousCommit() {
    byte[] b = threeTransactions(LE).bytes();
    b[b.length - 1] ^= 1;
    WalScan s = scan(b);
    assertEquals(WalScan.End.BAD_CHECKSUM, s.end());
    assertEquals(3, s.maxFrame());
    assertEquals(3, s.databaseSize());
    assertEquals(2, s.uncommittedFrames());
  }

  @Test
  void scan_flippedByteInMiddleFrame_laterValidLookingFramesIgnored() {
    Wals.Builder w = threeTransactions(BE);
    byte[] b = w.bytes();
    b[(int) WalFrameHeader.frameOffset(3, BE.pageSize()) + 100] ^= 1; // page of frame 3
    WalScan s = scan(b);
    assertEquals(WalScan.End.BAD_CHECKSUM, s.end());
    assertEquals(2, s.maxFrame());
    assertEquals(2, s.databaseSize());
    assertEquals(0, s.uncommittedFrames());
  }

  @Test
  void scan_zeroPageNumberFrame_stops() {
    Wals.Builder w = new Wals.Builder(LE).frame(1, 1);
    byte[] bad = new byte[LE.frameSize()];
    // A frame for page 0 with a correct checksum: it must still end the scan.
    BigEndian.putI32(bad, 8, LE.salt1());
    BigEndian.putI32(bad, 12, LE.salt2());
    long c = WalFrameHeader.chain(LE, w.checksum(), bad, 0);
    BigEndian.putI32(bad, 16, WalChecksum.s0(c));
    BigEndian.putI32(bad, 20, WalChecksum.s1(c));
    byte[] b = w.bytes();
    byte[] all = Arrays.copyOf(b, b.length + bad.length);
    System.arraycopy(bad, 0, all, b.length, bad.length);
    WalScan s = scan(all);
    assertEquals(WalScan.End.ZERO_PAGE_NUMBER, s.end());
    assertEquals(1, s.maxFrame());
  }

  @Test
  void scan_leftoverFramesOfPreviousGeneration_stopAtSaltMismatch() {
    // Generation 1: five frames, commits at 2 and 5.
    byte[] gen1 =
        new Wals.Builder(LE).frame(1, 0).frame(2, 2).frame(3, 0).frame(1, 0).frame(4, 5).bytes();
    // After a checkpoint SQLite restarts the WAL: new header, frames overwrite from frame 1.
    WalHeader next = LE.restart(new Random(7));
    byte[] gen2 = new Wals.Builder(next).frame(2, 0).frame(3, 5).bytes();
    byte[] file = gen1.clone();
    System.arraycopy(gen2, 0, file, 0, gen2.length);
    WalScan s = scan(file);
    assertEquals(next, s.header().orElseThrow());
    assertEquals(WalScan.End.SALT_MISMATCH, s.end());
    assertEquals(2, s.maxFrame());
    assertEquals(1, s.commitCount());
    assertEquals(List.of(2, 3), s.frames().stream().map(WalFrame::pageNumber).toList());
  }

  @Test
  void scan_badHeaderChecksum_emptyWal() {
    byte[] b = threeTransactions(LE).bytes();
    b[28] ^= 1;
    WalScan s = scan(b);
    assertEquals(WalScan.End.BAD_HEADER, s.end());
    assertTrue(s.header().isEmpty());
    assertEquals(0, s.maxFrame());
    assertTrue(s.newestFrames().isEmpty());
  }

  @Test
  void scan_badMagicOrPageSize_emptyWal() {
    byte[] b = threeTransactions(BE).bytes();
    b[3] = 0x00;
    assertEquals(WalScan.End.BAD_HEADER, scan(b).end());
    b = threeTransactions(BE).bytes();
    BigEndian.putI32(b, 8, 1000);
    assertEquals(WalScan.End.BAD_HEADER, scan(b).end());
  }

  @Test
  void scan_unsupportedVersion_cantOpen() {
    byte[] b = threeTransactions(LE).bytes();
    BigEndian.putI32(b, 4, 3007001);
    long c = WalChecksum.update(false, WalChecksum.INITIAL, b, 0, 24);
    BigEndian.putI32(b, 24, WalChecksum.s0(c));
    BigEndian.putI32(b, 28, WalChecksum.s1(c));
    StorageException e = assertThrows(StorageException.class, () -> scan(b));
    assertEquals(StorageException.Kind.CANTOPEN, e.kind());
    // SQLite does not look at a header-only WAL at all.
    assertEquals(WalScan.End.BAD_HEADER, scan(Arrays.copyOf(b, 32)).end());
  }

  @Test
  void scan_checksumOfPrefix_continuesTheChainForAppends() {
    // A crashed transaction (frames 7, 8) sits after the prefix; a writer overwrites it from frame
    // 7 on, chaining from the scan's checksum, and the result must scan as committed.
    Wals.Builder w = threeTransactions(BE).frame(9, 0).frame(9, 0);
    byte[] b = w.bytes();
    WalScan s = scan(b);
    assertEquals(2, s.uncommittedFrames());
    byte[] f = new byte[BE.frameSize()];
    WalFrameHeader.encodeFrame(BE, s.checksum(), 5, 5, Wals.page(1024, 1), 0, f, 0);
    System.arraycopy(f, 0, b, (int) WalFrameHeader.frameOffset(s.maxFrame() + 1, 1024), f.length);
    WalScan t = scan(b);
    assertEquals(7, t.maxFrame());
    assertEquals(5, t.databaseSize());
    // frame 8 chained from the old frame 7, so it no longer fits
    assertEquals(WalScan.End.BAD_CHECKSUM, t.end());
  }

  @Test
  void scan_diskFile_sameAsMemory() throws Exception {
    byte[] b = threeTransactions(LE).bytes();
    Path p = dir.resolve("x.db-wal");
    Files.write(p, b);
    try (DiskFile f = DiskFile.open(p, true)) {
      WalScan s = WalReader.scan(f);
      assertEquals(6, s.maxFrame());
      assertEquals(3, s.commitCount());
      assertEquals(scan(b).frames(), s.frames());
    }
  }
}
