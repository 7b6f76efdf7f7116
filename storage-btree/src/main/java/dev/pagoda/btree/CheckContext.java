package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Page;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.StorageException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one integrity check: the error list and its budget, the current message prefix,
 * the one-bit-per-page reference map, and the checks shared by the freelist and the trees (page
 * references, page chains, pointer-map entries). Mirrors SQLite's {@code IntegrityCk}.
 *
 * <p>Messages are "prefix + text". The prefix names where the checker is, as SQLite's do: {@code
 * "Freelist: "}, {@code "Tree R page P: "}, {@code "Tree R page P cell C: "}, {@code "Tree R page P
 * right child: "}, or nothing. It is kept as numbers and formatted only when an error is reported,
 * so that checking a sound file allocates nothing per cell.
 */
final class CheckContext {
  /** Prefix kinds. */
  static final int NONE = 0;
  static final int FREELIST = 1;
  static final int PAGE = 2;
  static final int CELL = 3;
  static final int RIGHT_CHILD = 4;

  /** Pointer-map entry types (SQLite's PTRMAP_*). */
  static final int PTRMAP_ROOTPAGE = 1;
  static final int PTRMAP_FREEPAGE = 2;
  static final int PTRMAP_OVERFLOW1 = 3;
  static final int PTRMAP_OVERFLOW2 = 4;
  static final int PTRMAP_BTREE = 5;

  final Pager pager;
  final int usable;
  final int pageCount;
  final boolean autoVacuum;
  private final long[] referenced;
  private final int maxErrors;
  private final List<String> errors = new ArrayList<>();

  int prefixKind;
  int prefixRoot;
  int prefixPage;
  int prefixCell;

  CheckContext(Pager pager, int maxErrors, boolean autoVacuum) {
    this.pager = pager;
    this.usable = pager.usableSize();
    this.pageCount = pager.pageCount();
    this.maxErrors = maxErrors;
    this.autoVacuum = autoVacuum;
    this.referenced = new long[(pageCount >>> 6) + 1];
  }

  List<String> errors() {
    return errors;
  }

  int errorCount() {
    return errors.size();
  }

  /** Whether the error budget is spent: every loop of the check stops then. */
  boolean full() {
    return errors.size() >= maxErrors;
  }

  void error(String text) {
    if (full()) {
      return;
    }
    String where = "Tree " + unsigned(prefixRoot) + " page " + unsigned(prefixPage);
    errors.add(switch (prefixKind) {
      case FREELIST -> "Freelist: " + text;
      case PAGE -> where + ": " + text;
      case CELL -> where + " cell " + prefixCell + ": " + text;
      case RIGHT_CHILD -> where + " right child: " + text;
      default -> text;
    });
  }

  void prefix(int kind, int page, int cell) {
    prefixKind = kind;
    prefixPage = page;
    prefixCell = cell;
  }

  /** Page numbers on disk are unsigned 32-bit; print them so. */
  static String unsigned(int pgno) {
    return Integer.toUnsignedString(pgno);
  }

  boolean isReferenced(int pgno) {
    return (referenced[pgno >>> 6] & (1L << pgno)) != 0;
  }

  void markReferenced(int pgno) {
    referenced[pgno >>> 6] |= 1L << pgno;
  }

  /** Whether {@code pgno} is a page number of this file (1..pageCount). */
  boolean inRange(int pgno) {
    return pgno >= 1 && pgno <= pageCount;
  }

  /**
   * Records a reference to {@code pgno} (SQLite's checkRef). Returns true, after reporting it, when
   * the page must not be visited: an invalid page number or a second reference.
   */
  boolean checkRef(int pgno) {
    if (!inRange(pgno)) {
      error("invalid page number " + unsigned(pgno));
      return true;
    }
    if (isReferenced(pgno)) {
      error("2nd reference to page " + pgno);
      return true;
    }
    markReferenced(pgno);
    return false;
  }

  /**
   * Page {@code pgno} (in range), or null after reporting {@code what + pgno} when the pager reports
   * it corrupt. Other failures (I/O errors, a closed pager) are not findings: they propagate.
   */
  Page page(int pgno, String what) {
    try {
      return pager.getPage(pgno);
    } catch (StorageException e) {
      if (e.kind() != StorageException.Kind.CORRUPT) {
        throw e;
      }
      error(what + pgno + " (" + e.getMessage() + ")");
      return null;
    }
  }

  /**
   * Walks a chain of pages starting at {@code first} that should hold {@code expected} pages: an
   * overflow chain, or with {@code freelist} the freelist trunk chain, whose trunks also reference
   * their leaves (SQLite's checkList). Every page is referenced once; a cycle ends the walk at the
   * second reference. Returns whether the chain is sound: the expected length, no error.
   */
  boolean checkList(boolean freelist, int first, long expected) {
    int errorsAtStart = errors.size();
    long remaining = expected;
    int pgno = first;
    while (pgno != 0 && !full()) {
      if (checkRef(pgno)) {
        break;
      }
      remaining--;
      Page p = page(pgno, "failed to get page ");
      if (p == null) {
        break;
      }
      byte[] d = p.data();
      if (freelist) {
        remaining -= checkTrunkLeaves(pgno, d);
      } else if (autoVacuum && remaining > 0) {
        checkPtrmap(BigEndian.i32(d, 0), PTRMAP_OVERFLOW2, pgno);
      }
      pgno = BigEndian.i32(d, 0);
    }
    if (remaining != 0 && errors.size() == errorsAtStart) {
      error((freelist ? "size" : "overflow list length") + " is " + (expected - remaining) + " but should be "
          + expected);
    }
    return remaining == 0 && errors.size() == errorsAtStart;
  }

  /** References the leaves of freelist trunk {@code pgno}; returns how many pages they count for. */
  private long checkTrunkLeaves(int pgno, byte[] d) {
    if (autoVacuum) {
      checkPtrmap(pgno, PTRMAP_FREEPAGE, 0);
    }
    long n = Integer.toUnsignedLong(BigEndian.i32(d, 4));
    if (n > usable / 4 - 2) {
      error("freelist leaf count too big on page " + pgno);
      return 1;
    }
    for (int i = 0; i < n; i++) {
      int leaf = BigEndian.i32(d, 8 + 4 * i);
      if (autoVacuum && inRange(leaf)) {
        checkPtrmap(leaf, PTRMAP_FREEPAGE, 0);
      }
      checkRef(leaf);
    }
    return n;
  }

  /**
   * The pointer-map page that holds the entry for page {@code pgno} (SQLite's PTRMAP_PAGENO): the
   * first is page 2, then one every U/5 + 1 pages, skipping the lock-byte page.
   */
  int ptrmapPageOf(int pgno) {
    int perMap = usable / 5 + 1;
    int map = (pgno - 2) / perMap * perMap + 2;
    return map == pager.lockBytePage() ? map + 1 : map;
  }

  boolean isPtrmapPage(int pgno) {
    return autoVacuum && pgno >= 2 && ptrmapPageOf(pgno) == pgno;
  }

  /**
   * Checks the pointer-map entry of page {@code child}: 5 bytes at 5*(child - map - 1) in its map
   * page, a type byte and the 4-byte parent page number.
   */
  void checkPtrmap(int child, int type, int parent) {
    if (child < 2 || child > pageCount) {
      return; // checkRef reports the page number itself
    }
    int map = ptrmapPageOf(child);
    int offset = 5 * (child - map - 1);
    Page p = offset < 0 || map > pageCount ? null : page(map, "failed to get pointer-map page ");
    if (p == null) {
      error("Failed to read ptrmap key=" + child);
      return;
    }
    byte[] d = p.data();
    int gotType = d[offset] & 0xff;
    int gotParent = BigEndian.i32(d, offset + 1);
    if (gotType != type || gotParent != parent) {
      error("Bad ptr map entry key=" + child + " expected=(" + type + "," + unsigned(parent) + ") got=("
          + gotType + "," + unsigned(gotParent) + ")");
    }
  }
}
