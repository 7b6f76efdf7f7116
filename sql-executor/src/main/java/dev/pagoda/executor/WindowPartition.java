package dev.pagoda.executor;

import dev.pagoda.spi.Value;
import java.util.Comparator;
import java.util.List;

/**
 * One partition of a window operator's sorted rows, with its peer groups (runs of rows equal in
 * every ORDER BY key; the whole partition when there is none). Each row is the sorted row: the
 * partition keys, the order keys, then the input row.
 */
final class WindowPartition {
  private final List<Value[]> rows;
  private final int orderColumn;
  private final int[] groupOf;
  /** Where each peer group starts, and the partition size after the last. */
  private final int[] groupStart;
  private final int groups;

  /**
   * @param orderColumn where the first order key is in a row (RANGE frames measure it)
   * @param peers orders rows by their order keys (0: peers)
   */
  WindowPartition(List<Value[]> rows, int orderColumn, Comparator<Value[]> peers) {
    this.rows = rows;
    this.orderColumn = orderColumn;
    int n = rows.size();
    groupOf = new int[n];
    int[] starts = new int[n + 1];
    int g = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || peers.compare(rows.get(i - 1), rows.get(i)) != 0) {
        starts[++g] = i;
      }
      groupOf[i] = g;
    }
    groups = g + 1;
    starts[groups] = n;
    groupStart = java.util.Arrays.copyOf(starts, groups + 1);
  }

  int size() {
    return rows.size();
  }

  Value[] row(int i) {
    return rows.get(i);
  }

  /** The peer group of row {@code i}, counted from 0. */
  int group(int i) {
    return groupOf[i];
  }

  int groups() {
    return groups;
  }

  /** The first row of peer group {@code g}; the partition size for {@code g == groups()}. */
  int groupStart(int g) {
    return groupStart[g];
  }

  int peerStart(int i) {
    return groupStart[groupOf[i]];
  }

  /** One past the last peer of row {@code i}. */
  int peerEnd(int i) {
    return groupStart[groupOf[i] + 1];
  }

  /** The first order key of row {@code i}. */
  Value orderKey(int i) {
    return rows.get(i)[orderColumn];
  }
}
