package dev.pagoda.planner.plan;

import static java.util.Objects.requireNonNull;

import dev.pagoda.planner.TableSchema;
import java.util.List;

/**
 * A node of a physical query plan. Each node produces rows; a row is a list of values addressed by
 * position, as {@link BoundExpr.Column} indexes them.
 */
public sealed interface PlanNode {

  /** The number of columns in the rows this node produces. */
  int width();

  /** One row of no columns: the FROM clause of a SELECT that has none. */
  record SingleRow() implements PlanNode {
    @Override
    public int width() {
      return 0;
    }
  }

  /**
   * Every row of a rowid table in rowid order. Row column i is table column i for i below the
   * table's column count, and column {@code columns().size()} is the rowid; a column that aliases
   * the rowid reads the rowid too.
   */
  record TableScan(TableSchema table) implements PlanNode {
    public TableScan {
      requireNonNull(table, "table");
    }

    @Override
    public int width() {
      return table.columns().size() + 1;
    }
  }

  /** The rows of {@code input} for which {@code predicate} is true. */
  record Filter(PlanNode input, BoundExpr predicate) implements PlanNode {
    public Filter {
      requireNonNull(input, "input");
      requireNonNull(predicate, "predicate");
    }

    @Override
    public int width() {
      return input.width();
    }
  }

  /** One output column per expression, evaluated over each row of {@code input}. */
  record Project(PlanNode input, List<BoundExpr> expressions) implements PlanNode {
    public Project {
      requireNonNull(input, "input");
      expressions = List.copyOf(expressions);
    }

    @Override
    public int width() {
      return expressions.size();
    }
  }
}
