package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Pager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Restores the b-tree invariants after a page's content changed: stores content that fits, splits
 * content that does not, and merges or redistributes under-full pages with their siblings.
 *
 * <p>Algorithm (a simplification of SQLite's balance):
 *
 * <ol>
 *   <li>Content that fits its page is written; a non-root page left less than 1/3 full is then
 *       balanced with its siblings.
 *   <li>A root whose content does not fit moves the content to a new child and becomes an interior
 *       page with no cells whose right child is that page ("balance deeper"); the root page number
 *       never changes.
 *   <li>A leaf that overflows because a cell was appended at its end while it is the right-most
 *       child of its parent gets a new right sibling holding just the new cell ("quick balance"),
 *       so that ascending inserts leave full pages behind. In an index tree the cell before the
 *       new one goes up to the parent as the divider.
 *   <li>Otherwise up to three adjacent siblings (the page and its neighbours) are gathered with the
 *       dividers between them, the cells are redistributed over the fewest pages ({@link
 *       Distribution}), surplus pages are freed, and the parent's dividers are replaced, which may
 *       in turn overflow or under-fill the parent (handled recursively, towards the root).
 *   <li>A root interior page left with no cells absorbs its only child when the child's content
 *       fits ("balance shallower"); page 1 keeps the zero-cell root otherwise, as SQLite does.
 * </ol>
 *
 * <p>Dividers. Table trees: the key of the divider after a child is the largest rowid in that
 * child's subtree (for leaves, a copy of the last rowid on the page). Index trees: the divider is
 * a real entry, stored nowhere else; balancing leaves pulls the dividers between them down into the
 * leaf cells and sends new ones up ({@link IndexCellCodec#toLeaf}, {@link
 * IndexCellCodec#toInterior}). Interior pages of both kinds work alike: the divider's cell comes
 * down with its child pointer replaced by the left sibling's right child, and goes up the same way.
 */
final class Balancer {
  private final Pager pager;
  private final int usable;
  private final int[] pgno;
  private final int[] child;

  /**
   * @param pgno page numbers along the path from the root (index 0) to the page being balanced
   * @param child {@code child[l]} is the index in page {@code pgno[l]} leading to {@code pgno[l+1]}
   */
  Balancer(Pager pager, int[] pgno, int[] child) {
    this.pager = pager;
    this.usable = pager.usableSize();
    this.pgno = pgno;
    this.child = child;
  }

  /**
   * Makes the page at {@code level} of the path hold {@code content}, rebalancing as needed.
   *
   * @param appended whether the content's last cell was just appended at the end of a leaf
   */
  void store(int level, NodeContent content, boolean appended) {
    BTreePage page = page(pgno[level]);
    if (fits(page, content)) {
      pager.makeWritable(page.page());
      page.rebuild(content.type, content.cells, content.rightChild);
      if (level == 0) {
        if (!content.isLeaf() && content.cells.isEmpty()) {
          balanceShallower(page);
        }
      } else if (underfull(content)) {
        balanceSiblings(level, content);
      }
      return;
    }
    if (level == 0) {
      balanceDeeper(page, content, appended);
    } else if (appended && canQuickBalance(content) && isRightmost(level)) {
      quickBalance(level, content);
    } else {
      balanceSiblings(level, content);
    }
  }

  /** Balances a non-root page that became under-full after a cell was removed in place. */
  void rebalanceUnderfull(int level, BTreePage page) {
    // for a non-root page (header offset 0), used bytes = usable - free space
    if (level > 0 && page.freeSpace() > usable * 2 / 3) {
      balanceSiblings(level, NodeContent.of(page));
    }
  }

  private boolean fits(BTreePage page, NodeContent content) {
    return page.headerOffset() + content.usedBytes() <= usable;
  }

  private boolean underfull(NodeContent content) {
    return usable - content.usedBytes() > usable * 2 / 3;
  }

  /** A leaf keeps at least one cell (table) or one cell and the divider (index) on the left. */
  private static boolean canQuickBalance(NodeContent content) {
    return content.isLeaf() && content.cells.size() > (isIndex(content.type) ? 2 : 1);
  }

  private static boolean isIndex(int type) {
    return type == BTreePage.INDEX_LEAF || type == BTreePage.INDEX_INTERIOR;
  }

  private boolean isRightmost(int level) {
    BTreePage parent = page(pgno[level - 1]);
    return child[level - 1] == parent.cellCount();
  }

  private void balanceDeeper(BTreePage root, NodeContent content, boolean appended) {
    int newChild = pager.allocatePage();
    pager.makeWritable(root.page());
    root.rebuild(content.type & ~0x08, List.of(), newChild);
    pgno[1] = newChild;
    child[0] = 0;
    if (appended && canQuickBalance(content)) {
      quickBalance(1, content);
    } else {
      balanceSiblings(1, content);
    }
  }

  /**
   * The last cell goes to a new right page; the page at {@code level} keeps the others (an index
   * leaf all but the one before the last, which becomes the divider).
   */
  private void quickBalance(int level, NodeContent content) {
    int n = content.cells.size();
    boolean index = isIndex(content.type);
    BTreePage left = page(pgno[level]);
    pager.makeWritable(left.page());
    left.rebuild(content.type, content.cells.subList(0, index ? n - 2 : n - 1), 0);
    int newPage = pager.allocatePage();
    page(newPage).rebuild(content.type, List.of(content.cells.get(n - 1)), 0);
    byte[] last = content.cells.get(n - 2);
    byte[] divider =
        index
            ? IndexCellCodec.toInterior(last, pgno[level], usable)
            : CellCodec.interiorCell(pgno[level], CellCodec.leafRowid(last, 0));
    NodeContent parent = NodeContent.of(page(pgno[level - 1]));
    parent.cells.add(divider);
    parent.rightChild = newPage;
    store(level - 1, parent, false);
  }

  private void balanceSiblings(int level, NodeContent content) {
    NodeContent parent = NodeContent.of(page(pgno[level - 1]));
    int nc = parent.cells.size();
    int ci = child[level - 1];
    int count = Math.min(3, nc + 1);
    int first = nc + 1 <= 3 ? 0 : ci == 0 ? 0 : ci == nc ? nc - 2 : ci - 1;
    if (parent.childAt(ci) != pgno[level]) {
      throw CellCodec.corrupt("parent page " + pgno[level - 1] + " does not point to " + pgno[level]);
    }
    int[] old = new int[count];
    List<byte[]> all = new ArrayList<>();
    int rightmost = gather(parent, first, count, ci, content, old, all);
    int hs = content.isLeaf() ? BTreePage.LEAF_HEADER : BTreePage.INTERIOR_HEADER;
    int[] b = Distribution.compute(all, content.type != BTreePage.TABLE_LEAF, usable - hs);
    int k = b.length - 1;
    int[] pages = assignPages(old, k);
    List<byte[]> dividers = writeSiblings(content, all, b, pages, rightmost);
    for (int j = 0; j < count - 1; j++) {
      parent.cells.remove(first);
    }
    parent.cells.addAll(first, dividers);
    parent.setChildAt(first + k - 1, pages[k - 1]);
    store(level - 1, parent, false);
  }

  /**
   * Collects the cells of siblings {@code first..first+count-1} of {@code parent} (using {@code
   * content} for sibling {@code ci}), with the parent's dividers between interior siblings, and
   * between index leaves, pulled down. Returns the right child of the last sibling.
   */
  private int gather(
      NodeContent parent, int first, int count, int ci, NodeContent content, int[] old, List<byte[]> all) {
    int rightmost = 0;
    for (int j = 0; j < count; j++) {
      int idx = first + j;
      old[j] = parent.childAt(idx);
      NodeContent sib = idx == ci ? content : NodeContent.of(page(old[j]));
      if (sib.type != content.type) {
        throw CellCodec.corrupt("sibling page " + old[j] + " has type " + sib.type + ", expected " + content.type);
      }
      all.addAll(sib.cells);
      if (j < count - 1) {
        byte[] divider = parent.cells.get(idx);
        if (!sib.isLeaf()) {
          all.add(withChild(divider, sib.rightChild));
        } else if (isIndex(sib.type)) {
          all.add(IndexCellCodec.toLeaf(divider, usable));
        }
      }
      rightmost = sib.rightChild;
    }
    return rightmost;
  }

  /** Reuses the old sibling pages (lowest numbers first), allocating or freeing the difference. */
  private int[] assignPages(int[] old, int k) {
    int[] sorted = old.clone();
    Arrays.sort(sorted);
    int[] pages = new int[k];
    for (int j = 0; j < k; j++) {
      pages[j] = j < sorted.length ? sorted[j] : pager.allocatePage();
    }
    for (int j = k; j < sorted.length; j++) {
      pager.freePage(sorted[j]);
    }
    Arrays.sort(pages);
    return pages;
  }

  /** Writes page j with cells [b[j], b[j+1]); returns the new dividers for the parent. */
  private List<byte[]> writeSiblings(NodeContent content, List<byte[]> all, int[] b, int[] pages, int rightmost) {
    int k = pages.length;
    boolean leaf = content.isLeaf();
    List<byte[]> dividers = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      BTreePage p = page(pages[j]);
      pager.makeWritable(p.page());
      if (content.type == BTreePage.TABLE_LEAF) {
        p.rebuild(content.type, all.subList(b[j], b[j + 1]), 0);
        if (j < k - 1) {
          dividers.add(CellCodec.interiorCell(pages[j], CellCodec.leafRowid(all.get(b[j + 1] - 1), 0)));
        }
      } else if (j < k - 1) {
        byte[] sep = all.get(b[j + 1] - 1);
        p.rebuild(content.type, all.subList(b[j], b[j + 1] - 1), leaf ? 0 : BigEndian.i32(sep, 0));
        dividers.add(leaf ? IndexCellCodec.toInterior(sep, pages[j], usable) : withChild(sep, pages[j]));
      } else {
        p.rebuild(content.type, all.subList(b[j], b[j + 1]), rightmost);
      }
    }
    return dividers;
  }

  /** A root interior page with no cells takes over its only child's content if it fits. */
  private void balanceShallower(BTreePage root) {
    int only = root.rightChild();
    NodeContent c = NodeContent.of(page(only));
    if (fits(root, c)) {
      root.rebuild(c.type, c.cells, c.rightChild);
      pager.freePage(only);
    }
  }

  /** A copy of interior cell {@code cell} (either kind) whose left child is {@code child}. */
  private static byte[] withChild(byte[] cell, int child) {
    byte[] c = cell.clone();
    BigEndian.putI32(c, 0, child);
    return c;
  }

  private BTreePage page(int n) {
    return new BTreePage(pager.getPage(n), usable);
  }
}
