package dev.pagoda.wal;

import java.util.Arrays;
import java.util.concurrent.locks.StampedLock;

/**
 * The in-memory wal-index of one WAL generation (SQLite keeps it in the {@code -shm} file): for
 * every committed frame its page number and commit size, and for every page the ascending list of
 * frames holding it. A generation begins empty when the WAL (re)starts and only grows: the writer
 * appends one commit's frames at a time ({@link #append}), after they were written to the file, so
 * the index always holds exactly the frames {@code 1..frames()} of its generation, all committed.
 *
 * <p>Lookups ({@link #find}) binary-search the page's frame list for the newest frame at or below
 * a snapshot's {@code mxFrame}: O(log n), allocation-free. A {@link StampedLock} separates the one
 * appending writer from the lookups (held for in-memory work only, never across I/O).
 *
 * <p>The generation is identified by the object itself; {@link #baseVersion()} is the commit
 * version the database had when the generation began (its frame 0 state is the database file).
 */
final class WalIndex {
  private static final int EMPTY = 0;

  private final StampedLock lock = new StampedLock();
  private final long baseVersion;
  /** framePages[f - 1]: the page in frame f. */
  private int[] framePages = new int[64];
  /** commitSizes[f - 1]: the commit size of frame f (0: not a commit frame). */
  private int[] commitSizes = new int[64];
  private int frames;
  /** Open-addressing table: page number (0 = empty) to an index into lists/counts. */
  private int[] keys = new int[64];
  private int[] slots = new int[64];
  private int[][] lists = new int[32][];
  private int[] counts = new int[32];
  private int distinct;

  WalIndex(long baseVersion) {
    this.baseVersion = baseVersion;
  }

  /** The commit version at the start of this generation. */
  long baseVersion() {
    return baseVersion;
  }

  /** The number of frames indexed. */
  int frames() {
    long st = lock.readLock();
    try {
      return frames;
    } finally {
      lock.unlockRead(st);
    }
  }

  /**
   * Indexes one commit: page {@code pages[i]} in frame {@code firstFrame + i} for i below {@code
   * n}, the last of them with commit size {@code commitSize}; {@code firstFrame} must follow the
   * last indexed frame.
   */
  void append(int firstFrame, int[] pages, int n, int commitSize) {
    long st = lock.writeLock();
    try {
      if (firstFrame != frames + 1) {
        throw new IllegalStateException("frame " + firstFrame + " after " + frames + " indexed");
      }
      ensureFrameCapacity(frames + n);
      for (int i = 0; i < n; i++) {
        int f = ++frames;
        framePages[f - 1] = pages[i];
        commitSizes[f - 1] = i == n - 1 ? commitSize : 0;
        addToPage(pages[i], f);
      }
    } finally {
      lock.unlockWrite(st);
    }
  }

  /** The newest frame holding {@code pgno} at or below {@code mx}, or 0 when none does. */
  int find(int pgno, int mx) {
    long st = lock.readLock();
    try {
      int slot = slotOf(pgno);
      if (slot < 0) {
        return 0;
      }
      int[] list = lists[slot];
      int i = Arrays.binarySearch(list, 0, counts[slot], mx);
      if (i >= 0) {
        return list[i];
      }
      int below = -i - 2; // the insertion point minus one: the largest frame < mx
      return below >= 0 ? list[below] : 0;
    } finally {
      lock.unlockRead(st);
    }
  }

  /** The commit size stored in frame {@code f} (0 for a frame that is not a commit frame). */
  int commitSizeAt(int f) {
    long st = lock.readLock();
    try {
      return f >= 1 && f <= frames ? commitSizes[f - 1] : 0;
    } finally {
      lock.unlockRead(st);
    }
  }

  /** The distinct pages of frames {@code after+1 .. upTo}, ascending. */
  int[] pagesBetween(int after, int upTo) {
    long st = lock.readLock();
    try {
      int to = Math.min(upTo, frames);
      if (to <= after) {
        return new int[0];
      }
      int[] p = Arrays.copyOfRange(framePages, Math.max(after, 0), to);
      Arrays.sort(p);
      int n = 0;
      for (int i = 0; i < p.length; i++) {
        if (i == 0 || p[i] != p[i - 1]) {
          p[n++] = p[i];
        }
      }
      return Arrays.copyOf(p, n);
    } finally {
      lock.unlockRead(st);
    }
  }

  private void ensureFrameCapacity(int needed) {
    if (needed > framePages.length) {
      int cap = Math.max(needed, framePages.length * 2);
      framePages = Arrays.copyOf(framePages, cap);
      commitSizes = Arrays.copyOf(commitSizes, cap);
    }
  }

  private void addToPage(int pgno, int frame) {
    int slot = slotOf(pgno);
    if (slot < 0) {
      if ((distinct + 1) * 2 > keys.length) {
        rehash();
      }
      slot = distinct++;
      if (slot == lists.length) {
        lists = Arrays.copyOf(lists, slot * 2);
        counts = Arrays.copyOf(counts, slot * 2);
      }
      lists[slot] = new int[2];
      insertKey(pgno, slot);
    }
    int[] list = lists[slot];
    if (counts[slot] == list.length) {
      list = Arrays.copyOf(list, list.length * 2);
      lists[slot] = list;
    }
    list[counts[slot]++] = frame;
  }

  private int slotOf(int pgno) {
    int mask = keys.length - 1;
    for (int h = hash(pgno) & mask; ; h = (h + 1) & mask) {
      int k = keys[h];
      if (k == pgno) {
        return slots[h];
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  private void insertKey(int pgno, int slot) {
    int mask = keys.length - 1;
    int h = hash(pgno) & mask;
    while (keys[h] != EMPTY) {
      h = (h + 1) & mask;
    }
    keys[h] = pgno;
    slots[h] = slot;
  }

  private void rehash() {
    int[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new int[oldKeys.length * 2];
    slots = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        insertKey(oldKeys[i], oldSlots[i]);
      }
    }
  }

  private static int hash(int pgno) {
    int h = pgno * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
