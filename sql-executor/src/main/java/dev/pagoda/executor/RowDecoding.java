package dev.pagoda.executor;

import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;

/**
 * How a table's row is read from its record, computed once per table and plan: the record field
 * of each column ({@link dev.pagoda.planner.RecordLayout}; VIRTUAL generated columns have none
 * and are computed by {@link GeneratedValues}), the rowid-alias column (read from the key), and
 * the REAL columns (SQLite stores an integral real as an integer; it reads back as a REAL).
 */
final class RowDecoding {
  private final int rowidAlias;
  private final int[] fields;
  private final boolean[] real;
  private final GeneratedValues generated;

  private RowDecoding(TableSchema table) {
    this.rowidAlias = table.rowidAlias();
    this.fields = table.layout().fields();
    this.real = new boolean[fields.length];
    for (int i = 0; i < real.length; i++) {
      real[i] = table.columns().get(i).affinity() == Affinity.REAL;
    }
    this.generated = GeneratedValues.of(table);
  }

  /** The decoding of {@code table}'s rows. */
  static RowDecoding of(TableSchema table) {
    return new RowDecoding(table);
  }

  /** The number of table columns (the rowid is the column after them). */
  int columns() {
    return fields.length;
  }

  /** Which column aliases the rowid, or -1. */
  int rowidAlias() {
    return rowidAlias;
  }

  /**
   * Column {@code i} (a table column other than the rowid alias) of the row whose record
   * {@code record} holds; {@code row} is the same row, which a VIRTUAL column's expression reads.
   */
  Value column(RecordReader record, int i, Row row) {
    int field = fields[i];
    if (field < 0) {
      return generated.virtual(i, row);
    }
    Value v = record.column(field);
    if (real[i] && v instanceof Value.Int n) {
      return Value.of((double) n.value());
    }
    return v;
  }

  /**
   * Whether column {@code i} (a table column other than the rowid alias) is a TEXT value stored
   * in {@code record}; when it is, points {@code out} at its bytes. A REAL column's text reads
   * back as it is stored; a VIRTUAL column is computed, so never stored text.
   */
  boolean storedText(RecordReader record, int i, TextSlice out) {
    int field = fields[i];
    return field >= 0 && record.text(field, out);
  }

  /**
   * Column {@code i}'s value as read from a record other than the row's own (an index entry):
   * an integer in a REAL column reads back as a REAL, as from the row.
   */
  Value stored(int i, Value v) {
    if (real[i] && v instanceof Value.Int n) {
      return Value.of((double) n.value());
    }
    return v;
  }

  /**
   * Decodes the whole row with {@code rowid} from {@code record} into {@code row}: the table's
   * columns, VIRTUAL ones computed, then the rowid (when {@code row} has room for it).
   */
  void decode(RecordReader record, long rowid, Value[] row) {
    Value key = Value.of(rowid);
    for (int i = 0; i < fields.length; i++) {
      if (i == rowidAlias) {
        row[i] = key;
      } else if (fields[i] >= 0) {
        row[i] = column(record, i, null);
      }
    }
    if (row.length > fields.length) {
      row[fields.length] = key;
    }
    if (generated != null) {
      generated.computeVirtual(row);
    }
  }

  /**
   * Stored column {@code column} of {@code table} in {@code record}, for a reader that decodes
   * single columns without a row (a foreign key probe); a VIRTUAL column is refused.
   */
  static Value storedColumn(TableSchema table, RecordReader record, int column) {
    int field = table.layout().field(column);
    if (field < 0) {
      throw SqlException.error(
          "not supported yet: foreign keys on VIRTUAL generated column " + table.name() + "."
              + table.columns().get(column).name());
    }
    Value v = record.column(field);
    if (table.columns().get(column).affinity() == Affinity.REAL && v instanceof Value.Int n) {
      return Value.of((double) n.value());
    }
    return v;
  }
}
