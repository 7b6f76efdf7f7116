package dev.pagoda.wal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * SQLite's WAL checksum ({@code walChecksumBytes} in SQLite's {@code wal.c}). The input is read as
 * 32-bit words {@code x[0..n)}, n even, and for each pair:
 *
 * <pre>
 *   s0 += x[i]   + s1;
 *   s1 += x[i+1] + s0;      (unsigned 32-bit arithmetic, wrapping)
 * </pre>
 *
 * starting from a previous checksum ({@code (0, 0)} for the WAL header). The words are read
 * big-endian when the WAL magic is {@link WalHeader#MAGIC_BIG_ENDIAN 0x377f0683} and little-endian
 * when it is {@link WalHeader#MAGIC_LITTLE_ENDIAN 0x377f0682}; the resulting checksum is always
 * <em>stored</em> big-endian.
 *
 * <p>A checksum {@code (s0, s1)} travels as one {@code long}, {@code s0} in the high 32 bits and
 * {@code s1} in the low 32 bits (see {@link #pack}, {@link #s0}, {@link #s1}), so chaining is
 * allocation-free: {@code c = update(be, c, frameHeader, 0, 8); c = update(be, c, page, 0, P);}.
 */
public final class WalChecksum {
  /** The starting checksum {@code (0, 0)}, used for the WAL header. */
  public static final long INITIAL = 0L;

  private static final VarHandle BIG =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LITTLE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private WalChecksum() {}

  /**
   * Extends the checksum {@code (s0, s1)} over {@code b[off, off + len)} and returns the new pair
   * packed as {@code s0 << 32 | s1}.
   *
   * @throws IllegalArgumentException when {@code len} is not a multiple of 8
   * @throws IndexOutOfBoundsException when the range is outside {@code b}
   */
  public static long update(boolean bigEndian, int s0, int s1, byte[] b, int off, int len) {
    if ((len & 7) != 0) {
      throw new IllegalArgumentException("length must be a multiple of 8: " + len);
    }
    Objects.checkFromIndexSize(off, len, b.length);
    int end = off + len;
    if (bigEndian) {
      for (int i = off; i < end; i += 8) {
        s0 += (int) BIG.get(b, i) + s1;
        s1 += (int) BIG.get(b, i + 4) + s0;
      }
    } else {
      for (int i = off; i < end; i += 8) {
        s0 += (int) LITTLE.get(b, i) + s1;
        s1 += (int) LITTLE.get(b, i + 4) + s0;
      }
    }
    return pack(s0, s1);
  }

  /** Extends the packed checksum {@code checksum} over {@code b[off, off + len)}. */
  public static long update(boolean bigEndian, long checksum, byte[] b, int off, int len) {
    return update(bigEndian, s0(checksum), s1(checksum), b, off, len);
  }

  /** Packs {@code (s0, s1)} into one long. */
  public static long pack(int s0, int s1) {
    return ((long) s0 << 32) | (s1 & 0xffffffffL);
  }

  /** The first checksum word (stored at the lower offset). */
  public static int s0(long checksum) {
    return (int) (checksum >>> 32);
  }

  /** The second checksum word (stored at the higher offset). */
  public static int s1(long checksum) {
    return (int) checksum;
  }
}
