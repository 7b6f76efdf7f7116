package dev.pagoda.planner;

import dev.pagoda.parser.SqlPrinter;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the RETURNING clause of an INSERT, UPDATE or DELETE (SQLite 3.35): each result column is
 * an expression over the row written (the table's columns, then the rowid) and {@code *} stands
 * for the table's columns. As in SQLite, the table is seen by its name only (not by an {@code AS}
 * alias), {@code t.*} is refused, and so are aggregate and window functions (the plain {@link
 * ExprBinder}'s "misuse of ..." errors). A RETURNING clause inside a trigger program is SQLite's
 * "cannot use RETURNING in a trigger".
 */
final class ReturningBinder {
  private ReturningBinder() {}

  /**
   * {@code write} with its RETURNING clause, or {@code write} itself when {@code returning} is
   * empty.
   *
   */
  static Plan wrap(Plan write, List<ResultColumn> returning, TableSchema table,
      QueryBinder queries) {
    if (returning.isEmpty()) {
      return write;
    }
    Scope scope = DmlSupport.rowScope(table, null); // SQLite's RETURNING does not see an alias
    ExprBinder binder = new ExprBinder(scope, queries);
    List<BoundExpr> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ResultColumn column : returning) {
      if (column instanceof ResultColumn.ExprColumn e) {
        values.add(binder.bind(e.expr()));
        names.add(name(e, table));
      } else {
        if (column instanceof ResultColumn.TableStar) {
          throw SqlException.error("RETURNING may not use \"TABLE.*\" wildcards");
        }
        for (int i = 0; i < table.columns().size(); i++) {
          ColumnSchema c = table.columns().get(i);
          values.add(new BoundExpr.Column(i, c.affinity(), c.name()));
          names.add(c.name());
        }
      }
    }
    return new Plan.Returning(write, values, names);
  }

  /** SQLite's refusals of a RETURNING clause where it may not be. */
  static void check(List<ResultColumn> returning, TriggerPlanner.Context context,
      boolean view) {
    if (returning.isEmpty()) {
      return;
    }
    if (context.outer() != null || !context.active().isEmpty()) {
      throw SqlException.error("cannot use RETURNING in a trigger");
    }
    if (view) {
      throw SqlException.error("not supported yet: RETURNING on a view");
    }
  }

  /**
   * The column name SQLite gives a RETURNING value: the alias; for a column reference, the
   * column's declared name (the rowid: its alias column's, else "rowid"); else the text.
   */
  private static String name(ResultColumn.ExprColumn e, TableSchema table) {
    if (e.alias() != null) {
      return e.alias();
    }
    if (e.expr() instanceof ColumnRef ref) {
      int index = table.columnIndex(ref.column());
      if (index >= 0) {
        return table.columns().get(index).name();
      }
      if (Scope.isRowidName(ref.column())) {
        return table.rowidAlias() >= 0 ? table.columns().get(table.rowidAlias()).name() : "rowid";
      }
    }
    return e.span() != null ? e.span() : SqlPrinter.print(e.expr());
  }
}
