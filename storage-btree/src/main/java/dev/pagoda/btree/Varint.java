package dev.pagoda.btree;

/**
 * SQLite variable-length integers: 1 to 9 bytes, big-endian. Bytes 1..8 contribute their low 7 bits
 * and have the high bit set when another byte follows; a 9th byte contributes all 8 bits. Negative
 * values always take 9 bytes. Public because the record format above the B-tree (in the
 * executor) uses the same encoding.
 */
public final class Varint {
  /** The maximum encoded length. */
  public static final int MAX_LENGTH = 9;

  private Varint() {}

  /** Decodes the varint at {@code off}. */
  public static long get(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      int x = b[off + i] & 0xff;
      v = (v << 7) | (x & 0x7f);
      if (x < 0x80) {
        return v;
      }
    }
    return (v << 8) | (b[off + 8] & 0xff);
  }

  /** The encoded length of the varint at {@code off}. */
  public static int length(byte[] b, int off) {
    for (int i = 0; i < 8; i++) {
      if ((b[off + i] & 0x80) == 0) {
        return i + 1;
      }
    }
    return 9;
  }

  /**
   * The encoded length of the varint at {@code off}, or -1 when it does not end at or before
   * {@code end} (damaged input: the varint runs past the bytes that may hold it). Reads no byte at
   * or after {@code end} or the array's end.
   */
  public static int lengthWithin(byte[] b, int off, int end) {
    if (off < 0) {
      return -1;
    }
    int max = Math.min(MAX_LENGTH, Math.min(end, b.length) - off);
    for (int i = 0; i < max; i++) {
      if (i == MAX_LENGTH - 1 || (b[off + i] & 0x80) == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The number of bytes needed to encode {@code v}. */
  public static int sizeOf(long v) {
    if ((v & 0xff00000000000000L) != 0) {
      return 9;
    }
    int n = 1;
    long x = v >>> 7;
    while (x != 0) {
      n++;
      x >>>= 7;
    }
    return n;
  }

  /** Encodes {@code v} at {@code off}; returns the number of bytes written. */
  public static int put(byte[] b, int off, long v) {
    long x = v;
    if ((x & 0xff00000000000000L) != 0) {
      b[off + 8] = (byte) x;
      x >>>= 8;
      for (int i = 7; i >= 0; i--) {
        b[off + i] = (byte) ((x & 0x7f) | 0x80);
        x >>>= 7;
      }
      return 9;
    }
    int n = sizeOf(x);
    for (int i = n - 1; i >= 0; i--) {
      b[off + i] = (byte) ((x & 0x7f) | 0x80);
      x >>>= 7;
    }
    b[off + n - 1] &= 0x7f;
    return n;
  }
}
