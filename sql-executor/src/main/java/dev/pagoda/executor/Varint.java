package dev.pagoda.executor;

/**
 * SQLite's variable-length integers: one to nine bytes, big-endian, seven bits a byte with the
 * high bit set on every byte but the last, except that a ninth byte contributes all eight bits.
 */
final class Varint {
  private Varint() {}

  /** The number of bytes {@code v} takes. */
  static int size(long v) {
    if ((v & ~0x7fL) == 0) {
      return 1;
    }
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

  /** Writes {@code v} at {@code pos}; returns the position after it. */
  static int write(byte[] out, int pos, long v) {
    int n = size(v);
    if (n == 9) {
      out[pos + 8] = (byte) v;
      v >>>= 8;
      for (int i = 7; i >= 0; i--) {
        out[pos + i] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      return pos + 9;
    }
    for (int i = n - 1; i >= 0; i--) {
      out[pos + i] = (byte) ((v & 0x7f) | (i == n - 1 ? 0 : 0x80));
      v >>>= 7;
    }
    return pos + n;
  }

  /** Reads the varint at {@code pos}. */
  static long read(byte[] in, int pos) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      byte b = in[pos + i];
      v = (v << 7) | (b & 0x7f);
      if (b >= 0) {
        return v;
      }
    }
    return (v << 8) | (in[pos + 8] & 0xff);
  }

  /** The number of bytes the varint at {@code pos} takes. */
  static int length(byte[] in, int pos) {
    for (int i = 0; i < 8; i++) {
      if (in[pos + i] >= 0) {
        return i + 1;
      }
    }
    return 9;
  }
}
