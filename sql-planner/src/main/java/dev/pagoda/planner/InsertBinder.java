package dev.pagoda.planner;

import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.InsertSource;
import dev.pagoda.parser.ast.TriggerEvent;
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
 * Binds INSERT ... VALUES, INSERT ... SELECT and INSERT ... DEFAULT VALUES: maps the named columns
 * (and a named rowid) to table columns and fills every other column with its DEFAULT (or NULL).
 */
final class InsertBinder {
  private InsertBinder() {}

  static Plan bind(Insert insert, Catalog catalog) {
    return bind(insert, catalog, TriggerPlanner.Context.TOP);
  }

  /** Binds {@code insert} where {@code context} says: at the top level or in a trigger program. */
  static Plan bind(Insert insert, Catalog catalog, TriggerPlanner.Context context) {
    QueryBinder queries = new QueryBinder(catalog).with(insert.with());
    ConflictAction action = context.action(insert.orConflict());
    ViewSchema view = DmlSupport.viewTarget(catalog, insert.table(), TriggerEvent.INSERT, Set.of());
    ReturningBinder.check(insert.returning(), context, view != null);
    if (view != null) {
      if (!insert.upserts().isEmpty()) {
        throw SqlException.error("cannot UPSERT a view");
      }
      return ViewWrites.insert(insert, view, catalog, action, context);
    }
    TableSchema table = DmlSupport.target(catalog, insert.table());
    int[] targets = targets(insert, table);
    List<BoundExpr> defaults = DmlSupport.defaults(table);
    PlanNode source = null;
    List<List<BoundExpr>> rows = new ArrayList<>();
    List<BoundExpr> rowids = new ArrayList<>();
    if (insert.source() instanceof InsertSource.Values v) {
      int width = v.rows().get(0).size();
      for (List<Expr> row : v.rows()) {
        if (row.size() != width) {
          throw SqlException.error("all VALUES must have the same number of terms");
        }
      }
      checkArity(insert, table, width, targets.length);
      ExprBinder binder =
          new ExprBinder(new Scope(List.of(), context.outer()), queries);
      for (List<Expr> row : v.rows()) {
        List<BoundExpr> bound = new ArrayList<>(row.size());
        for (Expr e : row) {
          bound.add(binder.bind(e));
        }
        addRow(table, targets, bound, defaults, rows, rowids);
      }
    } else if (insert.source() instanceof InsertSource.FromSelect s) {
      QueryBinder.Bound query = queries.bind(s.select(), context.outer());
      source = query.root();
      checkArity(insert, table, source.width(), targets.length);
      List<BoundExpr> columns = new ArrayList<>();
      for (int i = 0; i < source.width(); i++) {
        columns.add(new BoundExpr.Column(i, null, query.names().get(i)));
      }
      addRow(table, targets, columns, defaults, rows, rowids);
    } else {
      addRow(table, new int[0], List.of(), defaults, rows, rowids);
    }
    Plan plan = new Plan.Insert(table, source, rows, rowids, action,
        catalog.indexes(table.name()), DmlSupport.checks(table), defaults,
        TriggerPlanner.forTable(catalog, table, TriggerEvent.INSERT, Set.of(), action, context));
    if (!insert.upserts().isEmpty()) {
      plan = new Plan.Upsert(
          (Plan.Insert) plan, UpsertBinder.bind(insert, table, catalog, context));
    }
    return ReturningBinder.wrap(plan, insert.returning(), table, queries);
  }

  /** One row of table-column expressions and its rowid expression from the supplied values. */
  private static void addRow(TableSchema table, int[] targets, List<BoundExpr> supplied,
      List<BoundExpr> defaults, List<List<BoundExpr>> rows, List<BoundExpr> rowids) {
    List<BoundExpr> row = new ArrayList<>(defaults);
    BoundExpr rowid = new BoundExpr.Constant(Value.NULL);
    for (int i = 0; i < supplied.size(); i++) {
      if (targets[i] == table.columns().size()) {
        rowid = supplied.get(i);
      } else {
        row.set(targets[i], supplied.get(i));
      }
    }
    rows.add(row);
    rowids.add(rowid);
  }

  /**
   * The row position each supplied value goes to, in the order values are written: a table
   * column, or the table's column count for a rowid name that is not a column.
   */
  static int[] targets(Insert insert, TableSchema table) {
    GeneratedColumns generated = table.generated();
    if (insert.columns().isEmpty()) {
      int[] all = new int[table.columns().size()];
      Arrays.setAll(all, i -> i);
      return Arrays.stream(all).filter(i -> !generated.isGenerated(i)).toArray();
    }
    int[] targets = new int[insert.columns().size()];
    for (int i = 0; i < targets.length; i++) {
      String name = insert.columns().get(i);
      int index = table.columnIndex(name);
      if (index < 0) {
        if (!Scope.isRowidName(name)) {
          throw SqlException.error("table " + table.name() + " has no column named " + name);
        }
        index = table.rowidAlias() >= 0 ? table.rowidAlias() : table.columns().size();
      } else if (generated.isGenerated(index)) {
        throw SqlException.error("cannot INSERT into generated column \"" + name + "\"");
      }
      targets[i] = index;
    }
    return targets;
  }

  private static void checkArity(Insert insert, TableSchema table, int values, int columns) {
    checkArity(insert, table.name(), values, columns);
  }

  static void checkArity(Insert insert, String table, int values, int columns) {
    if (values == columns) {
      return;
    }
    if (insert.columns().isEmpty()) {
      throw SqlException.error("table " + table + " has " + columns
          + " columns but " + values + " values were supplied");
    }
    throw SqlException.error(values + " values for " + columns + " columns");
  }
}
