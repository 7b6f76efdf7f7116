package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.pager.Pager;
import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import java.util.List;

/** A compiled SELECT: a tree of operator factories with their evaluators already built. */
final class QueryStatement implements CompiledStatement {
  private final Plan.Query plan;
  private final OperatorFactory root;

  QueryStatement(Plan.Query plan, ExprCompiler compiler) {
    this.plan = plan;
    this.root = factory(plan.root(), compiler);
  }

  /** Opens the operator of one plan node for one run. */
  @FunctionalInterface
  private interface OperatorFactory {
    Operator open(Pager pager);
  }

  private static OperatorFactory factory(PlanNode node, ExprCompiler compiler) {
    if (node instanceof PlanNode.SingleRow) {
      return pager -> new Operators.SingleRowOp();
    } else if (node instanceof PlanNode.TableScan s) {
      TableSchema table = s.table();
      boolean[] realColumns = new boolean[table.columns().size()];
      for (int i = 0; i < realColumns.length; i++) {
        realColumns[i] = table.columns().get(i).affinity() == Affinity.REAL;
      }
      return pager -> {
        TableCursor cursor = BTree.openTable(pager, table.rootPage());
        return new Operators.TableScanOp(cursor, table.rowidAlias(), realColumns);
      };
    } else if (node instanceof PlanNode.Filter f) {
      OperatorFactory input = factory(f.input(), compiler);
      Evaluator predicate = compiler.compile(f.predicate());
      return pager -> new Operators.FilterOp(input.open(pager), predicate);
    } else if (node instanceof PlanNode.Project p) {
      OperatorFactory input = factory(p.input(), compiler);
      List<Evaluator> expressions = p.expressions().stream().map(compiler::compile).toList();
      return pager -> new Operators.ProjectOp(input.open(pager), expressions);
    }
    throw new AssertionError("unknown plan node: " + node);
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
    return new QueryRun(root.open(pager), plan.root().width());
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
