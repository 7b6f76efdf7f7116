package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Page;
import dev.pagoda.pager.Pager;

/**
 * Overflow page chains holding the part of a payload that does not fit on its b-tree page.
 *
 * <pre>
 * OFFSET SIZE  MEANING
 *      0    4  page number of the next overflow page, 0 on the last page
 *      4  U-4  the next U-4 bytes of the payload (fewer on the last page; the rest is unused)
 * </pre>
 */
final class OverflowChain {
  private OverflowChain() {}

  /** Writes {@code payload[from..]} to newly allocated pages; returns the first page number. */
  static int write(Pager pager, byte[] payload, int from) {
    int per = pager.usableSize() - 4;
    int first = 0;
    Page prev = null;
    int pos = from;
    while (pos < payload.length) {
      int pgno = pager.allocatePage();
      Page page = pager.getPage(pgno);
      if (prev == null) {
        first = pgno;
      } else {
        BigEndian.putI32(prev.data(), 0, pgno);
      }
      int n = Math.min(per, payload.length - pos);
      System.arraycopy(payload, pos, page.data(), 4, n);
      pos += n;
      prev = page;
    }
    return first;
  }

  /**
   * Throws CORRUPT unless a cell on page {@code pgno} whose chain starts at {@code first} and holds
   * {@code len} bytes is plausible: the first page number is in range and the chain's ceil(len /
   * (U-4)) pages fit in the file. Callers check this before allocating a buffer for the payload, so
   * that a damaged size never allocates more than the file could hold.
   */
  static void checkLength(Pager pager, int first, long len, int pgno) {
    if (first < 2 || first > pager.pageCount()) {
      throw CellCodec.corrupt(
          "a cell on page " + pgno + " has first overflow page number " + Integer.toUnsignedString(first)
              + ", out of range 2.." + pager.pageCount());
    }
    int per = pager.usableSize() - 4;
    if (len < 0 || (len + per - 1) / per > pager.pageCount()) {
      throw CellCodec.corrupt(
          "payload of a cell on page " + pgno + " needs " + len + " overflow bytes, more than the "
              + pager.pageCount() + "-page file can hold");
    }
  }

  /**
   * Reads {@code len} payload bytes from the chain starting at {@code pgno} into {@code dest}. Reads
   * at most ceil(len / (U-4)) pages, so a cyclic chain cannot loop.
   */
  static void read(Pager pager, int pgno, byte[] dest, int destOff, int len) {
    int per = pager.usableSize() - 4;
    int page = pgno;
    int prev = 0;
    int pos = destOff;
    int remaining = len;
    while (remaining > 0) {
      if (page < 2 || page > pager.pageCount()) {
        throw CellCodec.corrupt(
            (prev == 0 ? "first overflow page number " : "overflow page " + prev + " links to page number ")
                + page + ", out of range 2.." + pager.pageCount());
      }
      byte[] d = pager.getPage(page).data();
      int n = Math.min(per, remaining);
      System.arraycopy(d, 4, dest, pos, n);
      pos += n;
      remaining -= n;
      prev = page;
      page = BigEndian.i32(d, 0);
    }
  }

  /** Frees the chain starting at {@code pgno} that holds {@code len} payload bytes. */
  static void free(Pager pager, int pgno, int len) {
    int per = pager.usableSize() - 4;
    int pages = (len + per - 1) / per;
    int page = pgno;
    for (int i = 0; i < pages; i++) {
      checkPage(pager, page);
      int next = BigEndian.i32(pager.getPage(page).data(), 0);
      pager.freePage(page);
      page = next;
    }
  }

  private static void checkPage(Pager pager, int pgno) {
    if (pgno < 2 || pgno > pager.pageCount()) {
      throw CellCodec.corrupt("overflow page number out of range: " + pgno);
    }
  }
}
