package dev.pagoda.planner;

import dev.pagoda.parser.ast.Assignment;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.Delete;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.InsertSource;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.parser.ast.TriggerEvent;
import dev.pagoda.parser.ast.Update;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * INSERT, UPDATE and DELETE on a view with INSTEAD OF triggers: the rows become trigger rows (OLD
 * then NEW, the view's columns each) for which the triggers run; nothing is written to the view.
 * UPDATE and DELETE read the view's rows through an ordinary query of the view with the
 * statement's WHERE (and, for UPDATE, the SET values as extra result columns).
 */
final class ViewWrites {
  private ViewWrites() {}

  static Plan insert(Insert insert, ViewSchema view, Catalog catalog, ConflictAction action,
      TriggerPlanner.Context context) {
    QueryBinder.Bound shape = shape(view, catalog);
    List<String> names = shape.names();
    int n = names.size();
    int[] targets = new int[insert.columns().isEmpty() ? n : insert.columns().size()];
    if (insert.columns().isEmpty()) {
      Arrays.setAll(targets, i -> i);
    } else {
      for (int i = 0; i < targets.length; i++) {
        targets[i] = indexOf(names, insert.columns().get(i));
        if (targets[i] < 0) {
          throw SqlException.error(
              "table " + view.name() + " has no column named " + insert.columns().get(i));
        }
      }
    }
    PlanNode source;
    if (insert.source() instanceof InsertSource.Values v) {
      int width = v.rows().get(0).size();
      for (List<Expr> row : v.rows()) {
        if (row.size() != width) {
          throw SqlException.error("all VALUES must have the same number of terms");
        }
      }
      InsertBinder.checkArity(insert, view.name(), width, targets.length);
      ExprBinder binder =
          new ExprBinder(new Scope(List.of(), context.outer()), new QueryBinder(catalog));
      List<List<BoundExpr>> rows = new ArrayList<>();
      for (List<Expr> row : v.rows()) {
        List<BoundExpr> bound = nulls(2 * n);
        for (int i = 0; i < row.size(); i++) {
          bound.set(n + targets[i], binder.bind(row.get(i)));
        }
        rows.add(bound);
      }
      source = new PlanNode.Values(rows);
    } else if (insert.source() instanceof InsertSource.FromSelect s) {
      QueryBinder.Bound query = new QueryBinder(catalog).bind(s.select(), context.outer());
      InsertBinder.checkArity(insert, view.name(), query.root().width(), targets.length);
      List<BoundExpr> row = nulls(2 * n);
      for (int i = 0; i < targets.length; i++) {
        row.set(n + targets[i], new BoundExpr.Column(i, null, query.names().get(i)));
      }
      source = new PlanNode.Project(query.root(), row);
    } else {
      source = new PlanNode.Values(List.of(nulls(2 * n)));
    }
    List<Plan.Trigger> triggers = TriggerPlanner.insteadOf(
        catalog, view, names, shape.affinities(), TriggerEvent.INSERT, Set.of(), action, context);
    return new Plan.InsteadOf(view.name(), source, triggers, n);
  }

  static Plan update(Update u, ViewSchema view, Catalog catalog, Set<String> setColumns,
      ConflictAction action, TriggerPlanner.Context context) {
    QueryBinder.Bound shape = shape(view, catalog);
    List<String> names = shape.names();
    int n = names.size();
    Expr[] values = new Expr[n];
    for (Assignment a : u.set()) {
      List<Expr> sources = UpdateBinder.sources(a);
      for (int i = 0; i < a.columns().size(); i++) {
        int target = indexOf(names, a.columns().get(i));
        if (target < 0) {
          throw SqlException.error("no such column: " + a.columns().get(i));
        }
        values[target] = sources.get(i);
      }
    }
    String alias = u.target().alias() != null ? u.target().alias() : view.name();
    List<ResultColumn> columns = new ArrayList<>();
    columns.add(new ResultColumn.Star());
    for (int i = 0; i < n; i++) {
      Expr value = values[i] != null ? values[i] : new ColumnRef(null, alias, names.get(i));
      columns.add(new ResultColumn.ExprColumn(value, "c" + i));
    }
    QueryBinder.Bound rows = new QueryBinder(catalog).bind(
        Select.of(columns, from(view, u.target().alias()), u.where()), context.outer());
    List<Plan.Trigger> triggers = TriggerPlanner.insteadOf(
        catalog, view, names, shape.affinities(), TriggerEvent.UPDATE, setColumns, action,
        context);
    return new Plan.InsteadOf(view.name(), rows.root(), triggers, n);
  }

  static Plan delete(Delete d, ViewSchema view, Catalog catalog, TriggerPlanner.Context context) {
    QueryBinder.Bound shape = shape(view, catalog);
    int n = shape.names().size();
    QueryBinder.Bound rows = new QueryBinder(catalog).bind(
        Select.of(List.of(new ResultColumn.Star()), from(view, d.target().alias()), d.where()),
        context.outer());
    List<BoundExpr> row = nulls(2 * n);
    for (int i = 0; i < n; i++) {
      row.set(i, new BoundExpr.Column(i, null, shape.names().get(i)));
    }
    List<Plan.Trigger> triggers = TriggerPlanner.insteadOf(catalog, view, shape.names(),
        shape.affinities(), TriggerEvent.DELETE, Set.of(), context.override(), context);
    return new Plan.InsteadOf(view.name(), new PlanNode.Project(rows.root(), row), triggers, n);
  }

  /** The view's columns: {@code SELECT * FROM view} bound. */
  private static QueryBinder.Bound shape(ViewSchema view, Catalog catalog) {
    return new QueryBinder(catalog)
        .bind(Select.of(List.of(new ResultColumn.Star()), from(view, null), null), null);
  }

  private static TableRef from(ViewSchema view, String alias) {
    return new TableRef(QualifiedName.of(view.name()), alias);
  }

  private static int indexOf(List<String> names, String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private static List<BoundExpr> nulls(int n) {
    List<BoundExpr> row = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      row.add(new BoundExpr.Constant(Value.NULL));
    }
    return row;
  }
}
