package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Pager;
import java.util.List;

/**
 * Whole-tree operations: freeing all pages of a table or index b-tree (cell formats in {@link
 * CellCodec} and {@link IndexCellCodec}).
 */
final class TreeWalker {
  private TreeWalker() {}

  /** Frees the tree's pages below the root, and the root too when {@code freeRoot}. */
  static void freeTree(Pager pager, int root, boolean freeRoot) {
    BTreePage rootPage = page(pager, root);
    int type = rootPage.type();
    freeChildrenAndOverflow(pager, rootPage, 0);
    if (freeRoot) {
      pager.freePage(root);
    } else {
      pager.makeWritable(rootPage.page());
      rootPage.rebuild(type | 0x08, List.of(), 0);
    }
  }

  private static void freeChildrenAndOverflow(Pager pager, BTreePage p, int depth) {
    if (depth > TableCursor.MAX_DEPTH) {
      throw CellCodec.corrupt("b-tree too deep at page " + p.pgno());
    }
    int n = p.cellCount();
    for (int i = 0; i < n; i++) {
      freeCellOverflow(pager, p, i);
    }
    if (!p.isLeaf()) {
      for (int i = 0; i <= n; i++) {
        int child = p.childAt(i);
        if (child < 2) {
          throw CellCodec.corrupt("bad child page number " + child + " on page " + p.pgno());
        }
        freeChildrenAndOverflow(pager, page(pager, child), depth + 1);
        pager.freePage(child);
      }
    }
  }

  private static void freeCellOverflow(Pager pager, BTreePage p, int i) {
    byte[] d = p.data();
    int off = p.cellOffset(i);
    int u = pager.usableSize();
    int type = p.type();
    if (type == BTreePage.TABLE_INTERIOR) {
      return;
    }
    long payload;
    int local;
    int at;
    if (type == BTreePage.TABLE_LEAF) {
      CellInfo info = new CellInfo();
      CellCodec.parseLeaf(d, off, u, p.pgno(), info);
      payload = info.payloadSize;
      local = info.localSize;
      at = off + info.headerSize;
    } else {
      CellInfo info = new CellInfo();
      IndexCellCodec.parse(d, off, !p.isLeaf(), u, p.pgno(), info);
      payload = info.payloadSize;
      local = info.localSize;
      at = off + info.headerSize;
    }
    if (local < payload) {
      if (at + local + 4 > u) {
        throw CellCodec.corrupt("cell extends past the page end on page " + p.pgno());
      }
      OverflowChain.free(pager, BigEndian.i32(d, at + local), (int) (payload - local));
    }
  }

  private static BTreePage page(Pager pager, int pgno) {
    if (pgno < 1 || pgno > pager.pageCount()) {
      throw CellCodec.corrupt("b-tree page number out of range: " + pgno);
    }
    BTreePage p = new BTreePage(pager.getPage(pgno), pager.usableSize());
    int t = p.type();
    if (t != BTreePage.TABLE_LEAF && t != BTreePage.TABLE_INTERIOR
        && t != BTreePage.INDEX_LEAF && t != BTreePage.INDEX_INTERIOR) {
      throw CellCodec.corrupt("page " + pgno + " is not a b-tree page (type " + t + ")");
    }
    return p;
  }
}
