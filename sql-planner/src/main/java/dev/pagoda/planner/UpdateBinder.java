package dev.pagoda.planner;

import dev.pagoda.parser.ast.Assignment;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.RowValue;
import dev.pagoda.parser.ast.TriggerEvent;
import dev.pagoda.parser.ast.Update;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binds UPDATE [OR action] t SET ... [FROM ...] [WHERE expr]: the new value of every column (and
 * of the rowid) as an expression over the old row, joined with the FROM clause's row when there is
 * one ({@link UpdateFrom}); a column assigned twice takes the last assignment, as in SQLite.
 */
final class UpdateBinder {
  private UpdateBinder() {}

  static Plan bind(Update u, Catalog catalog) {
    return bind(u, catalog, TriggerPlanner.Context.TOP);
  }

  /** Binds {@code u} where {@code context} says: at the top level or in a trigger program. */
  static Plan bind(Update u, Catalog catalog, TriggerPlanner.Context context) {
    QueryBinder queries = new QueryBinder(catalog).with(u.with());
    DmlSupport.rejectOrderByLimit(!u.orderBy().isEmpty(), u.limit() != null);
    ConflictAction action = context.action(u.orConflict());
    Set<String> setColumns = new HashSet<>();
    for (Assignment a : u.set()) {
      for (String c : a.columns()) {
        setColumns.add(c.toLowerCase(Locale.ROOT));
      }
    }
    ViewSchema view = DmlSupport.viewTarget(catalog, u.target().name(), TriggerEvent.UPDATE,
        setColumns);
    ReturningBinder.check(u.returning(), context, view != null);
    if (view != null && u.from() != null) {
      throw SqlException.error("not supported yet: UPDATE FROM on a view");
    }
    if (view != null) {
      return ViewWrites.update(u, view, catalog, setColumns, action, context);
    }
    TableSchema table = DmlSupport.target(catalog, u.target());
    UpdateFrom from = u.from() == null ? null
        : UpdateFrom.bind(u, table, queries, context.outer());
    Scope scope = from != null ? from.scope()
        : DmlSupport.rowScope(table, u.target().alias(), context.outer());
    ExprBinder binder = new ExprBinder(scope, queries);
    int rowid = table.columns().size();
    List<BoundExpr> values = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnSchema c = table.columns().get(i);
      Affinity affinity = i == table.rowidAlias() ? Affinity.INTEGER : c.affinity();
      values.add(new BoundExpr.Column(i, affinity, c.name()));
    }
    values.add(new BoundExpr.Column(rowid, Affinity.INTEGER, "rowid"));
    boolean changesRowid = false;
    for (Assignment a : u.set()) {
      List<Expr> sources = sources(a);
      for (int i = 0; i < a.columns().size(); i++) {
        int target = target(table, a.columns().get(i));
        BoundExpr value = binder.bind(sources.get(i));
        values.set(target, value);
        changesRowid |= target == rowid;
      }
    }
    PlanNode source = new PlanNode.TableScan(table);
    if (from != null) {
      source = from.plan(binder, u.where());
    } else if (u.where() != null) {
      source = DmlSupport.whereSource(catalog, table, scope, binder, u.where());
    }
    Plan plan = new Plan.Update(table, source, values, changesRowid, action,
        catalog.indexes(table.name()), DmlSupport.checks(table), DmlSupport.defaults(table),
        TriggerPlanner.forTable(
            catalog, table, TriggerEvent.UPDATE, setColumns, action, context), from != null);
    return ReturningBinder.wrap(plan, u.returning(), table, queries);
  }

  /** The value expression of each column an assignment sets. */
  static List<Expr> sources(Assignment a) {
    int columns = a.columns().size();
    if (!a.parenthesized() || columns == 1 && !(a.value() instanceof RowValue)) {
      return List.of(a.value());
    }
    if (a.value() instanceof RowValue row) {
      if (row.values().size() != columns) {
        throw SqlException.error(
            columns + " columns assigned " + row.values().size() + " values");
      }
      return row.values();
    }
    throw SqlException.error("not supported yet: assigning a subquery to a column list");
  }

  /** The row position a SET target writes: a column, or the rowid (also for its alias). */
  private static int target(TableSchema table, String name) {
    int index = table.columnIndex(name);
    if (index >= 0 && table.generated().isGenerated(index)) {
      throw SqlException.error("cannot UPDATE generated column \"" + name + "\"");
    }
    if (index >= 0) {
      return index == table.rowidAlias() ? table.columns().size() : index;
    }
    if (Scope.isRowidName(name)) {
      return table.columns().size();
    }
    throw SqlException.error("no such column: " + name);
  }
}
