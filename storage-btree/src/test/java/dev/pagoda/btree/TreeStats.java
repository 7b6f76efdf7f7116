package dev.pagoda.btree;

import dev.pagoda.pager.Pager;

/** Test helper: shape of a table b-tree. */
final class TreeStats {
  int depth;
  int interiorPages;
  int leafPages;
  long leafBytesUsed;

  static TreeStats of(Pager pager, int root) {
    TreeStats s = new TreeStats();
    s.walk(pager, root, 1);
    return s;
  }

  private void walk(Pager pager, int pgno, int level) {
    BTreePage p = new BTreePage(pager.getPage(pgno), pager.usableSize());
    depth = Math.max(depth, level);
    if (p.isLeaf()) {
      leafPages++;
      leafBytesUsed += pager.usableSize() - p.freeSpace();
      return;
    }
    interiorPages++;
    for (int i = 0; i <= p.cellCount(); i++) {
      walk(pager, p.childAt(i), level + 1);
    }
  }

  /** Average leaf fill ratio. */
  double leafFill(int usable) {
    return leafBytesUsed / (double) (leafPages * (long) usable);
  }

  @Override
  public String toString() {
    return "depth=" + depth + " interior=" + interiorPages + " leaves=" + leafPages;
  }
}
