package dev.pagoda.btree;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Test-only {@link KeyComparator} for SQLite records with BINARY collation and ascending order, as
 * SQLite compares index entries: field by field, NULL &lt; numbers &lt; TEXT &lt; BLOB, integers and
 * reals by value, text and blobs by memcmp then length. A key with fewer fields than the entry
 * compares equal when those fields are equal (a prefix search key).
 */
final class RecordOrder implements KeyComparator {
  static final RecordOrder INSTANCE = new RecordOrder();

  @Override
  public int compare(byte[] key, byte[] entry, int offset, int length) {
    Fields a = new Fields(key, 0, key.length);
    Fields b = new Fields(entry, offset, length);
    while (a.hasNext()) {
      if (!b.hasNext()) {
        return 1;
      }
      int c = compareValues(a.next(), b.next());
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compareValues(Object x, Object y) {
    int cx = rank(x);
    int cy = rank(y);
    if (cx != cy) {
      return Integer.compare(cx, cy);
    }
    if (x == null) {
      return 0;
    }
    if (cx == 1) {
      return toDecimal((Number) x).compareTo(toDecimal((Number) y));
    }
    byte[] bx = x instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) x;
    byte[] by = y instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) y;
    return Arrays.compareUnsigned(bx, by);
  }

  private static BigDecimal toDecimal(Number n) {
    return n instanceof Double d ? new BigDecimal(d) : BigDecimal.valueOf(n.longValue());
  }

  private static int rank(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Number) {
      return 1;
    }
    return v instanceof String ? 2 : 3;
  }

  /** Iterates over the fields of the record at {@code b[off, off+len)}. */
  private static final class Fields {
    private final byte[] b;
    private final int end;
    private int headerPos;
    private final int headerEnd;
    private int bodyPos;

    Fields(byte[] b, int off, int len) {
      this.b = b;
      this.end = off + len;
      int headerLen = (int) Varint.get(b, off);
      this.headerPos = off + Varint.length(b, off);
      this.headerEnd = off + headerLen;
      this.bodyPos = headerEnd;
    }

    boolean hasNext() {
      return headerPos < headerEnd;
    }

    Object next() {
      long t = Varint.get(b, headerPos);
      headerPos += Varint.length(b, headerPos);
      if (t == 0) {
        return null;
      }
      if (t == 8 || t == 9) {
        return t - 8;
      }
      if (t >= 1 && t <= 6) {
        int len = new int[] {0, 1, 2, 3, 4, 6, 8}[(int) t];
        long x = b[bodyPos];
        for (int i = 1; i < len; i++) {
          x = (x << 8) | (b[bodyPos + i] & 0xff);
        }
        bodyPos += len;
        return x;
      }
      if (t == 7) {
        long bits = 0;
        for (int i = 0; i < 8; i++) {
          bits = (bits << 8) | (b[bodyPos + i] & 0xff);
        }
        bodyPos += 8;
        return Double.longBitsToDouble(bits);
      }
      int len = (int) ((t - 12) / 2);
      if (bodyPos + len > end) {
        throw new IllegalArgumentException("record body runs past the entry");
      }
      byte[] v = Arrays.copyOfRange(b, bodyPos, bodyPos + len);
      bodyPos += len;
      return t % 2 == 0 ? v : new String(v, StandardCharsets.UTF_8);
    }
  }
}
