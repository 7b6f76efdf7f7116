package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.Value;
import java.util.List;

/**
 * The ON CONFLICT clauses of one compiled upsert, consulted by {@link InsertStatement} after a
 * row's NOT NULL and CHECK constraints pass and before its ordinary conflict resolution. As in
 * SQLite, the clauses' targets are checked first, in clause order (a clause without a target, the
 * last, meets a conflict on the rowid and then on any UNIQUE index); the first conflict decides:
 * DO NOTHING drops the row, DO UPDATE drops it and updates the conflicting row instead (when its
 * WHERE holds) through a compiled UPDATE, so the table's constraints, indexes, UPDATE triggers
 * and foreign keys apply. A row that meets no target's conflict goes on to the ordinary checks.
 */
final class UpsertOp {
  private final IndexSchema[] indexes;
  private final boolean[] anyConstraint;
  private final UpdateStatement[] updates;
  private final Evaluator[] wheres;
  /** The excluded row the DO UPDATE expressions read at depth 1. */
  private final ExprCompiler.Frame excluded = new ExprCompiler.Frame();
  private long updated;

  UpsertOp(List<Plan.OnConflict> clauses, ExprCompiler compiler) {
    int n = clauses.size();
    indexes = new IndexSchema[n];
    anyConstraint = new boolean[n];
    updates = new UpdateStatement[n];
    wheres = new Evaluator[n];
    ExprCompiler inner = compiler.withOuter(excluded);
    for (int i = 0; i < n; i++) {
      Plan.OnConflict c = clauses.get(i);
      indexes[i] = c.index();
      anyConstraint[i] = c.anyConstraint();
      if (c.update() != null) {
        updates[i] = new UpdateStatement(c.update(), inner);
        wheres[i] = c.where() == null ? null : inner.compile(c.where());
      }
    }
  }

  /** Starts a run: no rows updated yet. */
  void begin() {
    updated = 0;
  }

  /** The rows DO UPDATE changed since {@link #begin}. */
  long updated() {
    return updated;
  }

  /** Hands the rows a DO UPDATE changes to {@code sink}. */
  void returning(ReturningSink sink) {
    for (UpdateStatement u : updates) {
      if (u != null) {
        u.returning(sink);
      }
    }
  }

  /**
   * Applies the first clause whose target {@code row} (to be inserted with {@code rowid})
   * conflicts on; true when one did (the row is not to be inserted), false to go on.
   */
  boolean resolved(Pager pager, TableWriter writer, Value[] row, long rowid) {
    for (int i = 0; i < indexes.length; i++) {
      Long other = anyConstraint[i]
          ? writer.anyConflict(row, rowid)
          : writer.conflictOn(indexes[i], row, rowid);
      if (other != null) {
        apply(i, pager, writer, row, other);
        return true;
      }
    }
    return false;
  }

  private void apply(int clause, Pager pager, TableWriter writer, Value[] row, long other) {
    UpdateStatement update = updates[clause];
    if (update == null) {
      return; // DO NOTHING
    }
    excluded.row = TableWriter.rowOf(row.clone());
    if (wheres[clause] != null) {
      Value[] current = new Value[writer.width()];
      if (!writer.read(other, current)
          || Values.truth(wheres[clause].eval(TableWriter.rowOf(current))) != 1) {
        return;
      }
    }
    updated += update.updateRows(pager, new long[] {other}).changes();
  }
}
