package dev.pagoda.btree;

import dev.pagoda.pager.Pager;
import dev.pagoda.pager.StorageException;

/**
 * A cursor over a table b-tree: 64-bit signed rowid keys, byte[] payloads stored in the leaves.
 *
 * <p>The cursor keeps the path from the root to its current leaf cell, plus the current rowid. A
 * cursor's own {@link #insert} or {@link #delete} leaves it invalid. When pages change through
 * anything else (another cursor, a freed or allocated page, a rollback; detected with {@link
 * Pager#modificationCount()}), a valid cursor keeps its logical position: {@link #next()} and
 * {@link #previous()} re-seek from the saved rowid (so they move to the row after/before it even if
 * it was deleted), {@link #rowid()} returns the saved rowid, and {@link #payload()} re-seeks it and
 * throws MISUSE if that row no longer exists. Not thread-safe.
 */
public final class TableCursor implements AutoCloseable {
  /** Maximum b-tree depth (as SQLite's BTCURSOR_MAX_DEPTH); deeper trees are corrupt. */
  static final int MAX_DEPTH = 20;

  private final Pager pager;
  private final int root;
  private final int usable;
  private final BTreePage[] stack = new BTreePage[MAX_DEPTH + 1];
  private final int[] idx = new int[MAX_DEPTH + 1];
  private final CellInfo info = new CellInfo();
  /** Whether {@link #info} holds the current cell (cleared whenever the position changes). */
  private boolean parsed;
  private int depth = -1;
  private boolean valid;
  /** The rowid at the current position (meaningful while valid). */
  private long savedRowid;
  /** The pager's modification count when the path in {@link #stack} was last known good. */
  private long version;
  private boolean closed;

  TableCursor(Pager pager, int root) {
    this.pager = pager;
    this.root = root;
    this.usable = pager.usableSize();
  }

  /** The root page number of the tree. */
  public int rootPage() {
    return root;
  }

  /** Positions on the smallest rowid; false if the table is empty. */
  public boolean first() {
    moveToRoot();
    descendLeftmost();
    if (stack[depth].cellCount() > 0) {
      idx[depth] = 0;
      return positioned();
    }
    return moveToNextLeaf();
  }

  /** Positions on the largest rowid; false if the table is empty. */
  public boolean last() {
    moveToRoot();
    BTreePage r = stack[0];
    idx[0] = r.isLeaf() ? r.cellCount() - 1 : r.cellCount();
    descendRightmost();
    if (idx[depth] >= 0) {
      return positioned();
    }
    return moveToPrevLeaf();
  }

  /** Advances to the next rowid; false (and invalid) when past the end. */
  public boolean next() {
    if (!valid) {
      return false;
    }
    long from = savedRowid;
    if (isStale()) {
      if (!seekAtOrAfter(from) || savedRowid != from) {
        return valid;
      }
    }
    boolean found = ++idx[depth] < stack[depth].cellCount() ? positioned() : moveToNextLeaf();
    if (found && savedRowid <= from) {
      throw outOfOrder(from);
    }
    return found;
  }

  /** Moves to the previous rowid; false (and invalid) when before the start. */
  public boolean previous() {
    if (!valid) {
      return false;
    }
    long from = savedRowid;
    if (isStale()) {
      if (!seekAtOrBefore(from) || savedRowid != from) {
        return valid;
      }
    }
    boolean found = --idx[depth] >= 0 ? positioned() : moveToPrevLeaf();
    if (found && savedRowid >= from) {
      throw outOfOrder(from);
    }
    return found;
  }

  /** Positions on {@code rowid} if it exists; otherwise returns false and the cursor is invalid. */
  public boolean seek(long rowid) {
    if (seekLeaf(rowid)) {
      return positioned();
    }
    return false;
  }

  /** Positions on the smallest rowid &gt;= {@code rowid}; false (invalid) if there is none. */
  public boolean seekAtOrAfter(long rowid) {
    if (seekLeaf(rowid) || idx[depth] < stack[depth].cellCount()) {
      return positioned();
    }
    return moveToNextLeaf();
  }

  /** Positions on the largest rowid &lt;= {@code rowid}; false (invalid) if there is none. */
  public boolean seekAtOrBefore(long rowid) {
    if (seekLeaf(rowid)) {
      return positioned();
    }
    if (--idx[depth] >= 0) {
      return positioned();
    }
    return moveToPrevLeaf();
  }

  public boolean isValid() {
    return valid;
  }

  /** The rowid at the current position. */
  public long rowid() {
    requireValid();
    return savedRowid;
  }

  /** The size in bytes of the payload at the current position. */
  public int payloadSize() {
    parseCurrent();
    return info.payloadSize;
  }

  /** A fresh copy of the full payload at the current position (overflow pages included). */
  public byte[] payload() {
    parseCurrent();
    BTreePage p = stack[depth];
    if (info.overflowPage != 0) {
      OverflowChain.checkLength(pager, info.overflowPage, info.payloadSize - info.localSize, p.pgno());
    }
    byte[] out = new byte[info.payloadSize];
    int off = p.cellOffset(idx[depth]) + info.headerSize;
    System.arraycopy(p.data(), off, out, 0, info.localSize);
    if (info.overflowPage != 0) {
      OverflowChain.read(pager, info.overflowPage, out, info.localSize, info.payloadSize - info.localSize);
    }
    return out;
  }

  /**
   * Where the payload at the current position starts in {@link #pageBytes()} when all of it lies on
   * the leaf page, or -1 when part of it is on overflow pages (read {@link #payload()} then). The
   * {@link #payloadSize()} bytes there are the page's own, not a copy: they hold this row only while
   * the cursor stays where it is and {@link #unchanged()} holds. Lets a scan decode the columns it
   * needs without copying each row.
   */
  public int localPayloadOffset() {
    parseCurrent();
    if (info.overflowPage != 0) {
      return -1;
    }
    return stack[depth].cellOffset(idx[depth]) + info.headerSize;
  }

  /** The bytes of the current leaf page, which {@link #localPayloadOffset()} points into. */
  public byte[] pageBytes() {
    requireValid();
    return stack[depth].data();
  }

  /**
   * Whether no page changed (through this pager) since the cursor last found its position, so
   * that bytes read in place at {@link #localPayloadOffset()} are still this row's.
   */
  public boolean unchanged() {
    return version == pager.modificationCount();
  }

  /** The number of rows, counted leaf by leaf (leaves the cursor invalid). */
  public long count() {
    moveToRoot();
    descendLeftmost();
    long total = stack[depth].cellCount();
    int leaves = 1;
    while (moveToNextLeaf()) {
      total += stack[depth].cellCount();
      if (++leaves > pager.pageCount()) {
        throw CellCodec.corrupt("table b-tree " + root + " reaches more leaves than the file has pages");
      }
    }
    return total;
  }

  /**
   * Inserts ({@code rowid}, {@code payload}), replacing the payload if the rowid exists. Splits and
   * rebalances pages and writes overflow pages as needed. Requires a write transaction; leaves the
   * cursor invalid.
   */
  public void insert(long rowid, byte[] payload) {
    requireWrite();
    byte[] cell = CellCodec.leafCell(pager, rowid, payload);
    boolean found = seekLeaf(rowid);
    valid = false;
    BTreePage leaf = stack[depth];
    int i = idx[depth];
    pager.makeWritable(leaf.page());
    if (found) {
      freeOverflow(leaf, i);
      leaf.dropCell(i);
    }
    if (!leaf.insertCell(i, cell)) {
      NodeContent content = NodeContent.of(leaf);
      content.cells.add(i, cell);
      balancer().store(depth, content, i == content.cells.size() - 1);
    }
    depth = -1;
  }

  /**
   * Deletes the row with {@code rowid} (and its overflow pages); returns whether it existed.
   * Requires a write transaction; leaves the cursor invalid.
   */
  public boolean delete(long rowid) {
    requireWrite();
    boolean found = seekLeaf(rowid);
    valid = false;
    if (!found) {
      return false;
    }
    BTreePage leaf = stack[depth];
    int i = idx[depth];
    pager.makeWritable(leaf.page());
    freeOverflow(leaf, i);
    leaf.dropCell(i);
    if (depth > 0) {
      balancer().rebalanceUnderfull(depth, leaf);
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

  /** Descends to the leaf where {@code rowid} is or would be; idx at the leaf is the lower bound. */
  private boolean seekLeaf(long rowid) {
    moveToRoot();
    while (true) {
      BTreePage p = stack[depth];
      int lo = 0;
      int hi = p.cellCount();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (p.keyAt(mid) < rowid) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      idx[depth] = lo;
      if (p.isLeaf()) {
        return lo < p.cellCount() && p.keyAt(lo) == rowid;
      }
      push(p.childAt(lo));
    }
  }

  private void moveToRoot() {
    parsed = false;
    if (closed) {
      throw new StorageException(StorageException.Kind.MISUSE, "cursor is closed");
    }
    valid = false;
    depth = 0;
    idx[0] = 0;
    load(frame(0), root);
  }

  private void push(int pgno) {
    int parent = stack[depth].pgno();
    if (depth == MAX_DEPTH) {
      throw CellCodec.corrupt(
          "b-tree " + root + " is deeper than " + MAX_DEPTH + " levels at page " + parent
              + " (a cycle of child pointers?)");
    }
    if (pgno < 2 || pgno > pager.pageCount()) {
      throw CellCodec.corrupt(
          "page " + parent + " has child page number " + pgno + " out of range 2.." + pager.pageCount());
    }
    depth++;
    load(frame(depth), pgno);
  }

  private void load(BTreePage view, int pgno) {
    view.reset(pager.getPage(pgno), usable);
    if (!view.isTablePage()) {
      throw CellCodec.corrupt("page " + pgno + " of table b-tree " + root + " has type " + view.type());
    }
    view.checkHeader();
  }

  /** From an interior page at {@code depth}, descends through child idx[depth], then leftmost. */
  private void descendLeftmost() {
    while (!stack[depth].isLeaf()) {
      push(stack[depth].childAt(idx[depth]));
      idx[depth] = 0;
    }
  }

  /** From an interior page at {@code depth}, descends through child idx[depth], then rightmost. */
  private void descendRightmost() {
    while (!stack[depth].isLeaf()) {
      push(stack[depth].childAt(idx[depth]));
      BTreePage p = stack[depth];
      idx[depth] = p.isLeaf() ? p.cellCount() - 1 : p.cellCount();
    }
  }

  /** From an exhausted leaf, moves to the first cell of the next non-empty leaf. */
  private boolean moveToNextLeaf() {
    for (int visited = 0; ; visited++) {
      checkLeafVisits(visited);
      int level = depth - 1;
      while (level >= 0 && idx[level] >= stack[level].cellCount()) {
        level--;
      }
      if (level < 0) {
        valid = false;
        return false;
      }
      idx[level]++;
      depth = level;
      descendLeftmost();
      if (stack[depth].cellCount() > 0) {
        idx[depth] = 0;
        return positioned();
      }
    }
  }

  /** From a leaf before its first cell, moves to the last cell of the previous non-empty leaf. */
  private boolean moveToPrevLeaf() {
    for (int visited = 0; ; visited++) {
      checkLeafVisits(visited);
      int level = depth - 1;
      while (level >= 0 && idx[level] == 0) {
        level--;
      }
      if (level < 0) {
        valid = false;
        return false;
      }
      idx[level]--;
      depth = level;
      descendRightmost();
      if (idx[depth] >= 0) {
        return positioned();
      }
    }
  }

  private boolean positioned() {
    valid = true;
    parsed = false;
    savedRowid = stack[depth].keyAt(idx[depth]);
    version = pager.modificationCount();
    return true;
  }

  /**
   * Guards the empty-leaf skipping loops: a sound tree has fewer leaves than the file has pages, so
   * more visits mean child pointers that share subtrees (which could otherwise run for ages).
   */
  private void checkLeafVisits(int visited) {
    if (visited > pager.pageCount()) {
      throw CellCodec.corrupt("table b-tree " + root + " reaches more leaves than the file has pages");
    }
  }

  private StorageException outOfOrder(long from) {
    return CellCodec.corrupt(
        "rowid " + savedRowid + " follows " + from + " on page " + stack[depth].pgno() + " of table b-tree "
            + root + ": keys out of order");
  }

  private boolean isStale() {
    return version != pager.modificationCount();
  }

  private void parseCurrent() {
    requireValid();
    if (isStale()) {
      long r = savedRowid;
      if (!seek(r)) {
        valid = true;
        savedRowid = r;
        throw new StorageException(StorageException.Kind.MISUSE, "row " + r + " no longer exists");
      }
    }
    if (parsed) {
      return;
    }
    BTreePage p = stack[depth];
    CellCodec.parseLeaf(p.data(), p.cellOffset(idx[depth]), usable, p.pgno(), info);
    parsed = true;
  }

  private void freeOverflow(BTreePage leaf, int i) {
    parsed = false;
    CellCodec.parseLeaf(leaf.data(), leaf.cellOffset(i), usable, leaf.pgno(), info);
    if (info.overflowPage != 0) {
      OverflowChain.free(pager, info.overflowPage, info.payloadSize - info.localSize);
    }
  }

  private Balancer balancer() {
    int[] pgno = new int[MAX_DEPTH + 2];
    int[] child = new int[MAX_DEPTH + 2];
    for (int l = 0; l <= depth; l++) {
      pgno[l] = stack[l].pgno();
      child[l] = idx[l];
    }
    return new Balancer(pager, pgno, child);
  }

  private void requireValid() {
    if (!valid) {
      throw new StorageException(StorageException.Kind.MISUSE, "cursor is not positioned on a row");
    }
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
