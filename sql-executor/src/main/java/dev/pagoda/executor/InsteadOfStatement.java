package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.Value;
import java.util.List;

/**
 * A compiled INSERT, UPDATE or DELETE on a view: its trigger rows are collected first, then the
 * INSTEAD OF triggers run for each. As in SQLite, the statement itself changes no row, so it
 * counts no changes; what the triggers change counts in {@code total_changes()} only.
 */
final class InsteadOfStatement implements CompiledStatement {
  private final Plan.InsteadOf plan;
  private final SourceRows source;
  private final TriggerProgram.Set triggers;

  InsteadOfStatement(Plan.InsteadOf plan, ExprCompiler compiler) {
    this.plan = plan;
    this.source = SourceRows.of(plan.source(), compiler);
    this.triggers = new TriggerProgram.Set(plan.triggers(), plan.rowWidth(), compiler);
  }

  @Override
  public Plan.InsteadOf plan() {
    return plan;
  }

  @Override
  public ExecutionResult execute(Pager pager) {
    List<Value[]> rows = source.collect(pager);
    for (Value[] row : rows) {
      triggers.before(pager, row);
    }
    return ExecutionResult.NONE;
  }
}
