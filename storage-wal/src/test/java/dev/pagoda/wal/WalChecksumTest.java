package dev.pagoda.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WalChecksumTest {
  /** Four words 1, 2, 3, 4 when read big-endian. */
  private static final byte[] WORDS = {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4};

  @Test
  void update_bigEndianWords_knownAnswer() {
    // x = 1, 2, 3, 4.  Pair 1: s0 = 0 + 1 + 0 = 1;  s1 = 0 + 2 + 1 = 3.
    //                  Pair 2: s0 = 1 + 3 + 3 = 7;  s1 = 3 + 4 + 7 = 14.
    long c = WalChecksum.update(true, 0, 0, WORDS, 0, 16);
    assertEquals(7, WalChecksum.s0(c));
    assertEquals(14, WalChecksum.s1(c));
  }

  @Test
  void update_littleEndianWords_knownAnswer() {
    // The same bytes read little-endian: x = 0x01000000, 0x02000000, 0x03000000, 0x04000000.
    // Pair 1: s0 = 0x01000000;  s1 = 0x02000000 + 0x01000000 = 0x03000000.
    // Pair 2: s0 = 0x01000000 + 0x03000000 + 0x03000000 = 0x07000000;
    //         s1 = 0x03000000 + 0x04000000 + 0x07000000 = 0x0e000000.
    long c = WalChecksum.update(false, 0, 0, WORDS, 0, 16);
    assertEquals(0x07000000, WalChecksum.s0(c));
    assertEquals(0x0e000000, WalChecksum.s1(c));
  }

  @Test
  void update_wrapsModulo2to32() {
    byte[] ff = {-1, -1, -1, -1, -1, -1, -1, -1};
    // s0 = 0xffffffff;  s1 = 0xffffffff + 0xffffffff = 0x1fffffffe -> 0xfffffffe.
    long c = WalChecksum.update(true, 0, 0, ff, 0, 8);
    assertEquals(0xffffffff, WalChecksum.s0(c));
    assertEquals(0xfffffffe, WalChecksum.s1(c));
    // Starting from (1, 1): s0 = 1 + 0xffffffff + 1 = 1;  s1 = 1 + 0xffffffff + 1 = 1.
    c = WalChecksum.update(false, 1, 1, ff, 0, 8);
    assertEquals(1, WalChecksum.s0(c));
    assertEquals(1, WalChecksum.s1(c));
  }

  @Test
  void update_chained_equalsOnePass() {
    byte[] b = Wals.page(4096, 7);
    for (boolean be : new boolean[] {true, false}) {
      long whole = WalChecksum.update(be, WalChecksum.INITIAL, b, 0, 4096);
      long first = WalChecksum.update(be, WalChecksum.INITIAL, b, 0, 1000);
      assertEquals(whole, WalChecksum.update(be, first, b, 1000, 3096));
      long a = WalChecksum.update(be, 0x1234, 0x5678, b, 8, 64);
      assertEquals(a, WalChecksum.update(be, WalChecksum.pack(0x1234, 0x5678), b, 8, 64));
    }
  }

  @Test
  void update_randomInput_matchesReferenceFromDefinition() {
    Random r = new Random(42);
    for (int i = 0; i < 200; i++) {
      int len = 8 * r.nextInt(200);
      int off = r.nextInt(16);
      byte[] b = new byte[off + len + r.nextInt(16)];
      r.nextBytes(b);
      long start = r.nextLong();
      for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
        assertEquals(
            Wals.referencePacked(order, start, b, off, len),
            WalChecksum.update(order == ByteOrder.BIG_ENDIAN, start, b, off, len),
            "len " + len + " off " + off + " " + order);
      }
    }
  }

  @Test
  void update_emptyRange_returnsStart() {
    assertEquals(WalChecksum.pack(3, -4), WalChecksum.update(true, 3, -4, new byte[0], 0, 0));
  }

  @Test
  void update_lengthNotMultipleOf8_rejected() {
    assertThrows(IllegalArgumentException.class, () -> WalChecksum.update(true, 0L, WORDS, 0, 12));
  }

  @Test
  void update_rangeOutsideArray_rejected() {
    assertThrows(
        IndexOutOfBoundsException.class, () -> WalChecksum.update(false, 0L, WORDS, 16, 8));
  }

  @Test
  void pack_roundTripsBothWords() {
    long c = WalChecksum.pack(0x80000001, 0xfffffffe);
    assertEquals(0x80000001, WalChecksum.s0(c));
    assertEquals(0xfffffffe, WalChecksum.s1(c));
    assertEquals(0x80000001fffffffeL, c);
  }
}
