package dev.pagoda.planner;

import dev.pagoda.parser.ast.Assignment;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.RowValue;
import dev.pagoda.parser.ast.Update;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds UPDATE [OR action] t SET ... [WHERE expr]: the new value of every column (and of the
 * rowid) as an expression over the old row; a column assigned twice takes the last assignment, as
 * in SQLite.
 */
final class UpdateBinder {
  private UpdateBinder() {}

  static Plan.Update bind(Update u, Catalog catalog) {
    QueryBinder queries = new QueryBinder(catalog).with(u.with());
    if (u.from() != null) {
      throw SqlException.error("not supported yet: UPDATE FROM");
    }
    DmlSupport.rejectOrderByLimit(!u.orderBy().isEmpty(), u.limit() != null);
    if (!u.returning().isEmpty()) {
      throw SqlException.error("not supported yet: RETURNING");
    }
    TableSchema table = DmlSupport.target(catalog, u.target());
    Scope scope = DmlSupport.rowScope(table, u.target().alias());
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
    if (u.where() != null) {
      source = DmlSupport.whereSource(catalog, table, scope, binder, u.where());
    }
    return new Plan.Update(table, source, values, changesRowid, u.orConflict(),
        catalog.indexes(table.name()), DmlSupport.checks(table), DmlSupport.defaults(table));
  }

  /** The value expression of each column an assignment sets. */
  private static List<Expr> sources(Assignment a) {
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
    if (index >= 0) {
      return index == table.rowidAlias() ? table.columns().size() : index;
    }
    if (Scope.isRowidName(name)) {
      return table.columns().size();
    }
    throw SqlException.error("no such column: " + name);
  }
}
