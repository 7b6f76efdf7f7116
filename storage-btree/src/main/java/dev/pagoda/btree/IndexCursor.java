package dev.pagoda.btree;

import dev.pagoda.pager.Pager;
import dev.pagoda.pager.StorageException;
import java.util.Arrays;

/**
 * A cursor over an index b-tree: entries are opaque byte payloads ordered by the {@link
 * KeyComparator} given when the cursor opens. There are no duplicates by that order: {@link
 * #insert} of an entry equal to a stored one replaces it.
 *
 * <p>Entries live in leaves and in interior cells alike (each entry exactly once), so the cursor
 * can rest on an interior cell. Its position is the path of pages from the root: at each interior
 * level {@code idx} is the child the path descends into; at the last level it is the current cell
 * (a leaf cell, or an interior cell whose left subtree has just been passed).
 *
 * <p>Search keys may be shorter than entries (a prefix of the fields, for SQL records): the
 * comparator decides. With such keys {@link #seekAtOrAfter} lands on the first entry equal to the
 * key and {@link #seekAtOrBefore} on the last.
 *
 * <p>Stability, as for {@link TableCursor}: a cursor's own {@link #insert} or {@link #delete}
 * leaves it invalid. When pages change through anything else (detected with {@link
 * Pager#modificationCount()}), a valid cursor keeps its logical position: it holds a copy of the
 * current entry, {@link #next()} and {@link #previous()} re-seek from that copy (so they move to the
 * entry after/before it even if it was deleted), and {@link #entry()} re-seeks it and throws MISUSE
 * if no equal entry exists any more. Not thread-safe.
 */
public final class IndexCursor implements AutoCloseable {
  private final Pager pager;
  private final int root;
  private final int usable;
  private final KeyComparator cmp;
  private final BTreePage[] stack = new BTreePage[TableCursor.MAX_DEPTH + 1];
  private final int[] idx = new int[TableCursor.MAX_DEPTH + 1];
  private final CellInfo info = new CellInfo();
  private int depth = -1;
  private boolean valid;
  /** The current entry, {@code saved[0, savedLen)}, copied when the cursor is positioned. */
  private byte[] saved = new byte[64];
  private int savedLen;
  /** The pager's modification count when the path in {@link #stack} was last known good. */
  private long version;
  private boolean closed;

  IndexCursor(Pager pager, int root, KeyComparator cmp) {
    this.pager = pager;
    this.root = root;
    this.usable = pager.usableSize();
    this.cmp = cmp;
  }

  /** The root page number of the tree. */
  public int rootPage() {
    return root;
  }

  /** Positions on the smallest entry; false if the index is empty. */
  public boolean first() {
    moveToRoot();
    descendLeftmost();
    return settleForward();
  }

  /** Positions on the largest entry; false if the index is empty. */
  public boolean last() {
    moveToRoot();
    BTreePage r = stack[0];
    idx[0] = r.isLeaf() ? r.cellCount() - 1 : r.cellCount();
    descendRightmost();
    return settleBackward();
  }

  /** Advances to the next entry; false (and invalid) when past the end. */
  public boolean next() {
    if (!valid) {
      return false;
    }
    if (isStale()) {
      byte[] from = savedEntry();
      if (!seekAtOrAfter(from) || cmp.compare(from, saved, 0, savedLen) != 0) {
        return valid;
      }
    }
    idx[depth]++;
    if (!stack[depth].isLeaf()) {
      descendLeftmost(); // from an interior cell, the next entry is the first under the next child
    }
    return settleForward();
  }

  /** Moves to the previous entry; false (and invalid) when before the start. */
  public boolean previous() {
    if (!valid) {
      return false;
    }
    if (isStale()) {
      byte[] from = savedEntry();
      if (!seekAtOrBefore(from) || cmp.compare(from, saved, 0, savedLen) != 0) {
        return valid;
      }
    }
    if (stack[depth].isLeaf()) {
      idx[depth]--;
    } else {
      descendRightmost(); // from an interior cell, the previous entry is the last under its child
    }
    return settleBackward();
  }

  /**
   * Positions on the first entry equal to {@code key} (by the comparator) and returns true; if
   * there is none, returns false and the cursor is invalid.
   */
  public boolean seek(byte[] key) {
    if (seekAtOrAfter(key) && cmp.compare(key, saved, 0, savedLen) == 0) {
      return true;
    }
    valid = false;
    return false;
  }

  /** Positions on the first entry &gt;= {@code key}; false (invalid) if there is none. */
  public boolean seekAtOrAfter(byte[] key) {
    descend(key, false);
    return settleForward();
  }

  /** Positions on the last entry &lt;= {@code key}; false (invalid) if there is none. */
  public boolean seekAtOrBefore(byte[] key) {
    descend(key, true);
    idx[depth]--;
    return settleBackward();
  }

  public boolean isValid() {
    return valid;
  }

  /** The size in bytes of the entry at the current position. */
  public int entrySize() {
    refresh();
    return savedLen;
  }

  /**
   * The cursor's own copy of the entry at the current position, in its first {@link #entrySize()}
   * bytes: no allocation, but the array is the cursor's and is overwritten (or replaced) when the
   * cursor moves. For readers that decode the entry before moving on.
   */
  public byte[] entryBuffer() {
    refresh();
    return saved;
  }

  /** A fresh copy of the full entry at the current position (overflow pages included). */
  public byte[] entry() {
    refresh();
    return Arrays.copyOf(saved, savedLen);
  }

  /** The number of entries, counted page by page (leaves the cursor invalid). */
  public long count() {
    moveToRoot();
    return countBelow(0);
  }

  /**
   * Inserts {@code entry}; an entry equal to it by the comparator (compared with {@code entry} as
   * the key) is replaced, so the index never holds two equal entries. Splits and rebalances pages
   * and writes overflow pages as needed. Requires a write transaction; leaves the cursor invalid.
   */
  public void insert(byte[] entry) {
    requireWrite();
    byte[] cell = IndexCellCodec.leafCell(pager, entry);
    int level = locate(entry);
    valid = false;
    if (level >= 0) {
      replaceAt(level, cell);
    } else {
      BTreePage leaf = stack[depth];
      int i = idx[depth];
      pager.makeWritable(leaf.page());
      if (!leaf.insertCell(i, cell)) {
        NodeContent content = NodeContent.of(leaf);
        content.cells.add(i, cell);
        balancer().store(depth, content, i == content.cells.size() - 1);
      }
    }
    depth = -1;
  }

  /**
   * Deletes the entry equal to {@code key} by the comparator (with a prefix key, the first of the
   * entries equal to it) and its overflow pages; returns whether there was one. An entry in an interior cell is replaced by its predecessor, taken from
   * the last cell of the right-most leaf of its left subtree, as SQLite does. Requires a write
   * transaction; leaves the cursor invalid.
   */
  public boolean delete(byte[] key) {
    requireWrite();
    int level = locate(key);
    valid = false;
    if (level < 0) {
      return false;
    }
    depth = level;
    BTreePage page = stack[level];
    if (page.isLeaf()) {
      pager.makeWritable(page.page());
      freeOverflow(page, idx[level]);
      page.dropCell(idx[level]);
      if (level > 0) {
        balancer().rebalanceUnderfull(level, page);
      }
    } else {
      deleteFromInterior();
    }
    depth = -1;
    return true;
  }

  @Override
  public void close() {
    closed = true;
    valid = false;
    depth = -1;
  }

  /*
   * Deleting from an interior cell, in three steps that each leave a valid tree:
   * 1. the predecessor P (last cell of the right-most leaf under the cell's left child) is removed
   *    from its leaf, its overflow chain kept; the leaf is rebalanced if under-full;
   * 2. the victim V, which may have moved during that rebalance (even down into a leaf), is found
   *    again by its full entry;
   * 3. V's cell is replaced by P's: P sorted immediately before V, so the order holds wherever V is.
   */
  private void deleteFromInterior() {
    byte[] victim = readEntry(stack[depth], idx[depth]);
    descendRightmost();
    BTreePage leaf = stack[depth];
    int j = idx[depth];
    if (j < 0) {
      throw CellCodec.corrupt("empty leaf page " + leaf.pgno() + " in index b-tree " + root);
    }
    byte[] pred = leaf.copyCell(j);
    pager.makeWritable(leaf.page());
    leaf.dropCell(j);
    balancer().rebalanceUnderfull(depth, leaf);
    int level = locate(victim);
    if (level < 0) {
      throw new IllegalStateException("index entry lost while rebalancing before its deletion");
    }
    replaceAt(level, pred);
  }

  /**
   * Replaces the cell at {@code idx[level]} of the page at {@code level} of the path with the
   * entry of {@code leafCell} (converted to an interior cell on an interior page), freeing the old
   * cell's overflow pages, then rebalances.
   */
  private void replaceAt(int level, byte[] leafCell) {
    depth = level;
    BTreePage p = stack[level];
    int i = idx[level];
    pager.makeWritable(p.page());
    freeOverflow(p, i);
    byte[] cell = p.isLeaf() ? leafCell : IndexCellCodec.toInterior(leafCell, p.childAt(i), usable);
    p.dropCell(i);
    if (!p.insertCell(i, cell)) {
      NodeContent content = NodeContent.of(p);
      content.cells.add(i, cell);
      balancer().store(level, content, false);
    } else if (level > 0) {
      balancer().rebalanceUnderfull(level, p);
    }
  }

  /**
   * Descends to the leaf where {@code key} is or would be, leaving the path in the stack, and
   * returns the level of the page holding an entry equal to {@code key} (its index in {@code idx}
   * at that level), or -1 when there is none (then {@code idx} at the leaf is the insertion point).
   */
  private int locate(byte[] key) {
    descend(key, false);
    BTreePage leaf = stack[depth];
    int i = idx[depth];
    if (i < leaf.cellCount()) {
      return compareCell(key, leaf, i) == 0 ? depth : -1;
    }
    for (int l = depth - 1; l >= 0; l--) {
      if (idx[l] < stack[l].cellCount()) {
        return compareCell(key, stack[l], idx[l]) == 0 ? l : -1;
      }
    }
    return -1;
  }

  /**
   * From the root to a leaf, at each page choosing the child before the first cell that is &gt;=
   * {@code key} ({@code upper}: &gt; {@code key}); at the leaf, idx is that cell's index.
   */
  private void descend(byte[] key, boolean upper) {
    moveToRoot();
    while (true) {
      BTreePage p = stack[depth];
      int lo = 0;
      int hi = p.cellCount();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        int c = compareCell(key, p, mid);
        if (upper ? c >= 0 : c > 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      idx[depth] = lo;
      if (p.isLeaf()) {
        return;
      }
      push(p.childAt(lo));
    }
  }

  /** Compares {@code key} with cell {@code i} of {@code p}, in place when it has no overflow. */
  private int compareCell(byte[] key, BTreePage p, int i) {
    int off = p.cellOffset(i);
    IndexCellCodec.parse(p.data(), off, !p.isLeaf(), usable, p.pgno(), info);
    if (info.overflowPage == 0) {
      return cmp.compare(key, p.data(), off + info.headerSize, info.payloadSize);
    }
    OverflowChain.checkLength(pager, info.overflowPage, info.payloadSize - info.localSize, p.pgno());
    byte[] full = new byte[info.payloadSize];
    copyPayload(p, off, full);
    return cmp.compare(key, full, 0, full.length);
  }

  /** Copies the payload of the cell at {@code off} (parsed into {@link #info}) into {@code dest}. */
  private void copyPayload(BTreePage p, int off, byte[] dest) {
    System.arraycopy(p.data(), off + info.headerSize, dest, 0, info.localSize);
    if (info.overflowPage != 0) {
      OverflowChain.read(pager, info.overflowPage, dest, info.localSize, info.payloadSize - info.localSize);
    }
  }

  private byte[] readEntry(BTreePage p, int i) {
    int off = p.cellOffset(i);
    IndexCellCodec.parse(p.data(), off, !p.isLeaf(), usable, p.pgno(), info);
    if (info.overflowPage != 0) {
      OverflowChain.checkLength(pager, info.overflowPage, info.payloadSize - info.localSize, p.pgno());
    }
    byte[] out = new byte[info.payloadSize];
    copyPayload(p, off, out);
    return out;
  }

  private void moveToRoot() {
    if (closed) {
      throw new StorageException(StorageException.Kind.MISUSE, "cursor is closed");
    }
    valid = false;
    depth = 0;
    idx[0] = 0;
    load(frame(0), root);
  }

  private void push(int pgno) {
    if (depth == TableCursor.MAX_DEPTH) {
      throw CellCodec.corrupt("b-tree deeper than " + TableCursor.MAX_DEPTH + " levels at root " + root);
    }
    if (pgno < 2) {
      throw CellCodec.corrupt("bad child page number " + pgno + " in index b-tree " + root);
    }
    depth++;
    load(frame(depth), pgno);
  }

  private void load(BTreePage view, int pgno) {
    view.reset(pager.getPage(pgno), usable);
    int t = view.type();
    if (t != BTreePage.INDEX_LEAF && t != BTreePage.INDEX_INTERIOR) {
      throw CellCodec.corrupt("page " + pgno + " of index b-tree " + root + " has type " + t);
    }
    view.checkHeader();
  }

  /** From an interior page, descends through child idx[depth], then always the left-most child. */
  private void descendLeftmost() {
    while (!stack[depth].isLeaf()) {
      push(stack[depth].childAt(idx[depth]));
      idx[depth] = 0;
    }
  }

  /** From an interior page, descends through child idx[depth], then always the right-most child. */
  private void descendRightmost() {
    while (!stack[depth].isLeaf()) {
      push(stack[depth].childAt(idx[depth]));
      BTreePage p = stack[depth];
      idx[depth] = p.isLeaf() ? p.cellCount() - 1 : p.cellCount();
    }
  }

  /**
   * Positions on leaf cell idx[depth] if there is one; past the leaf's end, on the cell of the
   * nearest ancestor whose subtree the path leaves by its left side.
   */
  private boolean settleForward() {
    if (idx[depth] < stack[depth].cellCount()) {
      return positioned();
    }
    while (depth > 0) {
      depth--;
      if (idx[depth] < stack[depth].cellCount()) {
        return positioned();
      }
    }
    valid = false;
    return false;
  }

  /** Mirror of {@link #settleForward}: before the leaf's start, on the preceding ancestor cell. */
  private boolean settleBackward() {
    if (idx[depth] >= 0) {
      return positioned();
    }
    while (depth > 0) {
      depth--;
      if (idx[depth] > 0) {
        idx[depth]--;
        return positioned();
      }
    }
    valid = false;
    return false;
  }

  /** Marks the cursor valid at cell idx[depth] of stack[depth] and saves a copy of the entry. */
  private boolean positioned() {
    BTreePage p = stack[depth];
    int off = p.cellOffset(idx[depth]);
    IndexCellCodec.parse(p.data(), off, !p.isLeaf(), usable, p.pgno(), info);
    if (info.overflowPage != 0) {
      OverflowChain.checkLength(pager, info.overflowPage, info.payloadSize - info.localSize, p.pgno());
    }
    if (saved.length < info.payloadSize) {
      saved = new byte[Math.max(info.payloadSize, saved.length * 2)];
    }
    copyPayload(p, off, saved);
    savedLen = info.payloadSize;
    valid = true;
    version = pager.modificationCount();
    return true;
  }

  private long countBelow(int level) {
    BTreePage p = stack[level];
    int n = p.cellCount();
    long total = n;
    if (!p.isLeaf()) {
      for (int i = 0; i <= n; i++) {
        depth = level;
        push(p.childAt(i));
        total += countBelow(level + 1);
      }
    }
    depth = -1;
    return total;
  }

  private boolean isStale() {
    return version != pager.modificationCount();
  }

  private byte[] savedEntry() {
    return Arrays.copyOf(saved, savedLen);
  }

  /** Re-seeks the saved entry if pages changed since the cursor was positioned. */
  private void refresh() {
    if (!valid) {
      throw new StorageException(StorageException.Kind.MISUSE, "cursor is not positioned on an entry");
    }
    if (isStale()) {
      byte[] e = savedEntry();
      if (!seek(e)) {
        valid = true;
        System.arraycopy(e, 0, saved, 0, e.length);
        savedLen = e.length;
        throw new StorageException(StorageException.Kind.MISUSE, "index entry no longer exists");
      }
    }
  }

  private void freeOverflow(BTreePage p, int i) {
    IndexCellCodec.parse(p.data(), p.cellOffset(i), !p.isLeaf(), usable, p.pgno(), info);
    if (info.overflowPage != 0) {
      OverflowChain.free(pager, info.overflowPage, info.payloadSize - info.localSize);
    }
  }

  private Balancer balancer() {
    int[] pgno = new int[TableCursor.MAX_DEPTH + 2];
    int[] child = new int[TableCursor.MAX_DEPTH + 2];
    for (int l = 0; l <= depth; l++) {
      pgno[l] = stack[l].pgno();
      child[l] = idx[l];
    }
    return new Balancer(pager, pgno, child);
  }

  private void requireWrite() {
    if (closed) {
      throw new StorageException(StorageException.Kind.MISUSE, "cursor is closed");
    }
    if (!pager.inWriteTransaction()) {
      throw new StorageException(StorageException.Kind.MISUSE, "no write transaction is active");
    }
  }

  /**
   * The page holder of level {@code level}, created when the cursor first goes that deep: a
   * cursor opened for one probe allocates only the levels its tree has.
   */
  private BTreePage frame(int level) {
    BTreePage p = stack[level];
    if (p == null) {
      p = new BTreePage();
      stack[level] = p;
    }
    return p;
  }
}
