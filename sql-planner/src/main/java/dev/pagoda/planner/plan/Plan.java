package dev.pagoda.planner.plan;

import static java.util.Objects.requireNonNull;

import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.ViewSchema;
import dev.pagoda.spi.Value;
import java.util.List;

/** The physical plan of one statement: immutable, built once per prepared statement. */
public sealed interface Plan {

  /** A query producing rows with the given column names. */
  record Query(PlanNode root, List<String> columnNames) implements Plan {
    public Query {
      requireNonNull(root, "root");
      columnNames = List.copyOf(columnNames);
      if (columnNames.size() != root.width()) {
        throw new IllegalArgumentException("column names do not match the plan width");
      }
    }
  }

  /**
   * One CHECK constraint, bound over a table row (the table's columns, then the rowid).
   *
   * @param name what {@code CHECK constraint failed: ...} names
   */
  record Check(String name, BoundExpr expr) {
    public Check {
      requireNonNull(name, "name");
      requireNonNull(expr, "expr");
    }
  }

  /**
   * INSERT. Without a {@code source}, {@code rows} are the VALUES rows (or the one DEFAULT VALUES
   * row); with one (INSERT ... SELECT), {@code rows} is one row of expressions over each row the
   * source produces. Each row holds exactly one expression per table column, in table column
   * order, defaults already filled in, and {@code rowids} the matching explicit rowid expression
   * (constant NULL when the statement names no rowid column). The value in the table's rowid-alias
   * column, if it has one, is the new row's rowid; NULL there (and no explicit rowid) picks the
   * next rowid. Every index of the table gets its entry.
   *
   * @param onConflict the statement's OR clause (REPLACE INTO is OR REPLACE), or null
   * @param defaults each column's DEFAULT expression (constant NULL when none), for NOT NULL ON
   *     CONFLICT REPLACE
   */
  record Insert(
      TableSchema table,
      PlanNode source,
      List<List<BoundExpr>> rows,
      List<BoundExpr> rowids,
      ConflictAction onConflict,
      List<IndexSchema> indexes,
      List<Check> checks,
      List<BoundExpr> defaults,
      Triggers triggers)
      implements Plan {
    public Insert {
      requireNonNull(table, "table");
      requireNonNull(triggers, "triggers");
      indexes = List.copyOf(indexes);
      rows = rows.stream().map(List::copyOf).toList();
      rowids = List.copyOf(rowids);
      checks = List.copyOf(checks);
      defaults = List.copyOf(defaults);
      if (rowids.size() != rows.size()) {
        throw new IllegalArgumentException("one rowid expression per row");
      }
      if (source != null && rows.size() != 1) {
        throw new IllegalArgumentException("INSERT ... SELECT has one row of expressions");
      }
      for (List<BoundExpr> row : rows) {
        if (row.size() != table.columns().size()) {
          throw new IllegalArgumentException("one expression per table column");
        }
      }
    }

    /** INSERT of literal rows with no OR clause and no CHECK constraints. */
    public Insert(TableSchema table, List<List<BoundExpr>> rows, List<IndexSchema> indexes) {
      this(table, null, rows,
          rows.stream().map(r -> (BoundExpr) new BoundExpr.Constant(Value.NULL)).toList(),
          null, indexes, List.of(),
          table.columns().stream().map(c -> (BoundExpr) new BoundExpr.Constant(Value.NULL))
              .toList(), Triggers.NONE);
    }
  }

  /**
   * INSERT with ON CONFLICT clauses (UPSERT): {@code insert} as written, and the clauses in the
   * order they are tried when a row to insert meets a uniqueness conflict.
   */
  record Upsert(Insert insert, List<OnConflict> clauses) implements Plan {
    public Upsert {
      requireNonNull(insert, "insert");
      clauses = List.copyOf(clauses);
      if (clauses.isEmpty()) {
        throw new IllegalArgumentException("an upsert has at least one ON CONFLICT clause");
      }
    }
  }

  /**
   * One ON CONFLICT clause of an {@link Upsert}. It applies to a conflict on the rowid ({@code
   * index} null), on the UNIQUE {@code index}, or, when {@code anyConstraint}, on any uniqueness
   * constraint (the last clause without a target). {@code update} is null for DO NOTHING; else it
   * updates the conflicting row, with the {@code excluded} row (the row that was to be inserted:
   * the table's columns, then the rowid) as the outer row at depth 1 of its expressions and of
   * {@code where} (the DO UPDATE's WHERE over the conflicting row, or null).
   */
  record OnConflict(boolean anyConstraint, IndexSchema index, Update update, BoundExpr where) {
    public OnConflict {
      if (anyConstraint && index != null) {
        throw new IllegalArgumentException("a clause without a target has no index");
      }
      if (update == null && where != null) {
        throw new IllegalArgumentException("DO NOTHING has no WHERE");
      }
    }
  }

  /**
   * An INSERT, UPSERT, UPDATE or DELETE with a RETURNING clause: {@code write} runs to its end,
   * and for each row it wrote (the new row of an insert or update, the old row of a delete)
   * {@code values}, bound over that row (the table's columns, then the rowid), give one result
   * row, in the order the rows were written.
   */
  record Returning(Plan write, List<BoundExpr> values, List<String> columnNames)
      implements Plan {
    public Returning {
      requireNonNull(write, "write");
      values = List.copyOf(values);
      columnNames = List.copyOf(columnNames);
      if (!(write instanceof Insert || write instanceof Upsert || write instanceof Update
          || write instanceof Delete)) {
        throw new IllegalArgumentException("RETURNING on " + write.getClass().getSimpleName());
      }
      if (values.size() != columnNames.size() || values.isEmpty()) {
        throw new IllegalArgumentException("one name per RETURNING value, at least one");
      }
    }
  }

  /**
   * UPDATE. {@code source} produces the rows to update as a table scan does (the table's columns,
   * then the rowid); {@code values} holds the new value of each column and, last, the new rowid,
   * each an expression over the old row (an unassigned column is the old column). When {@code
   * changesRowid} is false the rowid stays. The rows are collected before any is written.
   *
   * @param onConflict the statement's OR clause, or null
   * @param defaults each column's DEFAULT expression, for NOT NULL ON CONFLICT REPLACE
   * @param joined UPDATE ... FROM: each {@code source} row is the target's row followed by the
   *     FROM clause's columns, and {@code values} read the whole joined row; a target row matched
   *     by several joined rows is updated once, with the first
   */
  record Update(
      TableSchema table,
      PlanNode source,
      List<BoundExpr> values,
      boolean changesRowid,
      ConflictAction onConflict,
      List<IndexSchema> indexes,
      List<Check> checks,
      List<BoundExpr> defaults,
      Triggers triggers,
      boolean joined)
      implements Plan {
    /** An UPDATE without FROM: {@code source} yields the target's rows. */
    public Update(TableSchema table, PlanNode source, List<BoundExpr> values, boolean changesRowid,
        ConflictAction onConflict, List<IndexSchema> indexes, List<Check> checks,
        List<BoundExpr> defaults, Triggers triggers) {
      this(table, source, values, changesRowid, onConflict, indexes, checks, defaults, triggers,
          false);
    }

    public Update {
      requireNonNull(table, "table");
      requireNonNull(triggers, "triggers");
      requireNonNull(source, "source");
      values = List.copyOf(values);
      indexes = List.copyOf(indexes);
      checks = List.copyOf(checks);
      defaults = List.copyOf(defaults);
      if (values.size() != table.columns().size() + 1) {
        throw new IllegalArgumentException("one expression per column and one for the rowid");
      }
    }
  }

  /**
   * DELETE: {@code source} produces the rows to delete as a table scan does (the table's columns,
   * then the rowid); they are collected before any is deleted, with their index entries.
   */
  record Delete(TableSchema table, PlanNode source, List<IndexSchema> indexes, Triggers triggers)
      implements Plan {
    public Delete {
      requireNonNull(table, "table");
      requireNonNull(triggers, "triggers");
      requireNonNull(source, "source");
      indexes = List.copyOf(indexes);
    }
  }

  /**
   * One row trigger compiled for one statement: its WHEN condition (null when none) and its body,
   * each bound with the trigger row as the outer row of {@link BoundExpr.Outer} references at
   * depth 1. The trigger row is OLD then NEW, each a row of the subject's columns (and, for a
   * table, the rowid); the one a statement kind lacks is all NULL. A SELECT step is a {@link
   * Query} whose rows are discarded.
   */
  record Trigger(String name, BoundExpr when, List<Plan> body) {
    public Trigger {
      requireNonNull(name, "name");
      body = List.copyOf(body);
    }
  }

  /**
   * The triggers an INSERT, UPDATE or DELETE fires for each row it writes, in firing order.
   *
   * @param rowWidth the width of OLD and of NEW in the trigger row
   */
  record Triggers(List<Trigger> before, List<Trigger> after, int rowWidth) {
    /** No triggers. */
    public static final Triggers NONE = new Triggers(List.of(), List.of(), 0);

    public Triggers {
      before = List.copyOf(before);
      after = List.copyOf(after);
    }

    public boolean isEmpty() {
      return before.isEmpty() && after.isEmpty();
    }
  }

  /**
   * INSERT, UPDATE or DELETE on a view: each row {@code source} produces is a trigger row (OLD
   * then NEW, {@code rowWidth} columns each), for which the INSTEAD OF {@code triggers} run. The
   * rows are collected before any trigger runs.
   */
  record InsteadOf(String view, PlanNode source, List<Trigger> triggers, int rowWidth)
      implements Plan {
    public InsteadOf {
      requireNonNull(view, "view");
      requireNonNull(source, "source");
      triggers = List.copyOf(triggers);
    }
  }

  /**
   * CREATE TRIGGER: the {@code sqlite_schema} row (type 'trigger', root page 0) of {@code
   * trigger}, or of the connection's temp schema when it is TEMP; {@code noop} when IF NOT EXISTS
   * found the name taken.
   */
  record CreateTrigger(dev.pagoda.planner.TriggerSchema trigger, boolean noop) implements Plan {
    public CreateTrigger {
      requireNonNull(trigger, "trigger");
    }
  }

  /** DROP TRIGGER; {@code trigger} is null when IF EXISTS found no such trigger. */
  record DropTrigger(dev.pagoda.planner.TriggerSchema trigger) implements Plan {}

  /**
   * CREATE VIEW; when IF NOT EXISTS found the name taken, {@code noop} is set. A {@code temporary}
   * view lives in the connection's temp schema, not in the file.
   */
  record CreateView(ViewSchema view, boolean noop, boolean temporary) implements Plan {
    public CreateView {
      requireNonNull(view, "view");
    }
  }

  /** DROP VIEW; {@code view} is null when IF EXISTS found no such view; {@code temporary} when it is a TEMP view. */
  record DropView(ViewSchema view, boolean temporary) implements Plan {}

  /**
   * REINDEX: each index is emptied and filled again from its table; {@code tables.get(i)} is the
   * table of {@code indexes.get(i)}.
   */
  record Reindex(List<IndexSchema> indexes, List<TableSchema> tables) implements Plan {
    public Reindex {
      indexes = List.copyOf(indexes);
      tables = List.copyOf(tables);
      if (indexes.size() != tables.size()) {
        throw new IllegalArgumentException("one table per index");
      }
    }
  }

  /**
   * CREATE TABLE. {@code table} has root page 0 until the executor allocates it. When {@code
   * ifNotExists} found the table already there, {@code noop} is set and nothing happens. For
   * CREATE TABLE ... AS SELECT, {@code fill} is the query whose rows the new table gets (one
   * column per table column), else null.
   */
  record CreateTable(TableSchema table, boolean noop, PlanNode fill) implements Plan {
    public CreateTable {
      requireNonNull(table, "table");
    }

    /** A CREATE TABLE with column definitions. */
    public CreateTable(TableSchema table, boolean noop) {
      this(table, noop, null);
    }
  }

  /**
   * DROP TABLE, with every index of the table; {@code table} is null when IF EXISTS found no such
   * table.
   */
  record DropTable(TableSchema table) implements Plan {}

  /**
   * CREATE INDEX on {@code table}: the executor allocates the index B-tree and fills it from the
   * table. When IF NOT EXISTS found the index already there, {@code noop} is set.
   */
  record CreateIndex(IndexSchema index, TableSchema table, boolean noop) implements Plan {
    public CreateIndex {
      requireNonNull(index, "index");
      requireNonNull(table, "table");
    }
  }

  /** DROP INDEX; {@code index} is null when IF EXISTS found no such index. */
  record DropIndex(IndexSchema index) implements Plan {}
}
