package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows an {@code UPDATE ... FROM} updates: its join run to the end, one joined row kept per
 * target rowid (the first, as SQLite keeps an arbitrary one). When a row's turn comes the target
 * part is the row as it is then, re-read, and the FROM part is the one collected.
 */
final class UpdateFromRows {
  private final long[] rowids;
  private final List<Value[]> rows;
  private final Value[] joined;
  private final int targetWidth;

  private UpdateFromRows(long[] rowids, List<Value[]> rows, int width, int targetWidth) {
    this.rowids = rowids;
    this.rows = rows;
    this.joined = new Value[width];
    this.targetWidth = targetWidth;
  }

  /**
   * Runs {@code source} (joined rows that start with the target's columns and rowid).
   *
   * @param columns the target's number of columns: the rowid is at that position
   */
  static UpdateFromRows collect(SourceRows source, Pager pager, int columns) {
    List<Value[]> all = source.collect(pager);
    List<Value[]> kept = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Value[] row : all) {
      if (seen.add(Values.toLong(row[columns]))) {
        kept.add(row);
      }
    }
    long[] rowids = new long[kept.size()];
    for (int i = 0; i < rowids.length; i++) {
      rowids[i] = Values.toLong(kept.get(i)[columns]);
    }
    int width = kept.isEmpty() ? columns + 1 : kept.get(0).length;
    return new UpdateFromRows(rowids, kept, width, columns + 1);
  }

  /** The target rowids in join order, each once. */
  long[] rowids() {
    return rowids;
  }

  /**
   * The joined row of the {@code i}th rowid with the target's current row {@code old}; valid
   * until the next call.
   */
  Row row(int i, Value[] old) {
    System.arraycopy(old, 0, joined, 0, targetWidth);
    Value[] row = rows.get(i);
    System.arraycopy(row, targetWidth, joined, targetWidth, joined.length - targetWidth);
    return TableWriter.rowOf(joined);
  }
}
