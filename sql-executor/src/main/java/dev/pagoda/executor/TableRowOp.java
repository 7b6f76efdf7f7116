package dev.pagoda.executor;

import dev.pagoda.btree.TableCursor;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.Value;

/**
 * An operator whose row is the table row under a table cursor: the table's columns, decoded
 * lazily through the table's {@link RowDecoding} (record fields, REAL columns, VIRTUAL generated
 * columns computed from the row), then the rowid.
 */
abstract class TableRowOp implements Operator {
  protected final TableCursor cursor;
  private final int rowidAlias;
  private final int rowidColumn;
  private final RowDecoding decoding;
  private final RecordReader record = new RecordReader();
  private boolean decoded;
  private boolean inPlace;

  TableRowOp(TableCursor cursor, RowDecoding decoding) {
    this.cursor = cursor;
    this.rowidAlias = decoding.rowidAlias();
    this.rowidColumn = decoding.columns();
    this.decoding = decoding;
  }

  /** How the rows of {@code table} are decoded; once per plan node, shared by its runs. */
  static RowDecoding decoding(TableSchema table) {
    return RowDecoding.of(table);
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
    if (!decoded || (inPlace && !cursor.unchanged())) {
      read();
    }
    return decoding.column(record, i, this);
  }

  @Override
  public boolean storedText(int i, TextSlice out) {
    if (i == rowidColumn || i == rowidAlias) {
      return false;
    }
    if (!decoded || (inPlace && !cursor.unchanged())) {
      read();
    }
    return decoding.storedText(record, i, out);
  }

  /**
   * Points the record reader at the current row: in place on its page when the payload has no
   * overflow (no copy per row; re-read if any page changes before the next column is read), else
   * at a copy.
   */
  private void read() {
    int offset = cursor.localPayloadOffset();
    inPlace = offset >= 0;
    if (inPlace) {
      record.reset(cursor.pageBytes(), offset, cursor.payloadSize());
    } else {
      record.reset(cursor.payload());
    }
    decoded = true;
  }

  @Override
  public void close() {
    cursor.close();
  }
}
