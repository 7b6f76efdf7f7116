package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows a write reads before it writes anything (its source query run to the end, cursors
 * closed), so that no B-tree changes while a cursor walks it.
 */
final class SourceRows {
  private final QueryStatement query;

  private SourceRows(QueryStatement query) {
    this.query = query;
  }

  /** Every row of {@code node}. */
  static SourceRows of(PlanNode node, ExprCompiler compiler) {
    List<String> names = new ArrayList<>(Collections.nCopies(node.width(), "c"));
    return new SourceRows(new QueryStatement(new Plan.Query(node, names), compiler));
  }

  /** The rowid of every row of {@code node}, a scan of a table with {@code columns} columns. */
  static SourceRows rowids(PlanNode node, int columns, ExprCompiler compiler) {
    PlanNode project = new PlanNode.Project(
        node, List.of(new BoundExpr.Column(columns, Affinity.INTEGER, "rowid")));
    return new SourceRows(new QueryStatement(new Plan.Query(project, List.of("rowid")), compiler));
  }

  /** Runs the query to its end and returns its rows. */
  List<Value[]> collect(Pager pager) {
    List<Value[]> rows = new ArrayList<>();
    try (QueryRun run = query.query(pager)) {
      while (run.next()) {
        Value[] row = new Value[run.width()];
        for (int i = 0; i < row.length; i++) {
          row[i] = run.column(i);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Runs a {@link #rowids} query to its end and returns the rowids. */
  long[] collectRowids(Pager pager) {
    List<Value[]> rows = collect(pager);
    long[] rowids = new long[rows.size()];
    for (int i = 0; i < rowids.length; i++) {
      rowids[i] = Values.toLong(rows.get(i)[0]);
    }
    return rowids;
  }
}
