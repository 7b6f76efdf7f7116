package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Page;

/**
 * Checks one b-tree (SQLite's checkTreePage), depth first and right to left: a page's right child
 * first, then its cells from the last to the first, each cell's left child after the cell. Walking
 * right to left lets one number carry every bound: each subtree returns its smallest key, and the
 * key to its left must be smaller (table keys; index entries when a comparator is given).
 *
 * <p>Recursion is bounded by {@link TableCursor#MAX_DEPTH} levels, and every page is visited at
 * most once ({@link CheckContext#checkRef}), so a cyclic or shared child pointer is reported, never
 * followed twice.
 */
final class TreeChecker {
  private final CheckContext ck;
  private final int root;
  private final boolean index;
  private final CheckedCell cell = new CheckedCell();
  private KeyComparator comparator;
  private long entries;
  /** Out-values of {@link #checkPage}: the smallest key / entry in the subtree just checked. */
  private long minKey;
  private byte[] minEntry;

  TreeChecker(CheckContext ck, IntegrityChecker.Root root) {
    this.ck = ck;
    this.root = root.page();
    this.index = root.index();
    this.comparator = root.comparator();
  }

  /** Checks the tree; returns its number of entries (table rows, or index entries). */
  long check() {
    ck.prefixRoot = root;
    ck.prefix(CheckContext.NONE, 0, 0);
    if (ck.autoVacuum && root > 1) {
      ck.checkPtrmap(root, CheckContext.PTRMAP_ROOTPAGE, 0);
    }
    checkPage(root, 0, Long.MAX_VALUE, null);
    return entries;
  }

  /**
   * Checks the subtree at {@code pgno} on {@code level} (0 = root) whose keys must be at most
   * {@code maxKey} (table trees) or below {@code maxEntry} (index trees; null = unbounded). Returns
   * its height counted as SQLite does (leaves 0, a failed page 0 too), and leaves its smallest key in
   * {@link #minKey} / {@link #minEntry}.
   */
  private int checkPage(int pgno, int level, long maxKey, byte[] maxEntry) {
    minKey = maxKey;
    minEntry = maxEntry;
    if (ck.checkRef(pgno)) {
      return 0;
    }
    int savedKind = ck.prefixKind;
    int savedPage = ck.prefixPage;
    int savedCell = ck.prefixCell;
    ck.prefix(CheckContext.PAGE, pgno, 0);
    try {
      if (level > TableCursor.MAX_DEPTH) {
        ck.error("b-tree is deeper than " + TableCursor.MAX_DEPTH + " levels (a cycle of child pointers?)");
        return 0;
      }
      Page page = ck.page(pgno, "unable to get page ");
      PageLayout l = page == null ? null : PageLayout.read(ck, pgno, page.data(), index);
      return l == null ? 0 : checkCells(l, level, maxKey, maxEntry);
    } finally {
      ck.prefix(savedKind, savedPage, savedCell);
    }
  }

  /** The bounds and depth carried right to left across one page's children and cells. */
  private static final class Walk {
    long upper;
    byte[] upperEntry;
    boolean keyCanBeEqual = true;
    int depth = -1;
    boolean coverage = true;
    final long[] spans;
    int nSpans;

    Walk(long upper, byte[] upperEntry, int cells) {
      this.upper = upper;
      this.upperEntry = upperEntry;
      this.spans = new long[cells];
    }
  }

  private int checkCells(PageLayout l, int level, long maxKey, byte[] maxEntry) {
    Walk w = new Walk(maxKey, maxEntry, l.nCell);
    if (!l.leaf) {
      ck.prefix(CheckContext.RIGHT_CHILD, l.pgno, 0);
      if (ck.autoVacuum) {
        ck.checkPtrmap(l.rightChild(), CheckContext.PTRMAP_BTREE, l.pgno);
      }
      w.depth = checkPage(l.rightChild(), level + 1, w.upper, w.upperEntry);
      w.upper = minKey;
      w.upperEntry = minEntry;
      w.keyCanBeEqual = false;
    }
    if (l.leaf || index) {
      entries += l.nCell;
    }
    for (int i = l.nCell - 1; i >= 0 && !ck.full(); i--) {
      ck.prefix(CheckContext.CELL, l.pgno, i);
      checkCell(l, i, level, w);
    }
    ck.prefix(CheckContext.NONE, l.pgno, 0);
    if (w.coverage && !ck.full()) {
      l.checkCoverage(ck, w.spans, w.nSpans, ck.usable);
    }
    minKey = w.upper;
    minEntry = w.upperEntry;
    return w.depth + 1;
  }

  /** Cell {@code i}: its place on the page, key order, overflow chain, then its left child. */
  private void checkCell(PageLayout l, int i, int level, Walk w) {
    int usable = ck.usable;
    int pc = l.cellPointer(i);
    if (pc < l.top || pc > usable - 4) {
      ck.error("Offset " + pc + " out of range " + l.top + ".." + (usable - 4));
      w.coverage = false;
      return;
    }
    int status = cell.parse(l.d, pc, l.type, usable);
    if (status != CheckedCell.OK) {
      ck.error(status == CheckedCell.OFF_PAGE ? "Extends off end of page"
          : "payload size " + Long.toUnsignedString(cell.payload) + " is too large");
      w.coverage = false;
      return;
    }
    w.spans[w.nSpans++] = PageLayout.span(pc, cell.size);
    if (!index) {
      if (w.keyCanBeEqual ? cell.key > w.upper : cell.key >= w.upper) {
        ck.error("Rowid " + cell.key + " out of order");
      }
      w.upper = cell.key;
      w.keyCanBeEqual = false;
    }
    boolean payloadSound = checkOverflow(l.pgno);
    if (index && comparator != null) {
      w.upperEntry = checkEntryOrder(l, payloadSound, w.upperEntry);
    }
    if (!l.leaf) {
      int child = cell.child;
      if (ck.autoVacuum) {
        ck.checkPtrmap(child, CheckContext.PTRMAP_BTREE, l.pgno);
      }
      int d2 = checkPage(child, level + 1, w.upper, w.upperEntry);
      w.upper = minKey;
      w.upperEntry = minEntry;
      w.keyCanBeEqual = false;
      if (d2 != w.depth) {
        ck.error("Child page depth differs");
        w.depth = d2;
      }
    }
  }

  /** Checks the current cell's overflow chain, if any; returns whether the payload is sound. */
  private boolean checkOverflow(int pgno) {
    if (!cell.overflows()) {
      return true;
    }
    if (ck.autoVacuum) {
      ck.checkPtrmap(cell.overflow, CheckContext.PTRMAP_OVERFLOW1, pgno);
    }
    return ck.checkList(false, cell.overflow, cell.overflowPages(ck.usable));
  }

  /**
   * Index trees with a comparator: the current cell's entry must sort before {@code upper} (the
   * smallest entry to its right). Returns the entry, the new bound for the cells to its left, or
   * null (no bound) when the entry cannot be read; a comparator that throws is reported once and
   * not used again.
   */
  private byte[] checkEntryOrder(PageLayout l, boolean payloadSound, byte[] upper) {
    if (!payloadSound) {
      return null;
    }
    byte[] entry = readEntry(l.d);
    if (upper == null) {
      return entry;
    }
    try {
      if (comparator.compare(entry, upper, 0, upper.length) >= 0) {
        ck.error("Index key out of order");
      }
    } catch (RuntimeException e) {
      ck.error("cannot compare index keys: " + e);
      comparator = null;
    }
    return entry;
  }

  /** The current cell's full payload; its overflow chain has been checked (length and pages). */
  private byte[] readEntry(byte[] d) {
    byte[] out = new byte[(int) cell.payload];
    System.arraycopy(d, cell.payloadStart, out, 0, cell.local);
    int pos = cell.local;
    int per = ck.usable - 4;
    int pgno = cell.overflow;
    while (pos < out.length) {
      byte[] o = ck.pager.getPage(pgno).data();
      int n = Math.min(per, out.length - pos);
      System.arraycopy(o, 4, out, pos, n);
      pos += n;
      pgno = BigEndian.i32(o, 0);
    }
    return out;
  }
}
