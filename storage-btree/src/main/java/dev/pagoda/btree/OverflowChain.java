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

  /** Reads {@code len} payload bytes from the chain starting at {@code pgno} into {@code dest}. */
  static void read(Pager pager, int pgno, byte[] dest, int destOff, int len) {
    int per = pager.usableSize() - 4;
    int page = pgno;
    int pos = destOff;
    int remaining = len;
    while (remaining > 0) {
      checkPage(pager, page);
      byte[] d = pager.getPage(page).data();
      int n = Math.min(per, remaining);
      System.arraycopy(d, 4, dest, pos, n);
      pos += n;
      remaining -= n;
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
