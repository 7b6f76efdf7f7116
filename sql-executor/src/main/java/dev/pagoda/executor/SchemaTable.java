package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.pager.Pager;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sqlite_schema} table: a table B-tree rooted at page 1 whose rows are {@code (type
 * TEXT, name TEXT, tbl_name TEXT, rootpage INTEGER, sql TEXT)}.
 */
public final class SchemaTable {
  private SchemaTable() {}

  /** The root page of {@code sqlite_schema}. */
  public static final int ROOT_PAGE = 1;

  /** One row of {@code sqlite_schema}. */
  public record Entry(long rowid, String type, String name, String tableName, int rootPage,
      String sql) {}

  /** Every row, in rowid order. */
  public static List<Entry> read(Pager pager) {
    List<Entry> entries = new ArrayList<>();
    RecordReader record = new RecordReader();
    try (TableCursor cursor = BTree.openTable(pager, ROOT_PAGE)) {
      for (boolean ok = cursor.first(); ok; ok = cursor.next()) {
        record.reset(cursor.payload());
        entries.add(
            new Entry(
                cursor.rowid(),
                Values.toText(record.column(0)),
                Values.toText(record.column(1)),
                Values.toText(record.column(2)),
                (int) Values.toLong(record.column(3)),
                Values.toText(record.column(4))));
      }
    }
    return entries;
  }

  /** Appends a row with the next rowid and returns that rowid. */
  static long insert(Pager pager, String type, String name, String tableName, int rootPage,
      String sql) {
    Value[] row = {
      Value.of(type), Value.of(name), Value.of(tableName), Value.of(rootPage), Value.of(sql)
    };
    try (TableCursor cursor = BTree.openTable(pager, ROOT_PAGE)) {
      long rowid = cursor.last() ? cursor.rowid() + 1 : 1;
      cursor.insert(rowid, RecordCodec.encode(row));
      return rowid;
    }
  }

  /** Deletes the row with {@code rowid}. */
  static void delete(Pager pager, long rowid) {
    try (TableCursor cursor = BTree.openTable(pager, ROOT_PAGE)) {
      cursor.delete(rowid);
    }
  }
}
