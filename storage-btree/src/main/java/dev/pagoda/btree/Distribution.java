package dev.pagoda.btree;

import java.util.List;

/**
 * Divides a sequence of cells among the fewest sibling pages, then evens out the page sizes (as the
 * second pass of SQLite's balance_nonroot).
 *
 * <p>The result is an array of boundaries {@code b} with {@code b[0] = 0} and {@code b[k] = n}; page j
 * receives cells {@code [b[j], b[j+1])}. When separators move up (interior pages of both kinds, and
 * index leaves, whose dividers are real entries) the last cell of every page but the last is a
 * separator: it is not stored on the page but goes up to the parent (on an interior page its left
 * child becomes that page's right child). Table leaves keep all their cells; the parent gets a
 * copy of a rowid instead.
 */
final class Distribution {
  private Distribution() {}

  /**
   * Computes the boundaries for {@code cells} on pages with {@code capacity} bytes for cell pointers
   * and cells (usable size minus page header).
   *
   * @param separatorsMoveUp whether the cell after each page but the last leaves this level
   */
  static int[] compute(List<byte[]> cells, boolean separatorsMoveUp, int capacity) {
    boolean keepAll = !separatorsMoveUp;
    int n = cells.size();
    int[] sz = new int[n];
    for (int i = 0; i < n; i++) {
      sz[i] = cells.get(i).length + 2;
    }
    int[] b = greedy(sz, keepAll, capacity);
    even(b, sz, keepAll, capacity);
    return b;
  }

  /** Fills pages left to right; the fewest pages. */
  private static int[] greedy(int[] sz, boolean keepAll, int capacity) {
    int n = sz.length;
    int[] b = new int[n + 2];
    int k = 0;
    int cur = 0;
    for (int i = 0; i < n; i++) {
      if (cur + sz[i] <= capacity) {
        cur += sz[i];
      } else if (cur == 0) {
        throw new IllegalStateException("a cell does not fit on an empty page");
      } else if (keepAll) {
        b[++k] = i;
        cur = sz[i];
      } else {
        // cell i is the separator
        b[++k] = i + 1;
        cur = 0;
      }
    }
    if (!keepAll && k > 0 && b[k] == n) {
      // the last separator would leave the last page empty: make the previous cell the separator
      b[k] = n - 1;
      if (b[k] - 1 <= b[k - 1]) {
        throw new IllegalStateException("cannot distribute interior cells");
      }
    }
    b[++k] = n;
    int[] out = new int[k + 1];
    System.arraycopy(b, 0, out, 0, k + 1);
    return out;
  }

  /**
   * Moves cells rightwards between neighbours while that makes their sizes more even. {@code
   * keepAll}: the pages keep every cell (table leaves), no separator moves up.
   */
  private static void even(int[] b, int[] sz, boolean keepAll, int capacity) {
    int k = b.length - 1;
    for (int j = k - 1; j >= 1; j--) {
      int left = pageBytes(b, sz, keepAll, j - 1);
      int right = pageBytes(b, sz, keepAll, j);
      while (true) {
        int r = b[j] - 1;
        if (keepAll) {
          if (r <= b[j - 1] || right + sz[r] > capacity || right + sz[r] > left - sz[r]) {
            break;
          }
          left -= sz[r];
          right += sz[r];
        } else {
          // separator r moves down into page j; cell r-1 becomes the separator
          if (r - 1 <= b[j - 1] || right + sz[r] > capacity || right + sz[r] > left - sz[r - 1]) {
            break;
          }
          left -= sz[r - 1];
          right += sz[r];
        }
        b[j]--;
      }
    }
  }

  /** Bytes stored on page j (cells and pointers, excluding an interior page's separator). */
  private static int pageBytes(int[] b, int[] sz, boolean keepAll, int j) {
    int end = b[j + 1];
    if (!keepAll && j + 1 < b.length - 1) {
      end--;
    }
    int total = 0;
    for (int i = b[j]; i < end; i++) {
      total += sz[i];
    }
    return total;
  }
}
