package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;

/**
 * A cell of any of the four b-tree page kinds, parsed for the integrity checker without trusting
 * its bytes: every varint is bounded by the usable area. Written independently of {@link CellCodec}
 * (the cursors' fast path), so that the checker is a second opinion on the formats:
 *
 * <pre>
 * table leaf (0x0D):     varint P | varint rowid | local payload | [4-byte first overflow page]
 * table interior (0x05): 4-byte left child | varint rowid
 * index leaf (0x0A):     varint P | local payload | [4-byte first overflow page]
 * index interior (0x02): 4-byte left child | varint P | local payload | [4-byte first overflow page]
 * </pre>
 *
 * Local size for usable size U: M = ((U-12)*32/255)-23; X = U-35 on table leaves, ((U-12)*64/255)-23
 * on index pages; P if P &lt;= X, else K = M+((P-M) mod (U-4)) if K &lt;= X, else M. A cell
 * occupies at least 4 bytes.
 */
final class CheckedCell {
  /** {@link #parse} results. */
  static final int OK = 0;
  static final int OFF_PAGE = 1;
  static final int TOO_LARGE = 2;

  /** Bytes the cell occupies on the page. */
  int size;
  /** Total payload bytes (0 on table interior pages). */
  long payload;
  /** Payload bytes stored on the page. */
  int local;
  /** Offset of the local payload. */
  int payloadStart;
  /** The rowid (table pages). */
  long key;
  /** The left child (interior pages). */
  int child;
  /** The first overflow page, 0 when the payload is all local. */
  int overflow;

  /**
   * Parses the cell at {@code pc} of a page of {@code type}: {@link #OK}, {@link #OFF_PAGE} when it
   * runs past the usable area, or {@link #TOO_LARGE} when its payload size is beyond 2^31-1 (which
   * no SQLite cell can have).
   */
  int parse(byte[] d, int pc, int type, int usable) {
    boolean interior = (type & 0x08) == 0;
    boolean table = type == BTreePage.TABLE_LEAF || type == BTreePage.TABLE_INTERIOR;
    int p = pc;
    child = 0;
    if (interior) {
      child = BigEndian.i32(d, p);
      p += 4;
    }
    if (table && interior) {
      int n = Varint.lengthWithin(d, p, usable);
      if (n < 0) {
        return OFF_PAGE;
      }
      key = Varint.get(d, p);
      payload = 0;
      local = 0;
      overflow = 0;
      payloadStart = p + n;
      size = 4 + n;
      return OK;
    }
    int n = Varint.lengthWithin(d, p, usable);
    if (n < 0) {
      return OFF_PAGE;
    }
    payload = Varint.get(d, p);
    p += n;
    if (table) {
      n = Varint.lengthWithin(d, p, usable);
      if (n < 0) {
        return OFF_PAGE;
      }
      key = Varint.get(d, p);
      p += n;
    }
    if (payload < 0 || payload > Integer.MAX_VALUE) {
      return TOO_LARGE;
    }
    return finishPayload(d, pc, p, table, usable);
  }

  private int finishPayload(byte[] d, int pc, int p, boolean table, int usable) {
    payloadStart = p;
    local = localSize(payload, usable, table);
    long end = (long) p + local;
    overflow = 0;
    if (local < payload) {
      if (end + 4 > usable) {
        return OFF_PAGE;
      }
      overflow = BigEndian.i32(d, (int) end);
      end += 4;
    }
    size = (int) Math.max(end - pc, 4);
    return pc + size <= usable ? OK : OFF_PAGE;
  }

  /** Whether part of the payload lives on overflow pages. */
  boolean overflows() {
    return local < payload;
  }

  /** Pages the overflow chain must have: ceil((P - local) / (U - 4)). */
  long overflowPages(int usable) {
    return (payload - local + usable - 5) / (usable - 4);
  }

  static int localSize(long p, int u, boolean tableLeaf) {
    int max = tableLeaf ? u - 35 : ((u - 12) * 64 / 255) - 23;
    if (p <= max) {
      return (int) p;
    }
    int min = ((u - 12) * 32 / 255) - 23;
    long k = min + ((p - min) % (u - 4));
    return k <= max ? (int) k : min;
  }
}
