package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.Value;

/**
 * A compiled DELETE: collects the rowids of the rows to delete (the scan runs to its end first),
 * then deletes each row and its index entries.
 */
final class DeleteStatement implements CompiledStatement {
  private final Plan.Delete plan;
  private final SourceRows source;
  private final TriggerProgram.Set triggers;
  private final Session session;
  /** Where the rows deleted go for RETURNING, or null. */
  private ReturningSink returning;

  DeleteStatement(Plan.Delete plan, ExprCompiler compiler) {
    this.plan = plan;
    this.triggers = new TriggerProgram.Set(plan.triggers(), compiler);
    this.session = compiler.run().session();
    this.source = SourceRows.rowids(plan.source(), plan.table().columns().size(), compiler);
  }

  /** Hands every row deleted, as it was, to {@code sink}. */
  void returning(ReturningSink sink) {
    this.returning = sink;
  }

  @Override
  public Plan.Delete plan() {
    return plan;
  }

  @Override
  public ExecutionResult execute(Pager pager) {
    return ForeignKeyChecker.statement(session, () -> run(pager));
  }

  private ExecutionResult run(Pager pager) {
    long[] rowids = source.collectRowids(pager);
    long changes = 0;
    try (TableWriter writer = new TableWriter(pager, plan.table(), plan.indexes(), null,
        new String[0], new Evaluator[0], new Evaluator[0])) {
      ForeignKeyChecker fk = ForeignKeyChecker.open(session, pager, false);
      if (fk != null) {
        fk.prepare(plan.table(), null, false, true);
      }
      Value[] row = new Value[writer.width()];
      for (long rowid : rowids) {
        if (!writer.read(rowid, row)) {
          continue;
        }
        if (triggers.hasBefore()
            && (!triggers.before(pager, row, null) || !writer.read(rowid, row))) {
          continue; // IGNORE, or the trigger deleted the row
        }
        if (fk != null) {
          fk.deleting(plan.table(), row);
        }
        writer.delete(row, rowid);
        if (fk != null) {
          fk.actions.deleted(plan.table(), row);
        }
        changes++;
        triggers.after(pager, row, null);
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
