package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import java.util.List;

/**
 * The logical content of a b-tree page while it is being rebalanced: its type, its cells in key
 * order (as byte arrays, possibly more than fit on a page) and, for interior pages, the right child.
 */
final class NodeContent {
  final int type;
  final List<byte[]> cells;
  int rightChild;

  NodeContent(int type, List<byte[]> cells, int rightChild) {
    this.type = type;
    this.cells = cells;
    this.rightChild = rightChild;
  }

  /** Reads a page's content (copies of its cells). */
  static NodeContent of(BTreePage page) {
    return new NodeContent(page.type(), page.copyCells(), page.isLeaf() ? 0 : page.rightChild());
  }

  boolean isLeaf() {
    return (type & 0x08) != 0;
  }

  int headerSize() {
    return isLeaf() ? BTreePage.LEAF_HEADER : BTreePage.INTERIOR_HEADER;
  }

  /** Bytes the content needs on a page: header, cell pointers and cells. */
  int usedBytes() {
    int total = headerSize();
    for (byte[] c : cells) {
      total += c.length + 2;
    }
    return total;
  }

  /** The child page referenced at index {@code i} in 0..cells.size() (interior content only). */
  int childAt(int i) {
    return i < cells.size() ? BigEndian.i32(cells.get(i), 0) : rightChild;
  }

  /** Makes index {@code i} in 0..cells.size() reference {@code child} (interior content only). */
  void setChildAt(int i, int child) {
    if (i < cells.size()) {
      byte[] c = cells.get(i).clone();
      BigEndian.putI32(c, 0, child);
      cells.set(i, c);
    } else {
      rightChild = child;
    }
  }
}
