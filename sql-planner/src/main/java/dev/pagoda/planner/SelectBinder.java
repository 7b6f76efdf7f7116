package dev.pagoda.planner;

import dev.pagoda.parser.SqlPrinter;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.FromItem;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;

/** Binds a SELECT into scan, filter and projection nodes. */
final class SelectBinder {
  private SelectBinder() {}

  static Plan.Query bind(Select s, Catalog catalog) {
    rejectUnsupported(s);
    PlanNode input;
    Scope scope;
    if (s.from() == null) {
      input = new PlanNode.SingleRow();
      scope = Scope.EMPTY;
    } else {
      TableRef ref = singleTable(s.from());
      TableSchema table = Planner.lookupTable(catalog, ref.name());
      input = new PlanNode.TableScan(table);
      scope = new Scope(table, ref.alias() != null ? ref.alias() : table.name());
    }
    ExprBinder binder = new ExprBinder(scope);
    if (s.where() != null) {
      input = new PlanNode.Filter(input, binder.bind(s.where()));
    }
    List<BoundExpr> outputs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ResultColumn column : s.columns()) {
      expand(column, scope, binder, outputs, names);
    }
    return new Plan.Query(new PlanNode.Project(input, outputs), names);
  }

  private static void rejectUnsupported(Select s) {
    String feature = null;
    if (s.with() != null) {
      feature = "WITH";
    } else if (!s.compounds().isEmpty()) {
      feature = "compound SELECT";
    } else if (s.isValues()) {
      feature = "VALUES as a query";
    } else if (s.distinct()) {
      feature = "DISTINCT";
    } else if (!s.groupBy().isEmpty() || s.having() != null) {
      feature = "GROUP BY";
    } else if (!s.orderBy().isEmpty()) {
      feature = "ORDER BY";
    } else if (s.limit() != null) {
      feature = "LIMIT";
    } else if (!s.windows().isEmpty()) {
      feature = "WINDOW";
    }
    if (feature != null) {
      throw SqlException.error("not supported yet: " + feature);
    }
  }

  private static TableRef singleTable(FromItem from) {
    if (from instanceof TableRef ref) {
      if (ref.indexedBy() != null) {
        throw SqlException.error("no such index: " + ref.indexedBy());
      }
      return ref;
    }
    throw SqlException.error("not supported yet: joins and subqueries in FROM");
  }

  private static void expand(
      ResultColumn column, Scope scope, ExprBinder binder, List<BoundExpr> outputs,
      List<String> names) {
    if (column instanceof ResultColumn.ExprColumn e) {
      BoundExpr bound = binder.bind(e.expr());
      outputs.add(bound);
      names.add(columnName(e, bound));
    } else if (column instanceof ResultColumn.TableStar ts) {
      if (scope.table() == null || !ts.table().equalsIgnoreCase(scope.alias())) {
        throw SqlException.error("no such table: " + ts.table());
      }
      addAllColumns(scope, outputs, names);
    } else {
      if (scope.table() == null) {
        throw SqlException.error("no tables specified");
      }
      addAllColumns(scope, outputs, names);
    }
  }

  private static void addAllColumns(Scope scope, List<BoundExpr> outputs, List<String> names) {
    for (ColumnSchema c : scope.table().columns()) {
      BoundExpr.Column bound = scope.resolve(null, c.name());
      outputs.add(bound);
      names.add(c.name());
    }
  }

  /**
   * The name {@code sqlite3_column_name} gives: the alias; else, for a plain column reference,
   * the column's declared name; else the expression's text as written.
   */
  private static String columnName(ResultColumn.ExprColumn e, BoundExpr bound) {
    if (e.alias() != null) {
      return e.alias();
    }
    if (e.expr() instanceof ColumnRef ref && bound instanceof BoundExpr.Column c
        && !Scope.isRowidName(ref.column())) {
      return c.name();
    }
    return e.span() != null ? e.span() : SqlPrinter.print(e.expr());
  }
}
