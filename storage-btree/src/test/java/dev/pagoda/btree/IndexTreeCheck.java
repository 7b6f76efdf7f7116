package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.Pager;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: walks an index b-tree page by page (not through a cursor) and checks its structure:
 * every leaf at the same depth, no empty non-root page, page types consistent, free space sound,
 * entries strictly ascending in order. Returns the entries in order.
 */
final class IndexTreeCheck {
  private final Pager pager;
  private final List<byte[]> entries = new ArrayList<>();
  private int leafDepth = -1;
  int depth;
  int pages;

  private IndexTreeCheck(Pager pager) {
    this.pager = pager;
  }

  static IndexTreeCheck of(Pager pager, int root, KeyComparator cmp) {
    IndexTreeCheck c = new IndexTreeCheck(pager);
    c.walk(root, 1, true);
    for (int i = 1; i < c.entries.size(); i++) {
      byte[] prev = c.entries.get(i - 1);
      byte[] cur = c.entries.get(i);
      assertTrue(cmp.compare(prev, cur, 0, cur.length) < 0, "entries out of order at " + i);
    }
    return c;
  }

  List<byte[]> entries() {
    return entries;
  }

  private void walk(int pgno, int level, boolean isRoot) {
    BTreePage p = new BTreePage(pager.getPage(pgno), pager.usableSize());
    pages++;
    depth = Math.max(depth, level);
    int t = p.type();
    assertTrue(t == BTreePage.INDEX_LEAF || t == BTreePage.INDEX_INTERIOR, "page " + pgno + " type " + t);
    p.freeSpace();
    int n = p.cellCount();
    assertTrue(isRoot || n > 0, "empty non-root page " + pgno);
    if (p.isLeaf()) {
      if (leafDepth < 0) {
        leafDepth = level;
      }
      assertEquals(leafDepth, level, "leaf " + pgno + " at another depth");
      for (int i = 0; i < n; i++) {
        entries.add(entry(p, i));
      }
      return;
    }
    for (int i = 0; i <= n; i++) {
      walk(p.childAt(i), level + 1, false);
      if (i < n) {
        entries.add(entry(p, i));
      }
    }
  }

  private byte[] entry(BTreePage p, int i) {
    CellInfo info = new CellInfo();
    int off = p.cellOffset(i);
    IndexCellCodec.parse(p.data(), off, !p.isLeaf(), pager.usableSize(), p.pgno(), info);
    byte[] out = new byte[info.payloadSize];
    System.arraycopy(p.data(), off + info.headerSize, out, 0, info.localSize);
    if (info.overflowPage != 0) {
      OverflowChain.read(pager, info.overflowPage, out, info.localSize, info.payloadSize - info.localSize);
    }
    return out;
  }

  /** Whether some entries live in interior cells (true for any index deeper than one level). */
  static boolean hasInteriorEntries(Pager pager, int root) {
    BTreePage p = new BTreePage(pager.getPage(root), pager.usableSize());
    return !p.isLeaf() && p.cellCount() > 0;
  }
}
