package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import java.util.Arrays;

/**
 * The integrity checker's view of one b-tree page: a header validated without trusting any field
 * (SQLite's btreeInitPage and btreeComputeFreeSpace), the freeblock chain, and the check that cells,
 * freeblocks and fragments cover the cell content area exactly once. Never throws on damaged bytes:
 * it reports through the {@link CheckContext} and says whether the page can be read further.
 */
final class PageLayout {
  final int pgno;
  final byte[] d;
  final int hdr;
  final int type;
  final boolean leaf;
  final int nCell;
  /** Offset of the cell pointer array. */
  final int cellStart;
  /** Start of the cell content area. */
  final int top;
  final int fragmented;
  private int[] freeblocks = new int[8];
  private int nFreeblocks;

  private PageLayout(int pgno, byte[] d) {
    this.pgno = pgno;
    this.d = d;
    this.hdr = pgno == 1 ? 100 : 0;
    this.type = d[hdr] & 0xff;
    this.leaf = (type & 0x08) != 0;
    this.nCell = BigEndian.u16(d, hdr + 3);
    this.cellStart = hdr + (leaf ? BTreePage.LEAF_HEADER : BTreePage.INTERIOR_HEADER);
    this.top = ((BigEndian.u16(d, hdr + 5) - 1) & 0xffff) + 1;
    this.fragmented = d[hdr + 7] & 0xff;
  }

  /**
   * Reads and validates the header of page {@code pgno} of a table ({@code index} false) or index
   * b-tree. Returns null, after reporting why, when the page cannot be checked further.
   */
  static PageLayout read(CheckContext ck, int pgno, byte[] d, boolean index) {
    PageLayout l = new PageLayout(pgno, d);
    String problem = l.headerProblem(index, d.length, ck.usable);
    if (problem == null) {
      problem = l.readFreeblocks(ck.usable);
    }
    if (problem != null) {
      ck.error(problem);
      return null;
    }
    return l;
  }

  int rightChild() {
    return BigEndian.i32(d, hdr + 8);
  }

  /** The offset stored in cell pointer {@code i}. */
  int cellPointer(int i) {
    return BigEndian.u16(d, cellStart + 2 * i);
  }

  private String headerProblem(boolean index, int pageSize, int usable) {
    if (type != BTreePage.TABLE_LEAF && type != BTreePage.TABLE_INTERIOR
        && type != BTreePage.INDEX_LEAF && type != BTreePage.INDEX_INTERIOR) {
      return "page type " + hex(type) + " is not a b-tree page type";
    }
    boolean tablePage = type == BTreePage.TABLE_LEAF || type == BTreePage.TABLE_INTERIOR;
    if (tablePage == index) {
      return (tablePage ? "table" : "index") + " b-tree page (type " + hex(type) + ") in "
          + (index ? "an index" : "a table") + " b-tree";
    }
    if (nCell > (pageSize - 8) / 6) {
      return "too many cells (" + nCell + ") for a page of " + pageSize + " bytes";
    }
    if (top > usable) {
      return "cell content area starts at " + top + ", past the usable size " + usable;
    }
    if (cellStart + 2 * nCell > top) {
      return "cell pointer array (" + nCell + " cells, ending at " + (cellStart + 2 * nCell)
          + ") overlaps the cell content area at " + top;
    }
    return null;
  }

  /** Walks the freeblock chain (bounded: offsets strictly ascend); returns a problem or null. */
  private String readFreeblocks(int usable) {
    int pc = BigEndian.u16(d, hdr + 1);
    if (pc == 0) {
      return null;
    }
    if (pc < top) {
      return "free space corruption: first freeblock at " + pc + " is before the cell content area at " + top;
    }
    long free = fragmented;
    while (true) {
      if (pc > usable - 4) {
        return "free space corruption: freeblock at " + pc + " is past the usable area";
      }
      int next = BigEndian.u16(d, pc);
      int size = BigEndian.u16(d, pc + 2);
      if (size < 4 || pc + size > usable) {
        return "free space corruption: freeblock at " + pc + " has size " + size;
      }
      addFreeblock(pc, size);
      free += size;
      if (next == 0) {
        break;
      }
      if (next <= pc + size + 3) {
        return "free space corruption: freeblock at " + next + " does not follow the freeblock at " + pc
            + " (" + size + " bytes) in ascending order";
      }
      pc = next;
    }
    if (free > usable - top) {
      return "free space corruption: " + free + " free bytes in a cell content area of " + (usable - top);
    }
    return null;
  }

  private void addFreeblock(int pc, int size) {
    if (2 * nFreeblocks == freeblocks.length) {
      freeblocks = Arrays.copyOf(freeblocks, 2 * freeblocks.length);
    }
    freeblocks[2 * nFreeblocks] = pc;
    freeblocks[2 * nFreeblocks + 1] = size;
    nFreeblocks++;
  }

  /**
   * Checks that the {@code n} cell extents in {@code spans} (see {@link #span}) and the freeblocks
   * never share a byte, and that the bytes they leave uncovered in the content area equal the
   * fragment count in the header. Reports without a prefix, as SQLite does.
   */
  void checkCoverage(CheckContext ck, long[] spans, int n, int usable) {
    long[] all = Arrays.copyOf(spans, n + nFreeblocks);
    for (int i = 0; i < nFreeblocks; i++) {
      all[n + i] = span(freeblocks[2 * i], freeblocks[2 * i + 1]);
    }
    Arrays.sort(all);
    int prevEnd = top - 1;
    int frag = 0;
    for (long s : all) {
      int start = (int) (s >>> 32);
      int end = (int) s;
      if (start <= prevEnd) {
        ck.error("Multiple uses for byte " + start + " of page " + pgno);
        return;
      }
      frag += start - prevEnd - 1;
      prevEnd = end;
    }
    frag += usable - prevEnd - 1;
    if (frag != fragmented) {
      ck.error("Fragmentation of " + frag + " bytes reported as " + fragmented + " on page " + pgno);
    }
  }

  /** The extent [start, start+size-1] packed for sorting by start. */
  static long span(int start, int size) {
    return ((long) start << 32) | (start + size - 1);
  }

  private static String hex(int type) {
    return String.format("0x%02x", type);
  }
}
