package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.IndexCursor;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.pager.Pager;
import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.ForeignKey;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.ParentKey;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Foreign key enforcement for the rows one statement writes, as SQLite's {@code fkey.c} does it
 * (the numbers are that file's): each row inserted into a child looks for its parent and counts a
 * violation when there is none (I.1); each row deleted from a child that had no parent takes one
 * back (D.1); each row deleted from a parent counts a violation per child row that refers to it
 * (D.2), and each row inserted into a parent takes back one per child row it satisfies (I.2). An
 * UPDATE is a delete and an insert, for the keys whose columns it assigns. A child key with a NULL
 * never counts. Taking back is skipped when the counter is zero ({@code OP_FkIfZero}).
 *
 * <p>The ON DELETE / ON UPDATE actions run after the parent row is written ({@link
 * ForeignKeyActions}); they are writes on the child tables, checked the same way, so cascades
 * recurse through any number of levels and self-references.
 *
 * <p>Parent rows are found through the parent key's UNIQUE index or the rowid; child rows through
 * an index of the child table on the key's columns when there is a fitting one, else a scan.
 */
final class ForeignKeyChecker {
  private final ForeignKeyState state;
  private final ForeignKeyLinks links;
  private final Pager pager;
  private final RecordReader record = new RecordReader();
  final ForeignKeyActions actions;

  /** A checker over {@code links}; {@code state} null only for {@link ForeignKeyCheck}. */
  ForeignKeyChecker(ForeignKeyState state, ForeignKeyLinks links, Pager pager, Session session) {
    this.state = state;
    this.links = links;
    this.pager = pager;
    this.actions = new ForeignKeyActions(this, state, links, pager, session);
  }

  /** The checker for a statement run, or null when the connection does not enforce keys. */
  static ForeignKeyChecker open(Session session, Pager pager, boolean dropping) {
    ForeignKeyState state = session.foreignKeys();
    if (state == null || !state.enabled() || session.schema() == null) {
      return null;
    }
    return new ForeignKeyChecker(state,
        new ForeignKeyLinks(session.schema(), session.functions(), dropping), pager, session);
  }

  /**
   * Runs a statement's {@code body} as one statement for the counters: the outermost statement
   * fails with {@code FOREIGN KEY constraint failed} when it leaves immediate violations.
   */
  static <T> T statement(Session session, Supplier<T> body) {
    ForeignKeyState state = session.foreignKeys();
    if (state == null || !state.enabled()) {
      return body.get();
    }
    state.enter();
    T result;
    try {
      result = body.get();
    } catch (ConstraintViolation e) {
      if (e.keepsEarlierChanges()) {
        state.exitKeeping(); // OR FAIL: the rows before stay, so do their counts
      } else {
        state.exit(true);
      }
      throw e;
    } catch (RuntimeException | Error e) {
      state.exit(true);
      throw e;
    }
    state.exit(false);
    return result;
  }

  /**
   * What SQLite does before DROP TABLE when keys are enforced ({@code sqlite3FkDropTable}): when
   * the table is a parent, or the child of a deferred key while deferred violations are
   * outstanding, it deletes every row as a DELETE would (no triggers; a missing or unfit parent
   * is not an error), and fails when that leaves immediate violations.
   */
  static void dropping(Session session, Pager pager, TableSchema table) {
    ForeignKeyChecker fk = open(session, pager, true);
    if (fk == null) {
      return;
    }
    if (ParentKey.referencing(session.schema().tables(), table.name()).isEmpty()) {
      boolean deferredKey = fk.state.deferAll()
          || table.foreignKeys().stream().anyMatch(ForeignKey::deferred);
      if (!deferredKey || fk.state.isZero(true)) {
        return;
      }
    }
    statement(session, () -> {
      fk.deleteAll(table);
      return null;
    });
  }

  private void deleteAll(TableSchema table) {
    List<Long> rowids = new ArrayList<>();
    try (TableCursor cursor = BTree.openTable(pager, table.rootPage())) {
      for (boolean ok = cursor.first(); ok; ok = cursor.next()) {
        rowids.add(cursor.rowid());
      }
    }
    try (TableWriter writer = new TableWriter(pager, table, links.indexes(table),
        dev.pagoda.parser.ast.ConflictAction.ABORT, new String[0], new Evaluator[0],
        new Evaluator[0])) {
      Value[] row = new Value[writer.width()];
      for (long rowid : rowids) {
        if (writer.read(rowid, row)) {
          deleting(table, row);
          writer.delete(row, rowid);
          actions.deleted(table, row);
        }
      }
    }
  }

  /**
   * Resolves the keys an INSERT, UPDATE or DELETE of {@code table} needs before any row is
   * written, so that a missing parent or a key mismatch fails the statement as SQLite's prepare
   * does.
   *
   * @param changed per column, whether an UPDATE assigns it; null for INSERT and DELETE
   * @param deleting whether the statement is a DELETE (an INSERT needs no parent-side key
   *     resolved up front: SQLite skips them for a single-row INSERT)
   */
  void prepare(TableSchema table, boolean[] changed, boolean rowidChanged, boolean deleting) {
    for (ForeignKeyLinks.Link link : links.asChild(table)) {
      if (changed == null || childModified(table, link.fk(), changed, rowidChanged)) {
        link.check();
      }
    }
    for (ForeignKeyLinks.Link link : links.asParent(table)) {
      if (changed != null ? parentModified(table, link.fk(), changed, rowidChanged)
          : deleting) {
        link.check();
      }
    }
  }

  /** I.1 and I.2 for a row about to be inserted into {@code table}. */
  void inserting(TableSchema table, Value[] row) {
    for (ForeignKeyLinks.Link link : links.asChild(table)) {
      link.check();
      lookupParent(link, row, +1);
    }
    for (ForeignKeyLinks.Link link : links.asParent(table)) {
      if (link.error() == null) {
        scanChildren(link, row, -1);
      }
    }
  }

  /** D.1 and D.2 for a row about to be deleted from {@code table}. */
  void deleting(TableSchema table, Value[] row) {
    for (ForeignKeyLinks.Link link : links.asChild(table)) {
      link.check();
      lookupParent(link, row, -1);
    }
    for (ForeignKeyLinks.Link link : links.asParent(table)) {
      link.check();
      scanChildren(link, row, +1);
    }
  }

  /** D.1 and D.2 for the old row of an UPDATE, for the keys whose columns it assigns. */
  void updatingFrom(TableSchema table, Value[] old, boolean[] changed, boolean rowidChanged) {
    update(table, old, changed, rowidChanged, -1);
  }

  /** I.1 and I.2 for the new row of an UPDATE, for the keys whose columns it assigns. */
  void updatingTo(TableSchema table, Value[] row, boolean[] changed, boolean rowidChanged) {
    update(table, row, changed, rowidChanged, +1);
  }

  private void update(TableSchema table, Value[] row, boolean[] changed, boolean rowidChanged,
      int childIncrement) {
    for (ForeignKeyLinks.Link link : links.asChild(table)) {
      if (link.fk().parentTable().equalsIgnoreCase(table.name())
          || childModified(table, link.fk(), changed, rowidChanged)) {
        link.check();
        lookupParent(link, row, childIncrement);
      }
    }
    for (ForeignKeyLinks.Link link : links.asParent(table)) {
      if (parentModified(table, link.fk(), changed, rowidChanged)) {
        link.check();
        scanChildren(link, row, -childIncrement);
      }
    }
  }

  /** SQLite's {@code fkChildIsModified}. */
  static boolean childModified(TableSchema table, ForeignKey fk, boolean[] changed,
      boolean rowidChanged) {
    for (int c : fk.childColumns()) {
      if (changed[c] || (c == table.rowidAlias() && rowidChanged)) {
        return true;
      }
    }
    return false;
  }

  /** SQLite's {@code fkParentIsModified}: a parent key column is assigned, by name. */
  static boolean parentModified(TableSchema parent, ForeignKey fk, boolean[] changed,
      boolean rowidChanged) {
    for (int i = 0; i < parent.columns().size(); i++) {
      if (!changed[i] && !(i == parent.rowidAlias() && rowidChanged)) {
        continue;
      }
      var column = parent.columns().get(i);
      if (fk.referencesPrimaryKey() ? column.primaryKey()
          : fk.parentColumns().stream().anyMatch(column.name()::equalsIgnoreCase)) {
        return true;
      }
    }
    return false;
  }

  /** I.1 ({@code increment} +1) and D.1 (-1): counts when the child row has no parent. */
  private void lookupParent(ForeignKeyLinks.Link link, Value[] row, int increment) {
    boolean deferred = link.fk().deferred();
    if (increment < 0 && state.isZero(deferred)) {
      return;
    }
    for (int c : link.fk().childColumns()) {
      if (row[c].isNull()) {
        return;
      }
    }
    if (link.parent() == null || !parentExists(link, row, increment > 0)) {
      state.count(deferred, increment);
    }
  }

  /** Whether the child row {@code row} satisfies the key: a NULL in it, or its parent row. */
  boolean hasParent(ForeignKeyLinks.Link link, Value[] row) {
    for (int c : link.fk().childColumns()) {
      if (row[c].isNull()) {
        return true;
      }
    }
    return link.parent() != null && parentExists(link, row, false);
  }

  private boolean parentExists(ForeignKeyLinks.Link link, Value[] row, boolean inserting) {
    ParentKey key = link.parent();
    boolean self = inserting && key.parent().name().equalsIgnoreCase(link.child().name());
    if (key.isRowid()) {
      Value v = Values.applyAffinity(Affinity.INTEGER, row[key.childColumns().get(0)]);
      if (!(v instanceof Value.Int rowid)) {
        return false;
      }
      if (self && rowid.value() == Values.toLong(row[row.length - 1])) {
        return true;
      }
      try (TableCursor cursor = BTree.openTable(pager, key.parent().rootPage())) {
        return cursor.seek(rowid.value());
      }
    }
    int n = key.childColumns().size();
    if (self && matchesItself(key, row, n)) {
      return true;
    }
    Value[] probe = new Value[n];
    for (int i = 0; i < n; i++) {
      probe[i] = Values.applyAffinity(
          key.parent().columns().get(key.parentColumns().get(i)).affinity(),
          row[key.childColumns().get(i)]);
    }
    RecordComparator comparator = RecordComparator.forIndex(key.index());
    byte[] prefix = RecordCodec.encode(probe);
    try (IndexCursor cursor = BTree.openIndex(pager, key.index().rootPage(), comparator)) {
      if (!cursor.seekAtOrAfter(prefix)) {
        return false;
      }
      byte[] found = cursor.entry();
      return comparator.compare(prefix, found, 0, found.length) == 0;
    }
  }

  /** SQLite's self-match of a row inserted into a self-referencing table (no NULL matches). */
  private static boolean matchesItself(ParentKey key, Value[] row, int n) {
    for (int i = 0; i < n; i++) {
      Value parent = row[key.parentColumns().get(i)];
      Value child = row[key.childColumns().get(i)];
      if (parent.isNull() || Values.compare(parent, child) != 0) {
        return false;
      }
    }
    return true;
  }

  /** I.2 ({@code increment} -1) and D.2 (+1): counts each child row of a parent row. */
  private void scanChildren(ForeignKeyLinks.Link link, Value[] parentRow, int increment) {
    boolean deferred = link.fk().deferred();
    if (increment < 0 && state.isZero(deferred)) {
      return;
    }
    boolean self = increment > 0
        && link.parent().parent().name().equalsIgnoreCase(link.child().name());
    long exclude = self ? Values.toLong(parentRow[parentRow.length - 1]) : Long.MIN_VALUE;
    long n = children(link, parentKey(link, parentRow), exclude).size();
    if (n > 0) {
      state.count(deferred, increment * n);
    }
  }

  /** The parent key values of {@code parentRow}, in key order. */
  static Value[] parentKey(ForeignKeyLinks.Link link, Value[] parentRow) {
    List<Integer> columns = link.parent().parentColumns();
    Value[] key = new Value[columns.size()];
    for (int i = 0; i < key.length; i++) {
      key[i] = parentRow[columns.get(i)];
    }
    return key;
  }

  /**
   * The rowids of the child rows whose key equals {@code key} (the parent's values, compared
   * with the parent column's affinity and collation), other than {@code exclude}: through an
   * index of the child table that starts with the key's columns when one gives the same answer
   * (see {@link #childIndex}), else by a scan.
   */
  List<Long> children(ForeignKeyLinks.Link link, Value[] key, long exclude) {
    List<Long> rowids = new ArrayList<>();
    for (Value v : key) {
      if (v.isNull()) {
        return rowids;
      }
    }
    IndexSchema index = childIndex(link);
    if (index == null) {
      scan(link, key, exclude, rowids);
      return rowids;
    }
    int n = key.length;
    Value[] probe = new Value[n];
    for (int j = 0; j < n; j++) {
      int i = link.parent().childColumns().indexOf(index.columns().get(j).column());
      probe[j] = Comparison.convert(key[i], link.affinities()[i]);
    }
    RecordComparator comparator = RecordComparator.forIndex(index);
    byte[] prefix = RecordCodec.encode(probe);
    try (IndexCursor cursor = BTree.openIndex(pager, index.rootPage(), comparator);
        TableCursor table = BTree.openTable(pager, link.child().rootPage())) {
      for (boolean ok = cursor.seekAtOrAfter(prefix); ok; ok = cursor.next()) {
        byte[] entry = cursor.entry();
        if (comparator.compare(prefix, entry, 0, entry.length) != 0) {
          break;
        }
        RecordReader reader = new RecordReader().reset(entry);
        long rowid = Values.toLong(reader.column(index.columns().size()));
        if (rowid != exclude && table.seek(rowid) && matches(link, key, table, rowid)) {
          rowids.add(rowid);
        }
      }
    }
    return rowids;
  }

  /**
   * An index of the child table whose first columns are the key's child columns (in any order),
   * each with the parent column's collation, full (not partial) and on plain columns; and only
   * where its order agrees with the key comparison: no affinity applies, or the child column's
   * affinity is numeric (so that values the comparison finds equal are stored alike). Null when
   * none fits.
   */
  private IndexSchema childIndex(ForeignKeyLinks.Link link) {
    List<Integer> columns = link.parent().childColumns();
    int n = columns.size();
    for (int i = 0; i < n; i++) {
      if (link.affinities()[i] != null
          && !link.child().columns().get(columns.get(i)).affinity().isNumeric()) {
        return null;
      }
    }
    for (IndexSchema index : links.indexes(link.child())) {
      if (index.where() != null || index.hasExpressions() || index.columns().size() < n) {
        continue;
      }
      boolean fits = true;
      for (int j = 0; j < n && fits; j++) {
        IndexSchema.IndexColumn c = index.columns().get(j);
        int i = columns.indexOf(c.column());
        fits = i >= 0 && link.collations()[i] == Comparison.collation(c.collation(),
            links.functions());
      }
      if (fits) {
        return index;
      }
    }
    return null;
  }

  private void scan(ForeignKeyLinks.Link link, Value[] key, long exclude, List<Long> rowids) {
    try (TableCursor cursor = BTree.openTable(pager, link.child().rootPage())) {
      for (boolean ok = cursor.first(); ok; ok = cursor.next()) {
        long rowid = cursor.rowid();
        if (rowid != exclude && matches(link, key, cursor, rowid)) {
          rowids.add(rowid);
        }
      }
    }
  }

  /** Whether the child row under {@code cursor} has the key {@code key}. */
  private boolean matches(ForeignKeyLinks.Link link, Value[] key, TableCursor cursor,
      long rowid) {
    TableSchema child = link.child();
    List<Integer> columns = link.parent().childColumns();
    record.reset(cursor.payload());
    for (int i = 0; i < key.length; i++) {
      int c = columns.get(i);
      Value v = c == child.rowidAlias() ? Value.of(rowid)
          : RowDecoding.storedColumn(child, record, c);
      if (v.isNull()
          || Comparison.compare(key[i], v, link.affinities()[i], link.collations()[i]) != 0) {
        return false;
      }
    }
    return true;
  }
}
