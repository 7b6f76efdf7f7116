package dev.pagoda.planner;

import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.ast.Begin;
import dev.pagoda.parser.ast.Commit;
import dev.pagoda.parser.ast.Explain;
import dev.pagoda.parser.ast.Pragma;
import dev.pagoda.parser.ast.Release;
import dev.pagoda.parser.ast.Rollback;
import dev.pagoda.parser.ast.Savepoint;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.planner.plan.QueryPlanDescriber;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code EXPLAIN QUERY PLAN stmt}: a query over the constant rows (id, parent, notused, detail)
 * that {@link QueryPlanDescriber} makes of {@code stmt}'s plan, planned (and so checked) as if
 * it were run. Plain {@code EXPLAIN} lists SQLite's bytecode, which Pagoda has none of: it is
 * refused rather than answered with made-up opcodes.
 */
final class ExplainPlanner {
  /** The result columns of EXPLAIN QUERY PLAN, as SQLite names them. */
  static final List<String> COLUMNS = List.of("id", "parent", "notused", "detail");

  private ExplainPlanner() {}

  static Plan.Query plan(Explain explain, ParsedStatement parsed, String source, Catalog catalog) {
    if (!explain.queryPlan()) {
      throw SqlException.error("EXPLAIN is not supported: use EXPLAIN QUERY PLAN");
    }
    Statement inner = explain.statement();
    List<QueryPlanDescriber.Line> lines = List.of();
    if (!isEngineStatement(inner)) {
      ParsedStatement innerParsed = new ParsedStatement(inner, parsed.start(), parsed.end(),
          parsed.tailOffset(), parsed.parameterCount(), parsed.parameterNames());
      lines = QueryPlanDescriber.describe(Planner.plan(innerParsed, source, catalog));
    }
    return new Plan.Query(rows(lines), COLUMNS);
  }

  /** Statements the engine runs itself, which have no plan to describe (SQLite shows none). */
  private static boolean isEngineStatement(Statement s) {
    return s instanceof Pragma || s instanceof Begin || s instanceof Commit
        || s instanceof Rollback || s instanceof Savepoint || s instanceof Release;
  }

  private static PlanNode rows(List<QueryPlanDescriber.Line> lines) {
    if (lines.isEmpty()) {
      List<BoundExpr> none = new ArrayList<>();
      for (int i = 0; i < COLUMNS.size(); i++) {
        none.add(new BoundExpr.Constant(Value.NULL));
      }
      return new PlanNode.Limit(new PlanNode.Values(List.of(none)),
          new BoundExpr.Constant(Value.of(0L)), null);
    }
    List<List<BoundExpr>> rows = new ArrayList<>();
    for (QueryPlanDescriber.Line line : lines) {
      rows.add(List.of(
          new BoundExpr.Constant(Value.of((long) line.id())),
          new BoundExpr.Constant(Value.of((long) line.parent())),
          new BoundExpr.Constant(Value.of(0L)),
          new BoundExpr.Constant(Value.of(line.detail()))));
    }
    return new PlanNode.Values(rows);
  }
}
