package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.planner.ColumnSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.Value;
import java.util.List;

/**
 * A compiled UPDATE (for UPDATE ... FROM with {@link UpdateFromRows}). Collects the rowids of the rows to update first (the scan runs to its end),
 * then for each row still there: reads it, evaluates the new values over the old row, applies
 * affinity, checks NOT NULL and CHECK, resolves rowid and UNIQUE conflicts, and replaces the row
 * and its index entries (a new rowid moves the row). As in SQLite, a row that an earlier row's
 * REPLACE deleted is skipped, and a row is read as it is when its turn comes.
 */
final class UpdateStatement implements CompiledStatement {
  private final Plan.Update plan;
  private final TableSchema table;
  private final SourceRows source;
  private final Evaluator[] values;
  private final String[] checkNames;
  private final Evaluator[] checks;
  private final Evaluator[] defaults;
  private final TriggerProgram.Set triggers;
  /** Columns the SET does not assign: after BEFORE triggers they are read again. */
  private final boolean[] unassigned;
  private final Session session;
  /** Where the rows updated go for RETURNING, or null. */
  private ReturningSink returning;

  UpdateStatement(Plan.Update plan, ExprCompiler compiler) {
    this.plan = plan;
    this.table = plan.table();
    this.source = plan.joined() ? SourceRows.of(plan.source(), compiler)
        : SourceRows.rowids(plan.source(), table.columns().size(), compiler);
    this.values = plan.values().stream().map(compiler::compile).toArray(Evaluator[]::new);
    this.checkNames = plan.checks().stream().map(Plan.Check::name).toArray(String[]::new);
    this.checks = plan.checks().stream().map(c -> compiler.compile(c.expr()))
        .toArray(Evaluator[]::new);
    this.defaults = plan.defaults().stream().map(compiler::compile).toArray(Evaluator[]::new);
    this.triggers = new TriggerProgram.Set(plan.triggers(), compiler);
    this.session = compiler.run().session();
    this.unassigned = new boolean[table.columns().size()];
    for (int i = 0; i < unassigned.length; i++) {
      unassigned[i] = plan.values().get(i) instanceof BoundExpr.Column c && c.index() == i;
    }
  }

  /** Hands every row updated, as it is now, to {@code sink}. */
  void returning(ReturningSink sink) {
    this.returning = sink;
  }

  /** Updates the rows with {@code rowids} (an upsert's DO UPDATE), as this statement would. */
  ExecutionResult updateRows(Pager pager, long[] rowids) {
    return ForeignKeyChecker.statement(session, () -> update(pager, rowids, null));
  }

  @Override
  public Plan.Update plan() {
    return plan;
  }

  @Override
  public ExecutionResult execute(Pager pager) {
    return ForeignKeyChecker.statement(session, () -> run(pager));
  }

  private ExecutionResult run(Pager pager) {
    UpdateFromRows joined = plan.joined()
        ? UpdateFromRows.collect(source, pager, table.columns().size()) : null;
    return update(pager, joined != null ? joined.rowids() : source.collectRowids(pager), joined);
  }

  /** Updates the rows {@code rowids}; {@code joined} holds their FROM rows for UPDATE ... FROM. */
  private ExecutionResult update(Pager pager, long[] rowids, UpdateFromRows joined) {
    long changes = 0;
    List<ColumnSchema> columns = table.columns();
    int n = columns.size();
    try (TableWriter writer = new TableWriter(pager, table, plan.indexes(), plan.onConflict(),
        checkNames, checks, defaults)) {
      ForeignKeyChecker fk = ForeignKeyChecker.open(session, pager, false);
      boolean[] changed = new boolean[n];
      for (int i = 0; i < n; i++) {
        changed[i] = !unassigned[i];
      }
      if (fk != null) {
        fk.prepare(table, changed, plan.changesRowid(), false);
        writer.foreignKeys(fk);
      }
      Value[] old = new Value[n + 1];
      for (int r = 0; r < rowids.length; r++) {
        long rowid = rowids[r];
        if (!writer.read(rowid, old)) {
          continue;
        }
        Row oldRow = joined != null ? joined.row(r, old) : TableWriter.rowOf(old);
        Value[] row = new Value[n + 1];
        for (int i = 0; i < n; i++) {
          row[i] = Values.applyAffinity(columns.get(i).affinity(), values[i].eval(oldRow));
        }
        long newRowid = plan.changesRowid() ? TableWriter.rowidOf(values[n].eval(oldRow)) : rowid;
        if (table.rowidAlias() >= 0) {
          row[table.rowidAlias()] = Value.of(newRowid);
        }
        row[n] = Value.of(newRowid);
        if (triggers.hasBefore()) {
          writer.computeGenerated(row);
          if (!triggers.before(pager, old, row) || !writer.read(rowid, old)) {
            continue; // IGNORE, or the trigger deleted the row
          }
          for (int i = 0; i < n; i++) {
            if (unassigned[i] && i != table.rowidAlias()) {
              row[i] = old[i]; // as the BEFORE triggers left it
            }
          }
        }
        if (!writer.checkRow(row) || !writer.resolveConflicts(row, newRowid, rowid)) {
          continue;
        }
        writer.read(rowid, old); // a REPLACE may have moved the cursor; the row itself stays
        if (fk != null) {
          fk.updatingFrom(table, old, changed, plan.changesRowid());
        }
        writer.delete(old, rowid);
        if (fk != null) {
          fk.updatingTo(table, row, changed, plan.changesRowid());
        }
        writer.insert(row, newRowid);
        if (fk != null) {
          fk.actions.updated(table, old, row, changed, plan.changesRowid());
        }
        changes++;
        triggers.after(pager, old, row);
        if (returning != null) {
          returning.written(row);
        }
      }
    } catch (ConstraintViolation e) {
      e.setEarlierChanges(new ExecutionResult(changes, false, 0));
      throw e;
    }
    return new ExecutionResult(changes, false, 0);
  }
}
