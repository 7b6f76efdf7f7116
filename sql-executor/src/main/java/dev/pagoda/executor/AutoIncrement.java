package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.pager.Pager;
import dev.pagoda.planner.AutoIncrementRule;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;

/**
 * The {@code sqlite_sequence} bookkeeping of one INSERT statement on an AUTOINCREMENT table, as
 * SQLite's {@code autoIncBegin}/{@code autoIncStep}/{@code autoIncrementEnd} keep it:
 *
 * <ol>
 *   <li>At the start, the table's row {@code (name, seq)} is looked up (name compared exactly);
 *       {@code seq} is made an integer, and is 0 when there is no row.
 *   <li>A row inserted without a rowid gets {@code max(largest rowid + 1, seq + 1)}; when either
 *       is already 9223372036854775807 the insert fails with SQLITE_FULL (never a random rowid).
 *   <li>Every rowid the statement chooses (also explicit ones, and before conflicts are resolved)
 *       raises {@code seq} to it.
 *   <li>At the end the row is written back when {@code seq} grew, or inserted when there was
 *       none (even for a statement that inserted nothing). It is an ordinary row of the same
 *       transaction, so a rollback takes it back; a statement that fails writes nothing.
 * </ol>
 */
final class AutoIncrement {
  private final Pager pager;
  private final int root;
  private final String name;
  /** The rowid of the table's row in {@code sqlite_sequence}, or -1 when there is none. */
  private final long row;
  private final long original;
  private long seq;

  private AutoIncrement(Pager pager, int root, String name, long row, long seq) {
    this.pager = pager;
    this.root = root;
    this.name = name;
    this.row = row;
    this.original = seq;
    this.seq = seq;
  }

  /** Step 1 for {@code table}; null when it is not AUTOINCREMENT (or the file lacks the table). */
  static AutoIncrement open(Pager pager, TableSchema table) {
    if (!table.autoincrement()) {
      return null;
    }
    int root = sequenceRoot(pager);
    if (root == 0) {
      return null;
    }
    RecordReader record = new RecordReader();
    try (TableCursor cursor = BTree.openTable(pager, root)) {
      for (boolean ok = cursor.first(); ok; ok = cursor.next()) {
        record.reset(cursor.payload());
        if (record.column(0) instanceof Value.Text t && t.value().equals(table.name())) {
          return new AutoIncrement(pager, root, table.name(), cursor.rowid(),
              Values.toLong(record.column(1)));
        }
      }
    }
    return new AutoIncrement(pager, root, table.name(), -1, 0);
  }

  /** Step 2: the rowid for a row inserted without one. */
  long next(TableWriter writer) {
    long next = writer.nextRowid();
    if (seq == Long.MAX_VALUE) {
      throw new SqlException(ResultCode.FULL, "database or disk is full");
    }
    return Math.max(next, seq + 1);
  }

  /** Step 3: the statement chose {@code rowid} for a row. */
  void used(long rowid) {
    seq = Math.max(seq, rowid);
  }

  /** Step 4, once the statement has run to its end. */
  void finish() {
    if (row >= 0 && seq <= original) {
      return;
    }
    byte[] record = RecordCodec.encode(new Value[] {Value.of(name), Value.of(seq)});
    try (TableCursor cursor = BTree.openTable(pager, root)) {
      long rowid = row >= 0 ? row : cursor.last() ? cursor.rowid() + 1 : 1;
      cursor.insert(rowid, record);
    }
  }

  /** Creates {@code sqlite_sequence} after a new AUTOINCREMENT table, unless it exists. */
  static void created(Pager pager, TableSchema table) {
    if (table.autoincrement() && sequenceRoot(pager) == 0) {
      SchemaTable.insert(pager, "table", AutoIncrementRule.SEQUENCE_TABLE,
          AutoIncrementRule.SEQUENCE_TABLE, BTree.createTable(pager),
          AutoIncrementRule.SEQUENCE_SQL);
    }
  }

  /** Deletes the {@code sqlite_sequence} row of a table being dropped, as SQLite does. */
  static void dropped(Pager pager, TableSchema table) {
    int root = table.autoincrement() ? sequenceRoot(pager) : 0;
    if (root == 0) {
      return;
    }
    RecordReader record = new RecordReader();
    try (TableCursor cursor = BTree.openTable(pager, root)) {
      boolean ok = cursor.first();
      while (ok) {
        record.reset(cursor.payload());
        if (Value.of(table.name()).equals(record.column(0))) {
          long rowid = cursor.rowid();
          cursor.delete(rowid);
          ok = cursor.seekAtOrAfter(rowid);
        } else {
          ok = cursor.next();
        }
      }
    }
  }

  /** The root page of {@code sqlite_sequence}, or 0 when the schema has none. */
  private static int sequenceRoot(Pager pager) {
    for (SchemaTable.Entry e : SchemaTable.read(pager)) {
      if ("table".equals(e.type()) && AutoIncrementRule.isSequenceTable(e.name())) {
        return e.rootPage();
      }
    }
    return 0;
  }
}
