package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.pager.Pager;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.ColumnSchema;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.RecordLayout;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows of one table and keeps every index in step: reads a row by rowid, checks NOT NULL
 * and CHECK constraints, resolves rowid and UNIQUE conflicts by the statement's or the
 * constraint's conflict action, inserts and deletes rows with their index entries.
 *
 * <p>A row is a {@code Value[]} of the table's columns and then the rowid; the rowid-alias column
 * (if any) holds the rowid too, as a table scan presents it. Generated columns are part of the
 * row: {@link #read} computes the VIRTUAL ones, {@link #checkRow} computes all of them before the
 * constraints, and {@link #insert} leaves the VIRTUAL ones out of the record.
 */
final class TableWriter implements AutoCloseable {
  private final TableSchema table;
  private final TableCursor cursor;
  private final List<IndexWriter> indexes = new ArrayList<>();
  /** The UNIQUE indexes in the order SQLite checks them. */
  private final List<IndexWriter> uniqueOrder = new ArrayList<>();
  private final ConflictAction statementAction;
  private final String[] checkNames;
  private final Evaluator[] checks;
  private final Evaluator[] defaults;
  private final RecordReader record = new RecordReader();
  private final RowDecoding decoding;
  /** The table's generated columns compiled, or null when it has none. */
  private final GeneratedValues generated;
  /** Foreign key enforcement for the rows REPLACE deletes, or null. */
  private ForeignKeyChecker foreignKeys;

  /**
   * Opens the table and its indexes for writing.
   *
   * @param statementAction the statement's OR clause, or null
   */
  TableWriter(Pager pager, TableSchema table, List<IndexSchema> indexes,
      ConflictAction statementAction, String[] checkNames, Evaluator[] checks,
      Evaluator[] defaults) {
    this.table = table;
    this.statementAction = statementAction;
    this.checkNames = checkNames;
    this.checks = checks;
    this.defaults = defaults;
    this.decoding = RowDecoding.of(table);
    this.generated = GeneratedValues.of(table);
    this.cursor = BTree.openTable(pager, table.rootPage());
    try {
      for (IndexSchema index : indexes) {
        this.indexes.add(new IndexWriter(pager, index, table));
      }
      // newest first, as SQLite keeps a table's indexes; those that would REPLACE go last
      for (int i = this.indexes.size() - 1; i >= 0; i--) {
        IndexWriter w = this.indexes.get(i);
        if (w.isUnique() && action(w.schema().onConflict()) != ConflictAction.REPLACE) {
          uniqueOrder.add(w);
        }
      }
      for (int i = this.indexes.size() - 1; i >= 0; i--) {
        IndexWriter w = this.indexes.get(i);
        if (w.isUnique() && action(w.schema().onConflict()) == ConflictAction.REPLACE) {
          uniqueOrder.add(w);
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The width of a row: the table's columns and the rowid. */
  int width() {
    return table.columns().size() + 1;
  }

  /** Reads the row with {@code rowid} into {@code row}; false when there is none. */
  boolean read(long rowid, Value[] row) {
    if (!cursor.seek(rowid)) {
      return false;
    }
    record.reset(cursor.payload());
    decoding.decode(record, rowid, row);
    return true;
  }

  /** The rowid one past the largest, for a row inserted without one. */
  long nextRowid() {
    long next = cursor.last() ? cursor.rowid() + 1 : 1;
    if (next == Long.MIN_VALUE) {
      // SQLite then tries random rowids; Pagoda reports the table as full instead.
      throw new SqlException(ResultCode.FULL, "database or disk is full");
    }
    return next;
  }

  /** SQLite's rule for a rowid value: an INTEGER after INTEGER affinity, else a mismatch. */
  static long rowidOf(Value v) {
    Value converted = Values.applyAffinity(Affinity.INTEGER, v);
    if (!(converted instanceof Value.Int i)) {
      throw new SqlException(ResultCode.MISMATCH, "datatype mismatch");
    }
    return i.value();
  }

  /**
   * Checks NOT NULL (a NULL in a column with ON CONFLICT REPLACE takes the column's default) and
   * then the CHECK constraints on {@code row}.
   *
   * @return false when the row is to be skipped (IGNORE)
   * @throws ConstraintViolation for ABORT, FAIL and ROLLBACK
   */
  boolean checkRow(Value[] row) {
    computeGenerated(row);
    List<ColumnSchema> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      ColumnSchema column = columns.get(i);
      if (!column.notNull() || i == table.rowidAlias() || !row[i].isNull()) {
        continue;
      }
      ConflictAction action = action(table.constraints().notNullOnConflict(i));
      if (action == ConflictAction.IGNORE) {
        return false;
      }
      if (action == ConflictAction.REPLACE) {
        row[i] = Values.applyAffinity(column.affinity(), defaults[i].eval(rowOf(row)));
        if (!row[i].isNull()) {
          continue;
        }
        action = ConflictAction.ABORT;
      }
      throw new ConstraintViolation(ResultCode.CONSTRAINT_NOTNULL,
          "NOT NULL constraint failed: " + table.name() + "." + column.name(), action);
    }
    Row view = rowOf(row);
    for (int i = 0; i < checks.length; i++) {
      if (Values.truth(checks[i].eval(view)) == 0) {
        ConflictAction action = action(null);
        if (action == ConflictAction.IGNORE) {
          return false;
        }
        throw new ConstraintViolation(ResultCode.CONSTRAINT_CHECK,
            "CHECK constraint failed: " + checkNames[i],
            action == ConflictAction.REPLACE ? ConflictAction.ABORT : action);
      }
    }
    return true;
  }

  /**
   * Computes the generated columns of a row to be written from its other columns (also before
   * BEFORE triggers see it, as in SQLite); {@link #checkRow} does it again after them.
   */
  void computeGenerated(Value[] row) {
    if (generated != null) {
      generated.computeAll(row);
    }
  }

  /**
   * Resolves the conflicts writing {@code row} with {@code rowid} would cause: another row with
   * that rowid, then each UNIQUE index in turn. REPLACE deletes the conflicting rows.
   *
   * @param self the rowid of the row being updated, which never conflicts with itself, or null
   *     for an insert
   * @return false when the row is to be skipped (IGNORE)
   * @throws ConstraintViolation for ABORT, FAIL and ROLLBACK
   */
  boolean resolveConflicts(Value[] row, long rowid, Long self) {
    // SQLite checks the rowid first, unless it would REPLACE while an index would not; then the
    // indexes in the reverse of their creation order.
    boolean rowidLast = action(table.constraints().rowidOnConflict()) == ConflictAction.REPLACE
        && !uniqueOrder.isEmpty()
        && action(uniqueOrder.get(0).schema().onConflict()) != ConflictAction.REPLACE;
    if (!rowidLast && !resolveRowid(rowid, self)) {
      return false;
    }
    for (IndexWriter index : uniqueOrder) {
      Long other;
      while ((other = index.conflict(row, self == null ? rowid : self)) != null) {
        ConflictAction action = action(index.schema().onConflict());
        if (action == ConflictAction.IGNORE) {
          return false;
        }
        if (action != ConflictAction.REPLACE) {
          throw new ConstraintViolation(index.violationCode(), index.uniqueMessage(), action);
        }
        deleteRow(other);
      }
    }
    return !rowidLast || resolveRowid(rowid, self);
  }

  /**
   * For an upsert: the rowid of the row a new {@code row} with {@code rowid} would conflict with
   * on the rowid ({@code index} null) or on the UNIQUE index named {@code index}; null for none.
   */
  Long conflictOn(IndexSchema index, Value[] row, long rowid) {
    if (index == null) {
      return cursor.seek(rowid) ? rowid : null;
    }
    for (IndexWriter w : uniqueOrder) {
      if (w.schema().name().equalsIgnoreCase(index.name())) {
        return w.conflictAny(row, rowid);
      }
    }
    throw new IllegalStateException("no UNIQUE index " + index.name() + " open on " + table.name());
  }

  /**
   * For an upsert: the first conflict a new {@code row} with {@code rowid} meets, on the rowid
   * and then on each UNIQUE index in the order SQLite checks them; null for none.
   */
  Long anyConflict(Value[] row, long rowid) {
    if (cursor.seek(rowid)) {
      return rowid;
    }
    for (IndexWriter w : uniqueOrder) {
      Long other = w.conflict(row, rowid);
      if (other != null) {
        return other;
      }
    }
    return null;
  }

  /** Resolves a conflict with another row that has {@code rowid}; false to skip the row. */
  private boolean resolveRowid(long rowid, Long self) {
    if ((self != null && self == rowid) || !cursor.seek(rowid)) {
      return true;
    }
    ConflictAction action = action(table.constraints().rowidOnConflict());
    switch (action) {
      case IGNORE -> {
        return false;
      }
      case REPLACE -> deleteRow(rowid);
      default -> {
        boolean alias = table.rowidAlias() >= 0;
        String column = alias ? table.columns().get(table.rowidAlias()).name() : "rowid";
        throw new ConstraintViolation(
            alias ? ResultCode.CONSTRAINT_PRIMARYKEY : ResultCode.CONSTRAINT_ROWID,
            "UNIQUE constraint failed: " + table.name() + "." + column, action);
      }
    }
    return true;
  }

  /** Inserts {@code row} with {@code rowid} and its index entries; conflicts already resolved. */
  void insert(Value[] row, long rowid) {
    for (IndexWriter index : indexes) {
      index.add(row, rowid, false);
    }
    cursor.insert(rowid, RecordCodec.encode(record(row)));
  }

  /** The record fields of {@code row}: VIRTUAL generated columns left out. */
  private Value[] record(Value[] row) {
    RecordLayout layout = table.layout();
    Value[] stored = new Value[layout.width()];
    for (int i = 0; i < layout.columns(); i++) {
      int field = layout.field(i);
      if (field >= 0) {
        // the alias lives in the key, not the record
        stored[field] = i == table.rowidAlias() ? Value.NULL : row[i];
      }
    }
    return stored;
  }

  /** Deletes {@code row} (as read) and its index entries. */
  void delete(Value[] row, long rowid) {
    for (IndexWriter index : indexes) {
      index.remove(row, rowid);
    }
    cursor.delete(rowid);
  }

  /**
   * Deletes the row with {@code rowid}, if there is one, and its index entries (REPLACE), with
   * the foreign key checks and actions of a delete when keys are enforced.
   */
  void deleteRow(long rowid) {
    Value[] row = new Value[width()];
    if (read(rowid, row)) {
      if (foreignKeys != null) {
        foreignKeys.deleting(table, row);
      }
      delete(row, rowid);
      if (foreignKeys != null) {
        foreignKeys.actions.deleted(table, row);
      }
    }
  }

  /** Enforces foreign keys on the rows REPLACE deletes; null for none. */
  void foreignKeys(ForeignKeyChecker checker) {
    this.foreignKeys = checker;
  }

  /** The action for a constraint: the statement's OR clause, else the constraint's, else ABORT. */
  private ConflictAction action(ConflictAction constraint) {
    if (statementAction != null) {
      return statementAction;
    }
    return constraint != null ? constraint : ConflictAction.ABORT;
  }

  /** {@code row} as expressions over the table row see it. */
  static Row rowOf(Value[] row) {
    return i -> row[i];
  }

  @Override
  public void close() {
    try {
      indexes.forEach(IndexWriter::close);
    } finally {
      cursor.close();
    }
  }
}
