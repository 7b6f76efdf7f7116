package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.planner.plan.Plan;

/** A compiled SELECT: a tree of operator factories with their evaluators already built. */
final class QueryStatement implements CompiledStatement {
  private final Plan.Query plan;
  private final OperatorFactory root;
  private final RunContext run;

  QueryStatement(Plan.Query plan, ExprCompiler compiler) {
    this.plan = plan;
    this.root = new PlanCompiler(compiler).compile(plan.root());
    this.run = compiler.run();
  }

  @Override
  public Plan.Query plan() {
    return plan;
  }

  @Override
  public boolean isQuery() {
    return true;
  }

  @Override
  public QueryRun query(Pager pager) {
    run.begin(pager);
    return new QueryRun(root.open(run, Operators.NO_ROW), plan.root().width());
  }

  @Override
  public ExecutionResult execute(Pager pager) {
    try (QueryRun run = query(pager)) {
      while (run.next()) {
        // A query run for its effects: step through and discard the rows.
      }
    }
    return ExecutionResult.NONE;
  }
}
