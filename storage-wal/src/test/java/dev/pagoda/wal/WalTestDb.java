package dev.pagoda.wal;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.Journal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Test helpers driving a {@link WalJournal} at page level, without a pager: a database image is a
 * byte array of whole pages; page 1 carries the version that wrote it and the page count (at
 * offset 28, as SQLite's header), every page its number and a stamp, and pseudo-random bytes
 * derived from both, so that a mixed-up page is always detected.
 */
final class WalTestDb {
  static final int PS = 512;

  private WalTestDb() {}

  /** The image of page {@code pgno} stamped {@code stamp}. */
  static byte[] page(int pgno, long stamp) {
    byte[] p = new byte[PS];
    new Random(pgno * 1_000_003L + stamp).nextBytes(p);
    BigEndian.putI32(p, 0, pgno);
    BigEndian.putI32(p, 4, (int) (stamp >>> 32));
    BigEndian.putI32(p, 8, (int) stamp);
    return p;
  }

  /** Page 1 of an image of {@code count} pages written by {@code version}. */
  static byte[] page1(long version, int count) {
    byte[] p = page(1, version);
    BigEndian.putI32(p, 28, count);
    return p;
  }

  /** A database of {@code count} pages, all written by {@code version}. */
  static byte[] build(long version, int count) {
    return change(new byte[0], version, count, range(2, count));
  }

  /**
   * {@code before} after a transaction {@code version} that resizes it to {@code count} pages and
   * writes {@code pages} (and page 1, and every page beyond the old end).
   */
  static byte[] change(byte[] before, long version, int count, int... pages) {
    byte[] after = Arrays.copyOf(before, count * PS);
    int oldCount = before.length / PS;
    for (int p = oldCount + 1; p <= count; p++) {
      put(after, p, page(p, version));
    }
    for (int p : pages) {
      if (p <= count) {
        put(after, p, page(p, version));
      }
    }
    put(after, 1, page1(version, count));
    return after;
  }

  /** A random transaction on {@code before}: grow, shrink or keep; rewrite some pages. */
  static byte[] random(Random rnd, byte[] before, long version, int maxPages) {
    int count = Math.max(1, before.length / PS);
    int r = rnd.nextInt(10);
    if (r < 3 && count < maxPages) {
      count = Math.min(maxPages, count + 1 + rnd.nextInt(4));
    } else if (r < 4 && count > 2) {
      count = 2 + rnd.nextInt(count - 2);
    }
    int k = rnd.nextInt(Math.min(6, count));
    int[] pages = new int[k];
    for (int i = 0; i < k; i++) {
      pages[i] = 1 + rnd.nextInt(count);
    }
    return change(before, version, count, pages);
  }

  static int[] range(int from, int to) {
    int[] r = new int[Math.max(0, to - from + 1)];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  private static void put(byte[] image, int pgno, byte[] page) {
    System.arraycopy(page, 0, image, (pgno - 1) * PS, PS);
  }

  /** The commit turning {@code before} into {@code after}: the changed and new pages. */
  static Journal.Commit diff(byte[] before, byte[] after) {
    int count = after.length / PS;
    List<Integer> pages = new ArrayList<>();
    for (int p = 1; p <= count; p++) {
      int off = (p - 1) * PS;
      if (off + PS > before.length
          || !Arrays.equals(before, off, off + PS, after, off, off + PS)) {
        pages.add(p);
      }
    }
    int[] pg = pages.stream().mapToInt(Integer::intValue).toArray();
    byte[][] data = new byte[pg.length][];
    for (int i = 0; i < pg.length; i++) {
      data[i] = Arrays.copyOfRange(after, (pg[i] - 1) * PS, pg[i] * PS);
    }
    return new Journal.Commit(PS, before.length / PS, count, pg, data, p -> null);
  }

  /** Writes {@code after} as one transaction of the reader of {@code s}; returns its new snapshot. */
  static Journal.Snapshot write(
      WalJournal j, DbFile db, Journal.Snapshot s, byte[] before, byte[] after) {
    j.beginWrite(db, s, 0);
    Journal.Snapshot mine = s;
    try {
      mine = j.commit(db, s, diff(before, after), 0);
    } finally {
      j.endWrite(mine);
    }
    return mine;
  }

  /** One transaction in its own read transaction, as an autocommit statement. */
  static void autocommit(WalJournal j, DbFile db, byte[] before, byte[] after) {
    Journal.Snapshot s = j.beginRead(db, 0);
    try {
      s = write(j, db, s, before, after);
    } finally {
      j.endRead(s);
    }
  }

  /** Page {@code pgno} as of {@code s}: from the journal, else the file (zero-filled). */
  static byte[] readPage(WalJournal j, DbFile db, Journal.Snapshot s, int pgno) {
    byte[] buf = new byte[PS];
    if (!j.readPage(db, s, pgno, buf)) {
      int done = 0;
      while (done < PS) {
        int n = db.read((long) (pgno - 1) * PS + done, buf, done, PS - done);
        if (n <= 0) {
          break;
        }
        done += n;
      }
    }
    return buf;
  }

  /** The whole database as of {@code s}; its size from the journal, else from page 1. */
  static byte[] readAt(WalJournal j, DbFile db, Journal.Snapshot s) {
    int count = j.pageCount(s);
    if (count == 0) {
      if (db.size() == 0) {
        return new byte[0];
      }
      count = BigEndian.i32(readPage(j, db, s, 1), 28);
    }
    if (count < 1 || count > 100_000) {
      count = 1; // a damaged page 1: show it, the comparison fails
    }
    byte[] image = new byte[count * PS];
    for (int p = 1; p <= count; p++) {
      put(image, p, readPage(j, db, s, p));
    }
    return image;
  }

  /** The whole database as a new reader sees it. */
  static byte[] read(WalJournal j, DbFile db) {
    Journal.Snapshot s = j.beginRead(db, 0);
    try {
      return readAt(j, db, s);
    } finally {
      j.endRead(s);
    }
  }

  /** The version stamped in page 1 of an image (-1 for an empty one). */
  static long version(byte[] image) {
    if (image.length < PS) {
      return -1;
    }
    return ((long) BigEndian.i32(image, 4) << 32) | (BigEndian.i32(image, 8) & 0xffffffffL);
  }
}
