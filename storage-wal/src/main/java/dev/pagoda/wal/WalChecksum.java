package dev.pagoda.wal;

/**
 * SQLite's WAL checksum: over a run of 32-bit words taken two at a time, {@code s0 += x0 + s1;
 * s1 += x1 + s0}, starting from a previous checksum (0, 0 for the WAL header). The words are read
 * big-endian when the WAL magic is {@code 0x377f0683} and little-endian when it is {@code
 * 0x377f0682}.
 */
public final class WalChecksum {
  private WalChecksum() {}

  /**
   * Extends the checksum {@code (s0, s1)} over {@code b[off, off + len)} and returns the new pair
   * packed as {@code s0 << 32 | s1}.
   *
   * @throws IllegalArgumentException when {@code len} is not a multiple of 8
   */
  public static long update(boolean bigEndian, int s0, int s1, byte[] b, int off, int len) {
    if ((len & 7) != 0) {
      throw new IllegalArgumentException("length must be a multiple of 8: " + len);
    }
    for (int i = off; i < off + len; i += 8) {
      s0 += word(bigEndian, b, i) + s1;
      s1 += word(bigEndian, b, i + 4) + s0;
    }
    return ((long) s0 << 32) | (s1 & 0xffffffffL);
  }

  private static int word(boolean bigEndian, byte[] b, int i) {
    if (bigEndian) {
      return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8)
          | (b[i + 3] & 0xff);
    }
    return ((b[i + 3] & 0xff) << 24) | ((b[i + 2] & 0xff) << 16) | ((b[i + 1] & 0xff) << 8)
        | (b[i] & 0xff);
  }
}
