package dev.pagoda.pager;

/**
 * The database freelist: a linked list of trunk pages, each holding an array of leaf page numbers.
 * The head and total count live in the database header (offsets 32 and 36).
 *
 * <p>Trunk page layout:
 *
 * <pre>
 * OFFSET SIZE MEANING
 *      0    4 page number of the next trunk page, 0 for the last trunk
 *      4    4 L = number of leaf page numbers stored on this trunk
 *      8  4*L leaf page numbers
 * </pre>
 *
 * <p>Freelist leaf pages carry no information; their content is ignored. As in SQLite, a freed page
 * is appended as a leaf of the first trunk while that trunk holds fewer than {@code usable/4 - 8}
 * leaves (the limit older SQLite versions expect); otherwise the freed page becomes the new first
 * trunk. Allocation takes the last leaf of the first trunk, or the trunk itself when it has no
 * leaves.
 */
final class FreeList {
  private static final int NEXT_TRUNK = 0;
  private static final int LEAF_COUNT = 4;
  private static final int LEAVES = 8;

  private FreeList() {}

  /** Adds {@code pgno} to the freelist. The caller has checked the page number and the txn. */
  static void free(Pager pager, int pgno) {
    Page page1 = pager.page1();
    pager.makeWritable(page1);
    byte[] h = page1.data();
    int count = BigEndian.i32(h, DatabaseHeader.FREELIST_COUNT);
    int trunk = BigEndian.i32(h, DatabaseHeader.FREELIST_TRUNK);
    BigEndian.putI32(h, DatabaseHeader.FREELIST_COUNT, count + 1);
    if (count != 0 && trunk != 0) {
      Page t = pager.getPage(checkTrunk(pager, trunk));
      int leaves = BigEndian.i32(t.data(), LEAF_COUNT);
      if (leaves < 0 || leaves > pager.usableSize() / 4 - 2) {
        throw StorageException.corrupt("freelist trunk " + trunk + " has bad leaf count " + leaves);
      }
      if (leaves < pager.usableSize() / 4 - 8) {
        pager.makeWritable(t);
        BigEndian.putI32(t.data(), LEAF_COUNT, leaves + 1);
        BigEndian.putI32(t.data(), LEAVES + 4 * leaves, pgno);
        return;
      }
    }
    Page p = pager.getPage(pgno);
    pager.makeWritable(p);
    BigEndian.putI32(p.data(), NEXT_TRUNK, count == 0 ? 0 : trunk);
    BigEndian.putI32(p.data(), LEAF_COUNT, 0);
    BigEndian.putI32(h, DatabaseHeader.FREELIST_TRUNK, pgno);
  }

  /**
   * Removes one page from the freelist and returns its number, or 0 when the freelist is empty.
   * The returned page's content is not yet zeroed.
   */
  static int allocate(Pager pager) {
    Page page1 = pager.page1();
    byte[] h = page1.data();
    int count = BigEndian.i32(h, DatabaseHeader.FREELIST_COUNT);
    int trunk = BigEndian.i32(h, DatabaseHeader.FREELIST_TRUNK);
    if (count <= 0 || trunk == 0) {
      return 0;
    }
    Page t = pager.getPage(checkTrunk(pager, trunk));
    int leaves = BigEndian.i32(t.data(), LEAF_COUNT);
    if (leaves < 0 || leaves > pager.usableSize() / 4 - 2) {
      throw StorageException.corrupt("freelist trunk " + trunk + " has bad leaf count " + leaves);
    }
    pager.makeWritable(page1);
    BigEndian.putI32(h, DatabaseHeader.FREELIST_COUNT, count - 1);
    if (leaves > 0) {
      int leaf = BigEndian.i32(t.data(), LEAVES + 4 * (leaves - 1));
      if (leaf < 2 || leaf > pager.pageCount()) {
        throw StorageException.corrupt("freelist leaf page number out of range: " + leaf);
      }
      pager.makeWritable(t);
      BigEndian.putI32(t.data(), LEAF_COUNT, leaves - 1);
      BigEndian.putI32(t.data(), LEAVES + 4 * (leaves - 1), 0);
      return leaf;
    }
    BigEndian.putI32(h, DatabaseHeader.FREELIST_TRUNK, BigEndian.i32(t.data(), NEXT_TRUNK));
    return trunk;
  }

  private static int checkTrunk(Pager pager, int trunk) {
    if (trunk < 2 || trunk > pager.pageCount()) {
      throw StorageException.corrupt("freelist trunk page number out of range: " + trunk);
    }
    return trunk;
  }
}
