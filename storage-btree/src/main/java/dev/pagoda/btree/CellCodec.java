package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.StorageException;

/**
 * Encoding and decoding of table b-tree cells.
 *
 * <p>Table leaf cell (page type 0x0D):
 *
 * <pre>
 * OFFSET   SIZE  MEANING
 *      0   1..9  varint P: total payload size in bytes
 *      .   1..9  varint rowid (signed 64-bit)
 *      .      L  the first L bytes of the payload (L = P when P &lt;= U-35, see {@link #localSize})
 *      .      4  page number of the first overflow page; present only when L &lt; P
 * </pre>
 *
 * A leaf cell shorter than 4 bytes is padded to 4 bytes (SQLite's minimum cell size, so that a
 * freed cell can always hold a freeblock header).
 *
 * <p>Table interior cell (page type 0x05):
 *
 * <pre>
 * OFFSET   SIZE  MEANING
 *      0      4  page number of the left child (holds rowids &lt;= key)
 *      4   1..9  varint key: a rowid
 * </pre>
 */
final class CellCodec {
  /** Size of the overflow page pointer at the end of a cell with overflow. */
  static final int OVERFLOW_POINTER = 4;
  /** Minimum size of a cell on a page. */
  static final int MIN_CELL_SIZE = 4;

  private CellCodec() {}

  /**
   * The number of payload bytes stored on a table leaf page for a payload of {@code p} bytes when
   * the usable page size is {@code u}: with X = U-35 and M = ((U-12)*32/255)-23, P if P &lt;= X,
   * else K = M+((P-M) mod (U-4)) if K &lt;= X, else M.
   */
  static int localSize(long p, int u) {
    int x = u - 35;
    if (p <= x) {
      return (int) p;
    }
    int m = ((u - 12) * 32 / 255) - 23;
    long k = m + ((p - m) % (u - 4));
    return k <= x ? (int) k : m;
  }

  /**
   * Parses the table leaf cell at {@code off} of page {@code pgno} into {@code out}.
   *
   * @throws StorageException CORRUPT (naming the page) when the cell does not fit the usable area
   */
  static void parseLeaf(byte[] d, int off, int usable, int pgno, CellInfo out) {
    int n1 = Varint.lengthWithin(d, off, usable);
    int n2 = n1 < 0 ? -1 : Varint.lengthWithin(d, off + n1, usable);
    if (n2 < 0) {
      throw corrupt("cell at offset " + off + " extends past the page end on page " + pgno);
    }
    long payload = Varint.get(d, off);
    long rowid = Varint.get(d, off + n1);
    int p = off + n1 + n2;
    if (payload < 0 || payload > Integer.MAX_VALUE) {
      throw corrupt("bad payload size " + payload + " in cell at offset " + off + " on page " + pgno);
    }
    int local = localSize(payload, usable);
    long size = (long) p - off + local;
    out.overflowPage = 0;
    if (local < payload) {
      if ((long) p + local + OVERFLOW_POINTER > usable) {
        throw corrupt("cell at offset " + off + " extends past the page end on page " + pgno);
      }
      out.overflowPage = BigEndian.i32(d, p + local);
      size += OVERFLOW_POINTER;
    }
    if (off + size > usable) {
      throw corrupt("cell at offset " + off + " extends past the page end on page " + pgno);
    }
    out.payloadSize = (int) payload;
    out.rowid = rowid;
    out.headerSize = p - off;
    out.localSize = local;
    out.cellSize = Math.max((int) size, MIN_CELL_SIZE);
  }

  /** The on-page size of the table leaf cell at {@code off} of page {@code pgno} (at least 4). */
  static int leafCellSize(byte[] d, int off, int usable, int pgno) {
    int n1 = Varint.lengthWithin(d, off, usable);
    int n2 = n1 < 0 ? -1 : Varint.lengthWithin(d, off + n1, usable);
    if (n2 < 0) {
      throw corrupt("cell at offset " + off + " extends past the page end on page " + pgno);
    }
    long payload = Varint.get(d, off);
    if (payload < 0 || payload > Integer.MAX_VALUE) {
      throw corrupt("bad payload size " + payload + " in cell at offset " + off + " on page " + pgno);
    }
    int local = localSize(payload, usable);
    int size = n1 + n2 + local + (local < payload ? OVERFLOW_POINTER : 0);
    return Math.max(size, MIN_CELL_SIZE);
  }

  /** The rowid of the table leaf cell at {@code off}. */
  static long leafRowid(byte[] d, int off) {
    return Varint.get(d, off + Varint.length(d, off));
  }

  /** The on-page size of the table interior cell at {@code off}. */
  static int interiorCellSize(byte[] d, int off) {
    return 4 + Varint.length(d, off + 4);
  }

  /** The key of the table interior cell at {@code off}. */
  static long interiorKey(byte[] d, int off) {
    return Varint.get(d, off + 4);
  }

  /** Builds a table interior cell. */
  static byte[] interiorCell(int leftChild, long key) {
    byte[] c = new byte[4 + Varint.sizeOf(key)];
    BigEndian.putI32(c, 0, leftChild);
    Varint.put(c, 4, key);
    return c;
  }

  /**
   * Builds a table leaf cell for ({@code rowid}, {@code payload}), writing the part of the payload
   * that does not fit locally to a new overflow chain (requires a write transaction).
   */
  static byte[] leafCell(Pager pager, long rowid, byte[] payload) {
    int usable = pager.usableSize();
    int local = localSize(payload.length, usable);
    int header = Varint.sizeOf(payload.length) + Varint.sizeOf(rowid);
    boolean overflow = local < payload.length;
    int size = Math.max(header + local + (overflow ? OVERFLOW_POINTER : 0), MIN_CELL_SIZE);
    byte[] cell = new byte[size];
    int p = Varint.put(cell, 0, payload.length);
    p += Varint.put(cell, p, rowid);
    System.arraycopy(payload, 0, cell, p, local);
    if (overflow) {
      int first = OverflowChain.write(pager, payload, local);
      BigEndian.putI32(cell, p + local, first);
    }
    return cell;
  }

  static StorageException corrupt(String message) {
    return new StorageException(StorageException.Kind.CORRUPT, "database disk image is malformed: " + message);
  }
}
