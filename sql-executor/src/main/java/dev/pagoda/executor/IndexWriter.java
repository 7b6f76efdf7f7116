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
 * Adds the entries of one index as rows are written to its table. An entry is the record of the
 * indexed columns' values followed by the rowid; a UNIQUE index first checks that no entry has the
 * same indexed values (a NULL among them never conflicts, as in SQLite).
 */
final class IndexWriter implements AutoCloseable {
  private final IndexSchema index;
  private final TableSchema table;
  private final IndexCursor cursor;
  private final RecordComparator comparator;
  private final Value[] key;
  private final Value[] entry;

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
    boolean anyNull = false;
    for (int i = 0; i < key.length; i++) {
      key[i] = row[index.columns().get(i).column()];
      anyNull |= key[i].isNull();
      entry[i] = key[i];
    }
    entry[key.length] = Value.of(rowid);
    if (index.unique() && !anyNull && containsKey(RecordCodec.encode(key))) {
      throw uniqueViolation();
    }
    cursor.insert(RecordCodec.encode(entry));
  }

  private boolean containsKey(byte[] prefix) {
    if (!cursor.seekAtOrAfter(prefix)) {
      return false;
    }
    byte[] found = cursor.entry();
    return comparator.compare(prefix, found, 0, found.length) == 0;
  }

  private SqlException uniqueViolation() {
    StringBuilder names = new StringBuilder();
    for (IndexSchema.IndexColumn c : index.columns()) {
      if (names.length() > 0) {
        names.append(", ");
      }
      names.append(table.name()).append('.').append(table.columns().get(c.column()).name());
    }
    return new SqlException(ResultCode.CONSTRAINT_UNIQUE, "UNIQUE constraint failed: " + names);
  }

  @Override
  public void close() {
    cursor.close();
  }
}
