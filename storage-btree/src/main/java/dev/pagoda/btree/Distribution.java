package dev.pagoda.btree;

import java.util.List;

/**
 * Divides a sequence of cells among the fewest sibling pages, then evens out the page sizes (as the
 * second pass of SQLite's balance_nonroot).
 *
 * <p>The result is an array of boundaries {@code b} with {@code b[0] = 0} and {@code b[k] = n}; page j
 * receives cells {@code [b[j], b[j+1])}. For interior pages the last cell of every page but the last
 * is a separator: it is not stored on the page; its left child becomes that page's right child and
 * its key goes up to the parent.
 */
final class Distribution {
  private Distribution() {}

  /**
   * Computes the boundaries for {@code cells} on pages with {@code capacity} bytes for cell pointers
   * and cells (usable size minus page header).
   */
  static int[] compute(List<byte[]> cells, boolean leaf, int capacity) {
    int n = cells.size();
    int[] sz = new int[n];
    for (int i = 0; i < n; i++) {
      sz[i] = cells.get(i).length + 2;
    }
    int[] b = greedy(sz, leaf, capacity);
    even(b, sz, leaf, capacity);
    return b;
  }

  /** Fills pages left to right; the fewest pages. */
  private static int[] greedy(int[] sz, boolean leaf, int capacity) {
    int n = sz.length;
    int[] b = new int[n + 2];
    int k = 0;
    int cur = 0;
    for (int i = 0; i < n; i++) {
      if (cur + sz[i] <= capacity) {
        cur += sz[i];
      } else if (cur == 0) {
        throw new IllegalStateException("a cell does not fit on an empty page");
      } else if (leaf) {
        b[++k] = i;
        cur = sz[i];
      } else {
        b[++k] = i + 1;
        cur = 0;
      }
    }
    if (!leaf && k > 0 && b[k] == n) {
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

  /** Moves cells rightwards between neighbours while that makes their sizes more even. */
  private static void even(int[] b, int[] sz, boolean leaf, int capacity) {
    int k = b.length - 1;
    for (int j = k - 1; j >= 1; j--) {
      int left = pageBytes(b, sz, leaf, j - 1);
      int right = pageBytes(b, sz, leaf, j);
      while (true) {
        int r = b[j] - 1;
        if (leaf) {
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
  private static int pageBytes(int[] b, int[] sz, boolean leaf, int j) {
    int end = b[j + 1];
    if (!leaf && j + 1 < b.length - 1) {
      end--;
    }
    int total = 0;
    for (int i = b[j]; i < end; i++) {
      total += sz[i];
    }
    return total;
  }
}
