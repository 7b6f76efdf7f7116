package dev.pagoda.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.BigEndian;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WalFrameHeaderTest {
  private static final WalHeader LE =
      new WalHeader(WalHeader.MAGIC_LITTLE_ENDIAN, 1024, 3, 0x0badf00d, 0x12345678);
  private static final WalHeader BE =
      new WalHeader(WalHeader.MAGIC_BIG_ENDIAN, 512, 0, 0x7fffffff, 0x80000000);

  private static byte[] frame(WalHeader wal, long prev, int pgno, int commit, byte[] page) {
    byte[] f = new byte[wal.frameSize()];
    WalFrameHeader.encodeFrame(wal, prev, pgno, commit, page, 0, f, 0);
    return f;
  }

  private static ByteOrder order(WalHeader wal) {
    return wal.bigEndianChecksums() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
  }

  @Test
  void encodeFrame_roundTrip_headerFieldsAndPage() {
    for (WalHeader wal : new WalHeader[] {LE, BE}) {
      byte[] page = Wals.page(wal.pageSize(), 1);
      byte[] f = new byte[wal.frameSize()];
      long c = WalFrameHeader.encodeFrame(wal, wal.checksum(), 5, 9, page, 0, f, 0);
      WalFrameHeader h = WalFrameHeader.decode(f, 0);
      assertEquals(5, h.pageNumber());
      assertEquals(9, h.commitSize());
      assertTrue(h.isCommit());
      assertEquals(wal.salt1(), h.salt1());
      assertEquals(wal.salt2(), h.salt2());
      assertEquals(c, h.checksum());
      assertArrayEquals(page, Arrays.copyOfRange(f, 24, f.length));
      byte[] again = new byte[24];
      h.encode(again, 0);
      assertArrayEquals(Arrays.copyOf(f, 24), again);
      assertEquals(WalFrameHeader.Status.VALID, WalFrameHeader.check(wal, wal.checksum(), f, 0));
    }
  }

  @Test
  void encodeFrame_checksum_coversFirst8HeaderBytesThenPage_chainedFromPrevious() {
    for (WalHeader wal : new WalHeader[] {LE, BE}) {
      byte[] p1 = Wals.page(wal.pageSize(), 2);
      byte[] p2 = Wals.page(wal.pageSize(), 3);
      byte[] f1 = frame(wal, wal.checksum(), 1, 0, p1);
      long c1 = WalFrameHeader.storedChecksum(f1, 0);
      byte[] f2 = frame(wal, c1, 2, 2, p2);

      long expected1 = Wals.referencePacked(order(wal), wal.checksum(), f1, 0, 8);
      expected1 = Wals.referencePacked(order(wal), expected1, p1, 0, p1.length);
      assertEquals(expected1, c1);
      long expected2 = Wals.referencePacked(order(wal), c1, f2, 0, 8);
      expected2 = Wals.referencePacked(order(wal), expected2, p2, 0, p2.length);
      assertEquals(expected2, WalFrameHeader.storedChecksum(f2, 0));
      assertTrue(WalFrameHeader.isValid(wal, c1, f2, 0));
      assertFalse(WalFrameHeader.isValid(wal, wal.checksum(), f2, 0), "chain must matter");
    }
  }

  @Test
  void encodeFrame_saltsNotChecksummed() {
    WalHeader other = new WalHeader(LE.magic(), LE.pageSize(), 0, 1, 2);
    byte[] page = Wals.page(LE.pageSize(), 4);
    assertEquals(
        WalFrameHeader.storedChecksum(frame(LE, 77L, 3, 0, page), 0),
        WalFrameHeader.storedChecksum(frame(other, 77L, 3, 0, page), 0));
  }

  @Test
  void encodeFrame_inPlace_pageAlreadyInFrameBuffer() {
    byte[] page = Wals.page(BE.pageSize(), 5);
    byte[] expected = frame(BE, 11L, 4, 0, page);
    byte[] buf = new byte[BE.frameSize() + 10];
    System.arraycopy(page, 0, buf, 10 + 24, page.length);
    long c = WalFrameHeader.encodeFrame(BE, 11L, 4, 0, buf, 10 + 24, buf, 10);
    assertArrayEquals(expected, Arrays.copyOfRange(buf, 10, buf.length));
    assertEquals(WalFrameHeader.storedChecksum(expected, 0), c);
  }

  @Test
  void encodeFrame_pageNumberZero_rejected() {
    byte[] page = new byte[LE.pageSize()];
    byte[] f = new byte[LE.frameSize()];
    assertThrows(
        IllegalArgumentException.class,
        () -> WalFrameHeader.encodeFrame(LE, 0L, 0, 0, page, 0, f, 0));
  }

  @Test
  void encodeFrame_bufferTooSmall_rejected() {
    byte[] page = new byte[LE.pageSize()];
    byte[] f = new byte[LE.frameSize() - 1];
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> WalFrameHeader.encodeFrame(LE, 0L, 1, 0, page, 0, f, 0));
  }

  @Test
  void check_saltMismatch_invalid() {
    byte[] f = frame(LE, LE.checksum(), 1, 1, Wals.page(LE.pageSize(), 6));
    for (int i = 8; i < 16; i++) {
      byte[] b = f.clone();
      b[i] ^= 0x10;
      assertEquals(
          WalFrameHeader.Status.SALT_MISMATCH, WalFrameHeader.check(LE, LE.checksum(), b, 0));
    }
    WalHeader restarted = LE.restart(new java.util.Random(1));
    assertEquals(
        WalFrameHeader.Status.SALT_MISMATCH,
        WalFrameHeader.check(restarted, LE.checksum(), f, 0));
  }

  @Test
  void check_zeroPageNumberWithGoodChecksum_invalid() {
    byte[] f = frame(BE, 5L, 1, 0, Wals.page(BE.pageSize(), 7));
    BigEndian.putI32(f, 0, 0);
    long c = WalFrameHeader.chain(BE, 5L, f, 0);
    BigEndian.putI32(f, 16, WalChecksum.s0(c));
    BigEndian.putI32(f, 20, WalChecksum.s1(c));
    assertEquals(WalFrameHeader.Status.ZERO_PAGE_NUMBER, WalFrameHeader.check(BE, 5L, f, 0));
  }

  @Test
  void check_flippedPageByte_badChecksum() {
    byte[] f = frame(LE, LE.checksum(), 2, 0, Wals.page(LE.pageSize(), 8));
    for (int i : new int[] {24, 25, 24 + 500, f.length - 1}) {
      byte[] b = f.clone();
      b[i] ^= 1;
      assertEquals(
          WalFrameHeader.Status.BAD_CHECKSUM, WalFrameHeader.check(LE, LE.checksum(), b, 0));
    }
  }

  @Test
  void check_changedCommitSizeOrPageNumber_badChecksum() {
    byte[] f = frame(BE, BE.checksum(), 2, 7, Wals.page(BE.pageSize(), 9));
    byte[] b = f.clone();
    BigEndian.putI32(b, 4, 0);
    assertEquals(WalFrameHeader.Status.BAD_CHECKSUM, WalFrameHeader.check(BE, BE.checksum(), b, 0));
    b = f.clone();
    BigEndian.putI32(b, 0, 3);
    assertEquals(WalFrameHeader.Status.BAD_CHECKSUM, WalFrameHeader.check(BE, BE.checksum(), b, 0));
  }

  @Test
  void check_corruptedStoredChecksum_badChecksum() {
    byte[] f = frame(LE, LE.checksum(), 2, 0, Wals.page(LE.pageSize(), 10));
    for (int i = 16; i < 24; i++) {
      byte[] b = f.clone();
      b[i] ^= (byte) 0x80;
      assertEquals(
          WalFrameHeader.Status.BAD_CHECKSUM, WalFrameHeader.check(LE, LE.checksum(), b, 0));
    }
  }

  @Test
  void frameOffset_matchesLayout() {
    assertEquals(32, WalFrameHeader.frameOffset(1, 4096));
    assertEquals(32 + 4120, WalFrameHeader.frameOffset(2, 4096));
    assertEquals(32 + 99L * (65536 + 24), WalFrameHeader.frameOffset(100, 65536));
    assertEquals(32 + 99_999_999L * 65560, WalFrameHeader.frameOffset(100_000_000, 65536));
    assertThrows(IllegalArgumentException.class, () -> WalFrameHeader.frameOffset(0, 4096));
  }

  @Test
  void isCommit_onlyForNonZeroCommitSize() {
    assertFalse(new WalFrameHeader(3, 0, 0, 0, 0, 0).isCommit());
    assertTrue(new WalFrameHeader(3, 1, 0, 0, 0, 0).isCommit());
    assertEquals(WalChecksum.pack(-1, 2), new WalFrameHeader(1, 0, 0, 0, -1, 2).checksum());
  }
}
