package dev.pagoda.executor;

import dev.pagoda.btree.IndexCursor;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.Arrays;
import java.util.List;

/**
 * Walks index entries from each start key while they sort at or before its end key (on the end
 * key's fields; null: to the last entry); its row is the table row of each entry's rowid.
 *
 * <p>The table row is fetched only when a column the entry does not hold is read (SQLite's
 * deferred seek): the rowid and the indexed columns come from the entry itself, so a query that
 * needs no other column (a covering index) never touches the table. Nothing is allocated per
 * entry: the entry is read in the cursor's own buffer.
 */
final class IndexSeekOp extends TableRowOp {
  private final IndexCursor index;
  private final RecordComparator comparator;
  private final List<byte[]> starts;
  private final List<byte[]> ends;
  private final RowDecoding decoding;
  /** For each table column (and the rowid after them), its field in the entry, or -1. */
  private final int[] fromIndex;
  private final RecordReader entry = new RecordReader();
  private int range = -1;
  private boolean inRange;
  private long rowid;
  private boolean fetched;

  IndexSeekOp(IndexCursor index, RecordComparator comparator, List<byte[]> starts,
      List<byte[]> ends, TableCursor rows, RowDecoding decoding, int[] fromIndex) {
    super(rows, decoding);
    this.index = index;
    this.comparator = comparator;
    this.starts = starts;
    this.ends = ends;
    this.decoding = decoding;
    this.fromIndex = fromIndex;
  }

  /**
   * For each column of {@code table} and then its rowid, the field of {@code index}'s entries
   * that holds it, or -1: indexed plain columns, the rowid (the last field) and its alias.
   */
  static int[] indexFields(TableSchema table, IndexSchema index) {
    int columns = table.columns().size();
    int[] fields = new int[columns + 1];
    Arrays.fill(fields, -1);
    List<IndexSchema.IndexColumn> indexed = index.columns();
    for (int f = indexed.size() - 1; f >= 0; f--) {
      int c = indexed.get(f).column();
      if (c >= 0 && c < columns) {
        fields[c] = f;
      }
    }
    fields[columns] = indexed.size();
    if (table.rowidAlias() >= 0) {
      fields[table.rowidAlias()] = indexed.size();
    }
    return fields;
  }

  @Override
  public boolean next() {
    Interrupts.check();
    while (true) {
      boolean valid;
      if (inRange) {
        valid = index.next();
      } else {
        if (++range >= starts.size()) {
          return false;
        }
        valid = index.seekAtOrAfter(starts.get(range));
        inRange = true;
      }
      if (valid) {
        entry.reset(index.entryBuffer(), 0, index.entrySize());
        if (withinEnd()) {
          rowid = entry.integer(entry.columnCount() - 1, Long.MIN_VALUE);
          fetched = false;
          rowChanged();
          return true;
        }
      }
      inRange = false;
    }
  }

  private boolean withinEnd() {
    byte[] end = ends.get(range);
    return end == null
        || comparator.compare(end, index.entryBuffer(), 0, index.entrySize()) >= 0;
  }

  @Override
  public Value column(int i) {
    int field = fromIndex[i];
    if (field >= 0) {
      Value v = entry.column(field);
      return i < decoding.columns() ? decoding.stored(i, v) : v;
    }
    fetchRow();
    return super.column(i);
  }

  /**
   * A column the index entry holds is left to {@link #column} (the entry's record is not the
   * row's); any other is the table row's stored text, after the deferred seek.
   */
  @Override
  public boolean storedText(int i, TextSlice out) {
    if (fromIndex[i] >= 0) {
      return false;
    }
    fetchRow();
    return super.storedText(i, out);
  }

  /** The deferred table seek: positions the table cursor on the entry's row once per entry. */
  private void fetchRow() {
    if (!fetched) {
      if (!cursor.seek(rowid)) {
        throw new SqlException(ResultCode.CORRUPT, "database disk image is malformed");
      }
      fetched = true;
    }
  }

  @Override
  public void close() {
    index.close();
    super.close();
  }
}
