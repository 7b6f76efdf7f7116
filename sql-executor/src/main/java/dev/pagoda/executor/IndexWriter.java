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
  /** Per index column, its expression's evaluator, or null for a plain column. */
  private final Evaluator[] expressions;
  private final Evaluator where;
  private final WrittenRow written;

  IndexWriter(Pager pager, IndexSchema index, TableSchema table) {
    this.index = index;
    this.table = table;
    ExprCompiler compiler = new ExprCompiler(new Bindings(0));
    this.expressions = new Evaluator[index.columns().size()];
    for (int i = 0; i < expressions.length; i++) {
      var e = index.columns().get(i).expression();
      expressions[i] = e == null ? null : compiler.compile(e);
    }
    this.where = index.where() == null ? null : compiler.compile(index.where());
    this.written = new WrittenRow(table.columns().size());
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
    if (!covers(row, rowid)) {
      return;
    }
    boolean anyNull = fillKey(row, rowid);
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
    if (!covers(row, rowid)) {
      return;
    }
    fillKey(row, rowid);
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
    if (!index.unique() || !covers(row, self) || fillKey(row, self)) {
      return null;
    }
    return conflictWith(self, false);
  }

  /**
   * For a UNIQUE index, the rowid of any row whose entry has the indexed values of {@code row}
   * (to be inserted with {@code rowid}), even a row that has that rowid: an upsert checks its
   * targets before the rowid. Null when there is none (or a value is NULL).
   */
  Long conflictAny(Value[] row, long rowid) {
    if (!index.unique() || !covers(row, rowid) || fillKey(row, rowid)) {
      return null;
    }
    return conflictWith(rowid, true);
  }

  /** Whether the row has an entry: always, but for a partial index whose WHERE it fails. */
  private boolean covers(Value[] row, long rowid) {
    return where == null || Values.truth(where.eval(written.of(row, rowid))) == 1;
  }

  /** Copies the indexed values of {@code row} into {@code key}; whether any is NULL. */
  private boolean fillKey(Value[] row, long rowid) {
    boolean anyNull = false;
    for (int i = 0; i < key.length; i++) {
      key[i] = expressions[i] == null
          ? row[index.columns().get(i).column()]
          : expressions[i].eval(written.of(row, rowid));
      anyNull |= key[i].isNull();
    }
    return anyNull;
  }

  /** A written row seen as the table's row: its columns, then the rowid. */
  private static final class WrittenRow implements Row {
    private final int rowidColumn;
    private Value[] values;
    private long rowid;

    WrittenRow(int rowidColumn) {
      this.rowidColumn = rowidColumn;
    }

    Row of(Value[] values, long rowid) {
      this.values = values;
      this.rowid = rowid;
      return this;
    }

    @Override
    public Value column(int i) {
      return i == rowidColumn ? Value.of(rowid) : values[i];
    }
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
    if (index.hasExpressions()) {
      return "UNIQUE constraint failed: index '" + index.name() + "'";
    }
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
