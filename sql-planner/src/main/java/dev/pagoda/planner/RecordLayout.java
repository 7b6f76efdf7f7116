package dev.pagoda.planner;

import java.util.Arrays;

/**
 * Where each column of a table lives in its rows' records. SQLite leaves VIRTUAL generated
 * columns out of the record (they are computed on read), so with one of them the record field of
 * a column is not its column index: in {@code t(a, b AS (a*2), c)} the record holds {@code a}
 * and {@code c} as fields 0 and 1. Computed once per table schema.
 */
public final class RecordLayout {
  private final int[] fields;
  private final int width;

  private RecordLayout(int[] fields, int width) {
    this.fields = fields;
    this.width = width;
  }

  /** The layout where column {@code i} is field {@code i}, for a table of {@code columns}. */
  static RecordLayout identity(int columns) {
    int[] fields = new int[columns];
    Arrays.setAll(fields, i -> i);
    return new RecordLayout(fields, columns);
  }

  /** The layout that leaves out the columns marked in {@code virtual}. */
  static RecordLayout skipping(boolean[] virtual) {
    int[] fields = new int[virtual.length];
    int next = 0;
    for (int i = 0; i < virtual.length; i++) {
      fields[i] = virtual[i] ? -1 : next++;
    }
    return new RecordLayout(fields, next);
  }

  /** The record field of table column {@code column}, or -1 when it is not stored (VIRTUAL). */
  public int field(int column) {
    return fields[column];
  }

  /** The number of fields a record of a new row holds. */
  public int width() {
    return width;
  }

  /** The number of table columns. */
  public int columns() {
    return fields.length;
  }

  /** The field of every column ({@link #field}), a fresh copy for a reader to keep. */
  public int[] fields() {
    return fields.clone();
  }
}
