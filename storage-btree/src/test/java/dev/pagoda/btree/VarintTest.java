package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VarintTest {
  private static final long[] VALUES = {
    0, 1, 127, 128, 240, 2287, 16383, 16384, 2097151, 2097152, (1L << 28) - 1, 1L << 28,
    (1L << 35) - 1, 1L << 35, (1L << 42) - 1, 1L << 42, (1L << 49) - 1, 1L << 49,
    (1L << 56) - 1, 1L << 56, Long.MAX_VALUE, -1, Long.MIN_VALUE, -123456789L
  };

  @Test
  void putThenGet_roundTripsEveryLengthBoundary() {
    byte[] buf = new byte[20];
    for (long v : VALUES) {
      int n = Varint.put(buf, 3, v);
      assertEquals(Varint.sizeOf(v), n, "size of " + v);
      assertEquals(n, Varint.length(buf, 3), "length of " + v);
      assertEquals(v, Varint.get(buf, 3), "value " + v);
    }
  }

  @Test
  void sizeOf_matchesSqliteLengthRules() {
    assertEquals(1, Varint.sizeOf(127));
    assertEquals(2, Varint.sizeOf(128));
    assertEquals(2, Varint.sizeOf(16383));
    assertEquals(3, Varint.sizeOf(16384));
    assertEquals(8, Varint.sizeOf((1L << 56) - 1));
    assertEquals(9, Varint.sizeOf(1L << 56));
    assertEquals(9, Varint.sizeOf(-1));
  }

  @Test
  void put_encodesKnownBytes() {
    byte[] buf = new byte[9];
    assertEquals(2, Varint.put(buf, 0, 128));
    assertArrayEquals(new byte[] {(byte) 0x81, 0x00}, java.util.Arrays.copyOf(buf, 2));
    assertEquals(9, Varint.put(buf, 0, -1));
    for (int i = 0; i < 9; i++) {
      assertEquals((byte) 0xff, buf[i]);
    }
  }
}
