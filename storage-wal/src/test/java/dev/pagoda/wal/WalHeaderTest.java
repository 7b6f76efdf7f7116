package dev.pagoda.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.StorageException;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WalHeaderTest {
  private static final WalHeader LE =
      new WalHeader(WalHeader.MAGIC_LITTLE_ENDIAN, 4096, 7, 0x11223344, 0xcafebabe);
  private static final WalHeader BE =
      new WalHeader(WalHeader.MAGIC_BIG_ENDIAN, 1024, 0, 0x01020304, 0xfffffffe);

  /** Re-stamps a correct checksum over bytes 0..23, the way a writer would. */
  private static void restamp(byte[] b) {
    boolean be = (BigEndian.i32(b, 0) & 1) != 0;
    long c = Wals.referencePacked(be ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, 0, b, 0, 24);
    BigEndian.putI32(b, 24, (int) (c >>> 32));
    BigEndian.putI32(b, 28, (int) c);
  }

  @Test
  void encode_layout_matchesFileFormat() {
    byte[] b = LE.encode();
    assertEquals(32, b.length);
    assertEquals(0x377f0682, BigEndian.i32(b, 0));
    assertEquals(3007000, BigEndian.i32(b, 4));
    assertEquals(4096, BigEndian.i32(b, 8));
    assertEquals(7, BigEndian.i32(b, 12));
    assertEquals(0x11223344, BigEndian.i32(b, 16));
    assertEquals(0xcafebabe, BigEndian.i32(b, 20));
    assertEquals(LE.checksum1(), BigEndian.i32(b, 24));
    assertEquals(LE.checksum2(), BigEndian.i32(b, 28));
  }

  @Test
  void encode_checksum_matchesDefinitionOverFirst24Bytes() {
    for (WalHeader h : new WalHeader[] {LE, BE}) {
      byte[] b = h.encode();
      ByteOrder order = h.bigEndianChecksums() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      long[] ref = Wals.reference(order, 0, 0, b, 0, 24);
      assertEquals((int) ref[0], BigEndian.i32(b, 24));
      assertEquals((int) ref[1], BigEndian.i32(b, 28));
      assertEquals(WalChecksum.pack((int) ref[0], (int) ref[1]), h.checksum());
    }
    assertFalse(LE.bigEndianChecksums());
    assertTrue(BE.bigEndianChecksums());
  }

  @Test
  void decode_roundTrip_bothByteOrdersAllPageSizes() {
    Random r = new Random(1);
    for (int magic : new int[] {WalHeader.MAGIC_LITTLE_ENDIAN, WalHeader.MAGIC_BIG_ENDIAN}) {
      for (int p = 512; p <= 65536; p *= 2) {
        WalHeader h = new WalHeader(magic, p, r.nextInt(), r.nextInt(), r.nextInt());
        assertEquals(WalHeader.Status.VALID, WalHeader.check(h.encode(), 0));
        assertEquals(h, WalHeader.decode(h.encode()));
      }
    }
  }

  @Test
  void decode_atOffset_roundTrip() {
    byte[] b = new byte[40];
    BE.encode(b, 5);
    assertEquals(BE, WalHeader.decode(b, 5));
  }

  @Test
  void decode_pageSize65536_storedAsIs() {
    WalHeader h = new WalHeader(WalHeader.MAGIC_BIG_ENDIAN, 65536, 0, 1, 2);
    byte[] b = h.encode();
    assertEquals(0x00010000, BigEndian.i32(b, 8));
    assertEquals(65536, WalHeader.decode(b).pageSize());
    assertEquals(65536 + 24, h.frameSize());
  }

  @Test
  void decode_pageSizeOne_rejected() {
    // The database header's "1 means 65536" does not apply to the WAL header.
    byte[] b = BE.encode();
    BigEndian.putI32(b, 8, 1);
    restamp(b);
    assertEquals(WalHeader.Status.BAD_PAGE_SIZE, WalHeader.check(b, 0));
    StorageException e = assertThrows(StorageException.class, () -> WalHeader.decode(b));
    assertEquals(StorageException.Kind.CORRUPT, e.kind());
  }

  @Test
  void decode_pageSizeNotPowerOfTwoOrOutOfRange_rejected() {
    for (int p : new int[] {0, 256, 1000, 3072, 131072, -65536}) {
      byte[] b = LE.encode();
      BigEndian.putI32(b, 8, p);
      restamp(b);
      assertEquals(WalHeader.Status.BAD_PAGE_SIZE, WalHeader.check(b, 0), "page size " + p);
      assertThrows(StorageException.class, () -> WalHeader.decode(b));
    }
  }

  @Test
  void decode_badMagic_rejected() {
    for (int magic : new int[] {0, 0x377f0681, 0x377f0684, 0xd9d505f9}) {
      byte[] b = LE.encode();
      BigEndian.putI32(b, 0, magic);
      restamp(b);
      assertEquals(WalHeader.Status.BAD_MAGIC, WalHeader.check(b, 0));
      StorageException e = assertThrows(StorageException.class, () -> WalHeader.decode(b));
      assertEquals(StorageException.Kind.CORRUPT, e.kind());
    }
  }

  @Test
  void decode_corruptedChecksum_rejected() {
    byte[] b = LE.encode();
    b[31] ^= 1;
    assertEquals(WalHeader.Status.BAD_CHECKSUM, WalHeader.check(b, 0));
    StorageException e = assertThrows(StorageException.class, () -> WalHeader.decode(b));
    assertEquals(StorageException.Kind.CORRUPT, e.kind());
  }

  @Test
  void decode_corruptedSalt_rejected() {
    byte[] b = BE.encode();
    b[17] ^= 0x40;
    assertEquals(WalHeader.Status.BAD_CHECKSUM, WalHeader.check(b, 0));
  }

  @Test
  void check_anySingleBitFlip_detected() {
    for (WalHeader h : new WalHeader[] {LE, BE}) {
      byte[] good = h.encode();
      for (int bit = 0; bit < 32 * 8; bit++) {
        byte[] b = good.clone();
        b[bit / 8] ^= (byte) (1 << (bit % 8));
        assertNotEquals(WalHeader.Status.VALID, WalHeader.check(b, 0), "bit " + bit);
      }
    }
  }

  @Test
  void decode_otherVersionWithGoodChecksum_cantOpen() {
    byte[] b = LE.encode();
    BigEndian.putI32(b, 4, 3007001);
    restamp(b);
    assertEquals(WalHeader.Status.UNSUPPORTED_VERSION, WalHeader.check(b, 0));
    StorageException e = assertThrows(StorageException.class, () -> WalHeader.decode(b));
    assertEquals(StorageException.Kind.CANTOPEN, e.kind());
  }

  @Test
  void check_otherVersionAndBadChecksum_checksumFirstAsInSqlite() {
    byte[] b = LE.encode();
    BigEndian.putI32(b, 4, 3007001);
    assertEquals(WalHeader.Status.BAD_CHECKSUM, WalHeader.check(b, 0));
  }

  @Test
  void constructor_invalidComponents_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new WalHeader(0x377f0684, 4096, 0, 0, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WalHeader(WalHeader.MAGIC_BIG_ENDIAN, 1, 0, 0, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WalHeader(WalHeader.MAGIC_BIG_ENDIAN, 1536, 0, 0, 0));
  }

  @Test
  void create_freshHeader_nativeOrderSequenceZeroRandomSalts() {
    Random expected = new Random(99);
    WalHeader h = WalHeader.create(8192, new Random(99));
    assertEquals(ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN, h.bigEndianChecksums());
    assertEquals(8192, h.pageSize());
    assertEquals(0, h.checkpointSequence());
    assertEquals(expected.nextInt(), h.salt1());
    assertEquals(expected.nextInt(), h.salt2());
    assertEquals(h, WalHeader.decode(h.encode()));

    WalHeader a = WalHeader.create(4096);
    WalHeader b = WalHeader.create(4096);
    assertFalse(a.salt1() == b.salt1() && a.salt2() == b.salt2(), "salts should be fresh");
  }

  @Test
  void restart_incrementsSequenceAndSalt1_newSalt2() {
    WalHeader h = new WalHeader(WalHeader.MAGIC_LITTLE_ENDIAN, 2048, 41, 0xffffffff, 5);
    WalHeader next = h.restart(new Random(3));
    assertEquals(h.magic(), next.magic());
    assertEquals(2048, next.pageSize());
    assertEquals(42, next.checkpointSequence());
    assertEquals(0, next.salt1()); // unsigned increment wraps
    assertEquals(new Random(3).nextInt(), next.salt2());
  }

  @Test
  void encode_toSmallArray_rejected() {
    assertThrows(IndexOutOfBoundsException.class, () -> LE.encode(new byte[40], 9));
    assertThrows(IndexOutOfBoundsException.class, () -> WalHeader.check(new byte[31], 0));
  }

  @Test
  void encode_bytesEqualAfterRoundTrip() {
    assertArrayEquals(LE.encode(), WalHeader.decode(LE.encode()).encode());
  }
}
