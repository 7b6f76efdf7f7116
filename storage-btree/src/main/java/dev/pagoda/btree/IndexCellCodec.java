package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.StorageException;
import java.util.Arrays;

/**
 * Encoding and decoding of index b-tree cells. An index entry is an opaque payload (for SQL
 * indexes, a record of the key columns followed by the rowid); there is no separate key.
 *
 * <p>Index leaf cell (page type 0x0A):
 *
 * <pre>
 * OFFSET   SIZE  MEANING
 *      0   1..9  varint P: total payload size in bytes
 *      .      L  the first L bytes of the payload (L = P when P &lt;= X, see {@link #localSize})
 *      .      4  page number of the first overflow page; present only when L &lt; P
 * </pre>
 *
 * A leaf cell shorter than 4 bytes is padded to 4 bytes, as table leaf cells are.
 *
 * <p>Index interior cell (page type 0x02): the same bytes after a 4-byte left child pointer.
 *
 * <pre>
 * OFFSET   SIZE  MEANING
 *      0      4  page number of the left child (holds entries that sort before this one)
 *      4   1..9  varint P: total payload size in bytes
 *      .      L  the first L bytes of the payload
 *      .      4  page number of the first overflow page; present only when L &lt; P
 * </pre>
 *
 * Leaf and interior index cells use the same local size, so an entry moves between the two page
 * kinds by adding or removing the child pointer; its overflow chain moves with it unchanged.
 */
final class IndexCellCodec {
  /** Bytes of the left child pointer at the start of an interior cell. */
  static final int CHILD_POINTER = 4;

  private IndexCellCodec() {}

  /** X = ((U-12)*64/255)-23: the largest payload kept wholly on an index page. */
  static int maxLocal(int u) {
    return ((u - 12) * 64 / 255) - 23;
  }

  /**
   * The number of payload bytes stored on an index page (leaf or interior) for a payload of {@code
   * p} bytes when the usable page size is {@code u}: with X = {@link #maxLocal} and M =
   * ((U-12)*32/255)-23, P if P &lt;= X, else K = M+((P-M) mod (U-4)) if K &lt;= X, else M.
   */
  static int localSize(long p, int u) {
    int x = maxLocal(u);
    if (p <= x) {
      return (int) p;
    }
    int m = ((u - 12) * 32 / 255) - 23;
    long k = m + ((p - m) % (u - 4));
    return k <= x ? (int) k : m;
  }

  /**
   * Parses the index cell at {@code off} of page {@code pgno} ({@code interior}: with a leading
   * child pointer) into {@code out}; {@code out.headerSize} is the offset of the payload from the
   * cell start.
   *
   * @throws dev.pagoda.pager.StorageException CORRUPT when the cell does not fit the usable area
   */
  static void parse(byte[] d, int off, boolean interior, int usable, int pgno, CellInfo out) {
    int at = off + (interior ? CHILD_POINTER : 0);
    int varLen = checkedVarintLength(d, at, usable, pgno);
    long payload = checkedPayloadSize(d, at, off, pgno);
    int local = localSize(payload, usable);
    int start = at + varLen;
    int end = start + local;
    out.overflowPage = 0;
    if (local < payload) {
      if (end + CellCodec.OVERFLOW_POINTER > usable) {
        throw pastEnd(off, pgno);
      }
      out.overflowPage = BigEndian.i32(d, end);
      end += CellCodec.OVERFLOW_POINTER;
    }
    if (end > usable) {
      throw pastEnd(off, pgno);
    }
    out.payloadSize = (int) payload;
    out.rowid = 0;
    out.headerSize = start - off;
    out.localSize = local;
    out.cellSize = Math.max(end - off, CellCodec.MIN_CELL_SIZE);
  }

  /** The on-page size of the index cell at {@code off} of page {@code pgno} (at least 4). */
  static int cellSize(byte[] d, int off, boolean interior, int usable, int pgno) {
    int at = off + (interior ? CHILD_POINTER : 0);
    int varLen = checkedVarintLength(d, at, usable, pgno);
    long payload = checkedPayloadSize(d, at, off, pgno);
    int local = localSize(payload, usable);
    int size = at - off + varLen + local + (local < payload ? CellCodec.OVERFLOW_POINTER : 0);
    return Math.max(size, CellCodec.MIN_CELL_SIZE);
  }

  /**
   * Builds an index leaf cell for {@code payload}, writing the part that does not fit locally to a
   * new overflow chain (requires a write transaction).
   */
  static byte[] leafCell(Pager pager, byte[] payload) {
    int local = localSize(payload.length, pager.usableSize());
    int header = Varint.sizeOf(payload.length);
    boolean overflow = local < payload.length;
    int size = header + local + (overflow ? CellCodec.OVERFLOW_POINTER : 0);
    byte[] cell = new byte[Math.max(size, CellCodec.MIN_CELL_SIZE)];
    int p = Varint.put(cell, 0, payload.length);
    System.arraycopy(payload, 0, cell, p, local);
    if (overflow) {
      BigEndian.putI32(cell, p + local, OverflowChain.write(pager, payload, local));
    }
    return cell;
  }

  /** The interior form of a leaf cell: {@code child}, then the leaf cell without its padding. */
  static byte[] toInterior(byte[] leafCell, int child, int usable) {
    int len = contentLength(leafCell, 0, usable);
    byte[] c = new byte[CHILD_POINTER + len];
    BigEndian.putI32(c, 0, child);
    System.arraycopy(leafCell, 0, c, CHILD_POINTER, len);
    return c;
  }

  /** The leaf form of an interior cell: the cell without its child pointer, padded to 4 bytes. */
  static byte[] toLeaf(byte[] interiorCell, int usable) {
    int len = contentLength(interiorCell, CHILD_POINTER, usable);
    byte[] c = Arrays.copyOfRange(interiorCell, CHILD_POINTER, CHILD_POINTER + len);
    return len >= CellCodec.MIN_CELL_SIZE ? c : Arrays.copyOf(c, CellCodec.MIN_CELL_SIZE);
  }

  /** Bytes of varint, local payload and overflow pointer starting at {@code at} (no padding). */
  private static int contentLength(byte[] cell, int at, int usable) {
    long payload = Varint.get(cell, at);
    int local = localSize(payload, usable);
    return Varint.length(cell, at) + local + (local < payload ? CellCodec.OVERFLOW_POINTER : 0);
  }

  /** The length of the varint at {@code at}, which must end inside the usable area. */
  private static int checkedVarintLength(byte[] d, int at, int usable, int pgno) {
    int n = Varint.lengthWithin(d, at, usable);
    if (n < 0) {
      throw pastEnd(at, pgno);
    }
    return n;
  }

  private static long checkedPayloadSize(byte[] d, int at, int off, int pgno) {
    long payload = Varint.get(d, at);
    if (payload < 0 || payload > Integer.MAX_VALUE) {
      throw CellCodec.corrupt(
          "bad payload size " + payload + " in index cell at offset " + off + " on page " + pgno);
    }
    return payload;
  }

  private static StorageException pastEnd(int off, int pgno) {
    return CellCodec.corrupt("index cell at offset " + off + " extends past the page end on page " + pgno);
  }
}
