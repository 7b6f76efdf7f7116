package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.IndexCursor;
import dev.pagoda.pager.Pager;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;

/**
 * Adds and removes the entries of one index as rows are written to its table. An entry is the
 * record of the indexed columns' values followed by the rowid; for a UNIQUE index no two entries
 * may have the same indexed values (a NULL among them never conflicts, as in SQLite).
 */
final class IndexWriter implements AutoCloseable {
  private final IndexSchema index;
  private final TableSchema table;
  private final IndexCursor cursor;
  private final RecordComparator comparator;
  private final Value[] key;
  private final Value[] entry;
  private final RecordReader reader = new RecordReader();

  IndexWriter(Pager pager, IndexSchema index, TableSchema table) {
    this.index = index;
    this.table = table;
    this.comparator = RecordComparator.forIndex(index);
    this.cursor = BTree.openIndex(pager, index.rootPage(), comparator);
    this.key = new Value[index.columns().size()];
    this.entry = new Value[key.length + 1];
  }

  /**
   * Adds the entry for a row.
   *
   * @param row the row's column values as stored, except that the rowid-alias column (if any)
   *     holds the rowid
   * @throws SqlException {@code CONSTRAINT_UNIQUE} when a UNIQUE index already has these values
   */
  void add(Value[] row, long rowid) {
    add(row, rowid, true);
  }

  /**
   * Adds the entry for a row, checking uniqueness first when {@code check} (a caller that
   * resolved conflicts already passes false).
   */
  void add(Value[] row, long rowid, boolean check) {
    boolean anyNull = fillKey(row);
    for (int i = 0; i < key.length; i++) {
      entry[i] = key[i];
    }
    entry[key.length] = Value.of(rowid);
    if (check && index.unique() && !anyNull && conflictWith(Long.MIN_VALUE, true) != null) {
      throw new SqlException(violationCode(), uniqueMessage());
    }
    cursor.insert(RecordCodec.encode(entry));
  }

  /** Removes the entry of a row, as {@link #add} made it. */
  void remove(Value[] row, long rowid) {
    fillKey(row);
    for (int i = 0; i < key.length; i++) {
      entry[i] = key[i];
    }
    entry[key.length] = Value.of(rowid);
    cursor.delete(RecordCodec.encode(entry));
  }

  boolean isUnique() {
    return index.unique();
  }

  IndexSchema schema() {
    return index;
  }

  /** The result code of a violation: PRIMARY KEY for a primary key's index, else UNIQUE. */
  ResultCode violationCode() {
    return index.primaryKey() ? ResultCode.CONSTRAINT_PRIMARYKEY : ResultCode.CONSTRAINT_UNIQUE;
  }

  /**
   * For a UNIQUE index, the rowid of a row other than {@code self} whose entry has the indexed
   * values of {@code row}, or null when there is none (or a value is NULL).
   */
  Long conflict(Value[] row, long self) {
    if (!index.unique() || fillKey(row)) {
      return null;
    }
    return conflictWith(self, false);
  }

  /** Copies the indexed values of {@code row} into {@code key}; whether any is NULL. */
  private boolean fillKey(Value[] row) {
    boolean anyNull = false;
    for (int i = 0; i < key.length; i++) {
      key[i] = row[index.columns().get(i).column()];
      anyNull |= key[i].isNull();
    }
    return anyNull;
  }

  /** The rowid of an entry equal to {@code key} whose rowid is not {@code self}, or null. */
  private Long conflictWith(long self, boolean any) {
    byte[] prefix = RecordCodec.encode(key);
    for (boolean ok = cursor.seekAtOrAfter(prefix); ok; ok = cursor.next()) {
      byte[] found = cursor.entry();
      if (comparator.compare(prefix, found, 0, found.length) != 0) {
        return null;
      }
      long rowid = Values.toLong(reader.reset(found).column(key.length));
      if (any || rowid != self) {
        return rowid;
      }
    }
    return null;
  }

  /** SQLite's message for a violation of this index: {@code UNIQUE constraint failed: t.a, t.b}. */
  String uniqueMessage() {
    StringBuilder names = new StringBuilder();
    for (IndexSchema.IndexColumn c : index.columns()) {
      if (names.length() > 0) {
        names.append(", ");
      }
      names.append(table.name()).append('.').append(table.columns().get(c.column()).name());
    }
    return "UNIQUE constraint failed: " + names;
  }

  @Override
  public void close() {
    cursor.close();
  }
}
