package dev.pagoda.executor;

import dev.pagoda.btree.TableCursor;
import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.Value;

/**
 * An operator whose row is the table row under a table cursor: the table's columns, decoded
 * lazily, then the rowid. A column of REAL affinity may hold an integer on disk (SQLite stores
 * integral reals that way to save space); it reads back as a REAL.
 */
abstract class TableRowOp implements Operator {
  protected final TableCursor cursor;
  private final int rowidAlias;
  private final int rowidColumn;
  private final boolean[] realColumns;
  private final RecordReader record = new RecordReader();
  private boolean decoded;

  TableRowOp(TableCursor cursor, int rowidAlias, boolean[] realColumns) {
    this.cursor = cursor;
    this.rowidAlias = rowidAlias;
    this.rowidColumn = realColumns.length;
    this.realColumns = realColumns;
  }

  /** Which columns of {@code table} have REAL affinity. */
  static boolean[] realColumns(TableSchema table) {
    boolean[] real = new boolean[table.columns().size()];
    for (int i = 0; i < real.length; i++) {
      real[i] = table.columns().get(i).affinity() == Affinity.REAL;
    }
    return real;
  }

  /** Call when the cursor has moved: the next column read decodes the new row. */
  protected final void rowChanged() {
    decoded = false;
  }

  @Override
  public Value column(int i) {
    if (i == rowidColumn || i == rowidAlias) {
      return Value.of(cursor.rowid());
    }
    if (!decoded) {
      record.reset(cursor.payload());
      decoded = true;
    }
    Value v = record.column(i);
    if (realColumns[i] && v instanceof Value.Int n) {
      return Value.of((double) n.value());
    }
    return v;
  }

  @Override
  public void close() {
    cursor.close();
  }
}
