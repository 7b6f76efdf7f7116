package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A view of one b-tree page: header accessors, cell lookup and in-place cell insertion/removal with
 * SQLite's free-space management. Instances are cheap and reusable ({@link #reset}).
 *
 * <p>B-tree page header, at offset 0 (offset 100 on page 1):
 *
 * <pre>
 * OFFSET SIZE MEANING
 *      0    1 page type: 0x02 index interior, 0x05 table interior, 0x0A index leaf, 0x0D table leaf
 *      1    2 offset of the first freeblock, 0 if none
 *      3    2 number of cells
 *      5    2 start of the cell content area (0 means 65536)
 *      7    1 number of fragmented free bytes in the cell content area
 *      8    4 right-most child page number (interior pages only)
 * </pre>
 *
 * The cell pointer array (2-byte offsets, in key order) follows the 8-byte (leaf) or 12-byte
 * (interior) header; cells are allocated from the end of the usable area downwards.
 *
 * <p>Freeblock (unused space of 4 or more bytes inside the content area):
 *
 * <pre>
 * OFFSET SIZE MEANING
 *      0    2 offset of the next freeblock (strictly ascending, 0 ends the chain)
 *      2    2 size of this freeblock in bytes, including this 4-byte header
 * </pre>
 *
 * Invariants kept here: freeblocks are in ascending order and never adjacent (closer than 4 bytes
 * are merged, absorbing the fragment bytes between them); every byte of the content area belongs to
 * exactly one cell, freeblock or fragment; fragments total at most 60 bytes.
 */
final class BTreePage {
  static final int INDEX_INTERIOR = 0x02;
  static final int TABLE_INTERIOR = 0x05;
  static final int INDEX_LEAF = 0x0A;
  static final int TABLE_LEAF = 0x0D;

  static final int LEAF_HEADER = 8;
  static final int INTERIOR_HEADER = 12;
  private static final int MAX_FRAGMENTED = 57;

  private Page page;
  private byte[] d;
  private int hdr;
  private int usable;

  BTreePage() {}

  BTreePage(Page page, int usable) {
    reset(page, usable);
  }

  /** Points this view at {@code page}. */
  BTreePage reset(Page page, int usable) {
    this.page = page;
    this.d = page.data();
    this.hdr = page.number() == 1 ? 100 : 0;
    this.usable = usable;
    return this;
  }

  Page page() {
    return page;
  }

  int pgno() {
    return page.number();
  }

  byte[] data() {
    return d;
  }

  /** Offset of the b-tree page header: 100 on page 1, else 0. */
  int headerOffset() {
    return hdr;
  }

  int usable() {
    return usable;
  }

  int type() {
    return d[hdr] & 0xff;
  }

  boolean isLeaf() {
    return (d[hdr] & 0x08) != 0;
  }

  /** Whether the type byte is a table b-tree type (0x05 or 0x0D). */
  boolean isTablePage() {
    int t = type();
    return t == TABLE_LEAF || t == TABLE_INTERIOR;
  }

  int headerSize() {
    return isLeaf() ? LEAF_HEADER : INTERIOR_HEADER;
  }

  int cellCount() {
    return BigEndian.u16(d, hdr + 3);
  }

  int rightChild() {
    return BigEndian.i32(d, hdr + 8);
  }

  /** The offset of cell {@code i}. */
  int cellOffset(int i) {
    int off = BigEndian.u16(d, hdr + headerSize() + 2 * i);
    if (off < hdr + headerSize() || off > usable - CellCodec.MIN_CELL_SIZE) {
      throw CellCodec.corrupt("cell pointer " + off + " out of range on page " + pgno());
    }
    return off;
  }

  /** Child page for index {@code i} in 0..cellCount(): a cell's left child, or the right child. */
  int childAt(int i) {
    return i < cellCount() ? BigEndian.i32(d, cellOffset(i)) : rightChild();
  }

  /** The rowid key of cell {@code i} (table leaf or table interior page). */
  long keyAt(int i) {
    int off = cellOffset(i);
    if (off > usable - 2 * Varint.MAX_LENGTH) {
      checkLeadingVarints(off);
    }
    return isLeaf() ? CellCodec.leafRowid(d, off) : CellCodec.interiorKey(d, off);
  }

  /** The on-page size of the cell at offset {@code off}. */
  int cellSizeAt(int off) {
    if (!isTablePage()) {
      return IndexCellCodec.cellSize(d, off, !isLeaf(), usable, pgno());
    }
    if (isLeaf()) {
      return CellCodec.leafCellSize(d, off, usable, pgno());
    }
    if (off > usable - 4 - Varint.MAX_LENGTH) {
      checkLeadingVarints(off);
    }
    return CellCodec.interiorCellSize(d, off);
  }

  /**
   * Throws CORRUPT unless the varints at the start of the table cell at {@code off} (payload size
   * and rowid on a leaf, the key after the child pointer on an interior page) end inside the usable
   * area. Only cells near the page end need the check: elsewhere no varint can run past it.
   */
  private void checkLeadingVarints(int off) {
    int p = isLeaf() ? off : off + 4;
    int n = Varint.lengthWithin(d, p, usable);
    if (n > 0 && isLeaf()) {
      n = Varint.lengthWithin(d, p + n, usable);
    }
    if (n < 0) {
      throw CellCodec.corrupt("cell at offset " + off + " extends past the page end on page " + pgno());
    }
  }

  /**
   * O(1) sanity checks of the header, for a page a cursor is about to read: the cell pointer array
   * ends at or before the start of the cell content area, which lies inside the usable area.
   * Together with {@link #cellOffset}'s range check this keeps every read inside the page.
   *
   * @throws dev.pagoda.pager.StorageException CORRUPT naming the page
   */
  void checkHeader() {
    int top = contentStart();
    if (pointerArrayEnd() > top || top > usable) {
      throw CellCodec.corrupt(
          "page " + pgno() + " header is damaged: " + cellCount() + " cells, content area at " + top
              + ", usable size " + usable);
    }
  }

  /** A fresh copy of cell {@code i}'s bytes. */
  byte[] copyCell(int i) {
    int off = cellOffset(i);
    int size = cellSizeAt(off);
    if (off + size > usable) {
      throw CellCodec.corrupt("cell extends past the page end on page " + pgno());
    }
    return Arrays.copyOfRange(d, off, off + size);
  }

  /** Copies of all cells, in order. */
  List<byte[]> copyCells() {
    int n = cellCount();
    List<byte[]> cells = new ArrayList<>(n + 1);
    for (int i = 0; i < n; i++) {
      cells.add(copyCell(i));
    }
    return cells;
  }

  private int contentStart() {
    return ((BigEndian.u16(d, hdr + 5) - 1) & 0xffff) + 1;
  }

  private int pointerArrayEnd() {
    return hdr + headerSize() + 2 * cellCount();
  }

  /** Total free bytes: the unallocated gap plus all freeblocks plus fragments. */
  int freeSpace() {
    int top = contentStart();
    int gap = pointerArrayEnd();
    if (gap > top) {
      throw CellCodec.corrupt("cell pointer array overlaps content on page " + pgno());
    }
    int total = top - gap + (d[hdr + 7] & 0xff);
    int pc = BigEndian.u16(d, hdr + 1);
    int prevEnd = 0;
    while (pc != 0) {
      if (pc < top || pc > usable - 4 || pc < prevEnd) {
        throw CellCodec.corrupt("bad freeblock chain on page " + pgno());
      }
      int size = BigEndian.u16(d, pc + 2);
      if (size < 4 || pc + size > usable) {
        throw CellCodec.corrupt("bad freeblock size on page " + pgno());
      }
      total += size;
      prevEnd = pc + size + 4;
      pc = BigEndian.u16(d, pc);
    }
    return total;
  }

  /**
   * Inserts {@code cell} as cell number {@code idx}, if there is room (defragmenting if the free
   * space is not contiguous). The page must be writable. Returns false, changing nothing, when the
   * page does not have {@code cell.length + 2} free bytes.
   */
  boolean insertCell(int idx, byte[] cell) {
    int n = cellCount();
    if (freeSpace() < cell.length + 2) {
      return false;
    }
    int off = allocateSpace(cell.length);
    System.arraycopy(cell, 0, d, off, cell.length);
    int ptr = hdr + headerSize() + 2 * idx;
    System.arraycopy(d, ptr, d, ptr + 2, 2 * (n - idx));
    BigEndian.putU16(d, ptr, off);
    BigEndian.putU16(d, hdr + 3, n + 1);
    return true;
  }

  /** Removes cell {@code idx}, returning its space to the freeblock list. The page must be writable. */
  void dropCell(int idx) {
    int n = cellCount();
    int off = cellOffset(idx);
    int size = cellSizeAt(off);
    if (off + size > usable) {
      throw CellCodec.corrupt("cell extends past the page end on page " + pgno());
    }
    freeSpace(off, size);
    if (n == 1) {
      d[hdr + 1] = 0;
      d[hdr + 2] = 0;
      d[hdr + 3] = 0;
      d[hdr + 4] = 0;
      d[hdr + 7] = 0;
      BigEndian.putU16(d, hdr + 5, usable);
      return;
    }
    int ptr = hdr + headerSize() + 2 * idx;
    System.arraycopy(d, ptr + 2, d, ptr, 2 * (n - 1 - idx));
    BigEndian.putU16(d, hdr + 3, n - 1);
  }

  /**
   * Rewrites the page from scratch with the given type, cells (packed at the end of the usable
   * area, no freeblocks, no fragments) and, for interior types, right child. The page must be
   * writable and the cells must fit.
   */
  void rebuild(int type, List<byte[]> cells, int rightChild) {
    boolean leaf = (type & 0x08) != 0;
    int hs = leaf ? LEAF_HEADER : INTERIOR_HEADER;
    int ptr = hdr + hs;
    int top = usable;
    int n = cells.size();
    if (ptr + 2 * n > usable) {
      throw new IllegalStateException("too many cells for page " + pgno());
    }
    d[hdr] = (byte) type;
    BigEndian.putU16(d, hdr + 1, 0);
    BigEndian.putU16(d, hdr + 3, n);
    d[hdr + 7] = 0;
    if (!leaf) {
      BigEndian.putI32(d, hdr + 8, rightChild);
    }
    for (int i = 0; i < n; i++) {
      byte[] c = cells.get(i);
      top -= c.length;
      if (top < ptr + 2 * n) {
        throw new IllegalStateException("cells do not fit on page " + pgno());
      }
      System.arraycopy(c, 0, d, top, c.length);
      BigEndian.putU16(d, ptr + 2 * i, top);
    }
    Arrays.fill(d, ptr + 2 * n, top, (byte) 0);
    BigEndian.putU16(d, hdr + 5, top);
  }

  /** Rewrites the page with its own cells packed together (removes freeblocks and fragments). */
  void defragment() {
    rebuild(type(), copyCells(), isLeaf() ? 0 : rightChild());
  }

  /** Allocates {@code size} bytes of cell content, as SQLite's allocateSpace; returns the offset. */
  private int allocateSpace(int size) {
    int gap = pointerArrayEnd();
    int top = contentStart();
    if (BigEndian.u16(d, hdr + 1) != 0 && gap + 2 <= top) {
      int slot = findSlot(size);
      if (slot > 0) {
        return slot;
      }
    }
    if (gap + 2 + size > top) {
      defragment();
      top = contentStart();
    }
    top -= size;
    BigEndian.putU16(d, hdr + 5, top);
    return top;
  }

  /** First-fit search of the freeblock list (SQLite's pageFindSlot); returns 0 when none fits. */
  private int findSlot(int size) {
    int prev = hdr + 1;
    int pc = BigEndian.u16(d, prev);
    int maxPc = usable - size;
    while (pc != 0 && pc <= maxPc) {
      int blockSize = BigEndian.u16(d, pc + 2);
      int x = blockSize - size;
      if (x >= 0) {
        if (x < 4) {
          if ((d[hdr + 7] & 0xff) > MAX_FRAGMENTED) {
            return 0;
          }
          BigEndian.putU16(d, prev, BigEndian.u16(d, pc));
          d[hdr + 7] = (byte) ((d[hdr + 7] & 0xff) + x);
          return pc;
        }
        BigEndian.putU16(d, pc + 2, x);
        return pc + x;
      }
      int next = BigEndian.u16(d, pc);
      if (next != 0 && next <= pc) {
        throw CellCodec.corrupt("freeblock chain out of order on page " + pgno());
      }
      prev = pc;
      pc = next;
    }
    return 0;
  }

  /**
   * Returns {@code [start, start+size)} to the freeblock list, merging with neighbouring freeblocks
   * (and the fragment bytes between them) and with the unallocated gap, as SQLite's freeSpace.
   */
  private void freeSpace(int start, int size) {
    int iStart = start;
    int iEnd = start + size;
    int iSize = size;
    int ptr = hdr + 1;
    int freeBlk = BigEndian.u16(d, ptr);
    if (freeBlk != 0) {
      while (freeBlk != 0 && freeBlk < iStart) {
        if (freeBlk <= ptr && ptr != hdr + 1) {
          throw CellCodec.corrupt("freeblock chain out of order on page " + pgno());
        }
        ptr = freeBlk;
        freeBlk = BigEndian.u16(d, ptr);
      }
      if (freeBlk > usable - 4) {
        throw CellCodec.corrupt("freeblock out of range on page " + pgno());
      }
      int frag = 0;
      if (freeBlk != 0 && iEnd + 3 >= freeBlk) {
        if (iEnd > freeBlk) {
          throw CellCodec.corrupt("freeblock overlaps a cell on page " + pgno());
        }
        frag = freeBlk - iEnd;
        iEnd = freeBlk + BigEndian.u16(d, freeBlk + 2);
        iSize = iEnd - iStart;
        freeBlk = BigEndian.u16(d, freeBlk);
      }
      if (ptr > hdr + 1) {
        int ptrEnd = ptr + BigEndian.u16(d, ptr + 2);
        if (ptrEnd + 3 >= iStart) {
          if (ptrEnd > iStart) {
            throw CellCodec.corrupt("freeblock overlaps a cell on page " + pgno());
          }
          frag += iStart - ptrEnd;
          iSize = iEnd - ptr;
          iStart = ptr;
        }
      }
      if (frag > (d[hdr + 7] & 0xff)) {
        throw CellCodec.corrupt("fragment count too small on page " + pgno());
      }
      d[hdr + 7] = (byte) ((d[hdr + 7] & 0xff) - frag);
    }
    int top = contentStart();
    if (iStart <= top) {
      if (iStart < top || ptr != hdr + 1) {
        throw CellCodec.corrupt("freed space below the content area on page " + pgno());
      }
      BigEndian.putU16(d, hdr + 1, freeBlk);
      BigEndian.putU16(d, hdr + 5, iEnd);
    } else {
      BigEndian.putU16(d, ptr, iStart);
      BigEndian.putU16(d, iStart, freeBlk);
      BigEndian.putU16(d, iStart + 2, iSize);
    }
  }
}
