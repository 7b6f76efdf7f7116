package dev.pagoda.executor;

import dev.pagoda.parser.ast.WindowFrame;

/**
 * The rows of one row's window frame: the range from start to end less what EXCLUDE removes, as
 * up to three ascending runs of partition row numbers. Reused from row to row.
 */
final class FrameRows {
  private final int[] from = new int[3];
  private final int[] to = new int[3];
  private int runs;

  /**
   * Sets the frame of row {@code i}: rows {@code start} to {@code end} (exclusive), less the row
   * itself (CURRENT ROW), its peers {@code peerStart..peerEnd} (GROUP) or its other peers (TIES).
   */
  void set(int start, int end, WindowFrame.Exclude exclude, int i, int peerStart, int peerEnd) {
    runs = 0;
    switch (exclude) {
      case NO_OTHERS -> add(start, end);
      case CURRENT_ROW -> {
        add(start, Math.min(end, i));
        add(Math.max(start, i + 1), end);
      }
      case GROUP -> {
        add(start, Math.min(end, peerStart));
        add(Math.max(start, peerEnd), end);
      }
      case TIES -> {
        add(start, Math.min(end, peerStart));
        if (i >= start && i < end) {
          add(i, i + 1);
        }
        add(Math.max(start, peerEnd), end);
      }
    }
  }

  private void add(int start, int end) {
    if (start < end) {
      from[runs] = start;
      to[runs] = end;
      runs++;
    }
  }

  /** The number of rows in the frame. */
  int size() {
    int n = 0;
    for (int r = 0; r < runs; r++) {
      n += to[r] - from[r];
    }
    return n;
  }

  /** The partition row number of the frame's {@code k}-th row (from 0), or -1. */
  int row(long k) {
    if (k < 0) {
      return -1;
    }
    for (int r = 0; r < runs; r++) {
      int len = to[r] - from[r];
      if (k < len) {
        return from[r] + (int) k;
      }
      k -= len;
    }
    return -1;
  }

  /** The frame's last row, or -1 when it is empty. */
  int last() {
    return runs == 0 ? -1 : to[runs - 1] - 1;
  }

  int runs() {
    return runs;
  }

  int runStart(int r) {
    return from[r];
  }

  int runEnd(int r) {
    return to[r];
  }

  /** Whether {@code o} holds the same rows. */
  boolean sameAs(FrameRows o) {
    if (runs != o.runs) {
      return false;
    }
    for (int r = 0; r < runs; r++) {
      if (from[r] != o.from[r] || to[r] != o.to[r]) {
        return false;
      }
    }
    return true;
  }

  void copyFrom(FrameRows o) {
    runs = o.runs;
    System.arraycopy(o.from, 0, from, 0, 3);
    System.arraycopy(o.to, 0, to, 0, 3);
  }
}
