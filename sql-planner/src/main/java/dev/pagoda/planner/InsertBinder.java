package dev.pagoda.planner;

import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.InsertSource;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binds INSERT ... VALUES and INSERT ... DEFAULT VALUES: maps the named columns to table columns
 * and fills every other column with its DEFAULT (or NULL).
 */
final class InsertBinder {
  private InsertBinder() {}

  static Plan.Insert bind(Insert insert, Catalog catalog) {
    if (insert.with() != null) {
      throw SqlException.error("not supported yet: WITH");
    }
    if (!insert.upserts().isEmpty()) {
      throw SqlException.error("not supported yet: ON CONFLICT (upsert)");
    }
    if (!insert.returning().isEmpty()) {
      throw SqlException.error("not supported yet: RETURNING");
    }
    if (insert.orConflict() != null && insert.orConflict() != ConflictAction.ABORT) {
      throw SqlException.error("not supported yet: INSERT OR " + insert.orConflict());
    }
    TableSchema table = Planner.lookupTable(catalog, insert.table());
    Planner.checkWritable(catalog, table);
    int[] targets = targets(insert, table);
    List<List<Expr>> sourceRows;
    if (insert.source() instanceof InsertSource.Values v) {
      sourceRows = v.rows();
    } else if (insert.source() instanceof InsertSource.DefaultValues) {
      sourceRows = List.of(List.of());
    } else {
      throw SqlException.error("not supported yet: INSERT ... SELECT");
    }
    ExprBinder binder = new ExprBinder(Scope.EMPTY);
    List<BoundExpr> defaults = defaults(table, binder);
    List<List<BoundExpr>> rows = new ArrayList<>();
    for (List<Expr> source : sourceRows) {
      if (!source.isEmpty() && source.size() != targets.length) {
        throw arityError(insert, table, source.size(), targets.length);
      }
      List<BoundExpr> row = new ArrayList<>(defaults);
      for (int i = 0; i < source.size(); i++) {
        row.set(targets[i], binder.bind(source.get(i)));
      }
      rows.add(row);
    }
    return new Plan.Insert(table, rows, catalog.indexes(table.name()));
  }

  /** The table column each supplied value goes to, in the order values are written. */
  private static int[] targets(Insert insert, TableSchema table) {
    if (insert.columns().isEmpty()) {
      int[] all = new int[table.columns().size()];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int[] targets = new int[insert.columns().size()];
    for (int i = 0; i < targets.length; i++) {
      String name = insert.columns().get(i);
      int index = table.columnIndex(name);
      if (index < 0) {
        if (Scope.isRowidName(name)) {
          throw SqlException.error("not supported yet: inserting an explicit rowid without an INTEGER PRIMARY KEY");
        }
        throw SqlException.error("table " + table.name() + " has no column named " + name);
      }
      targets[i] = index;
    }
    return targets;
  }

  private static SqlException arityError(Insert insert, TableSchema table, int values, int columns) {
    if (insert.columns().isEmpty()) {
      return SqlException.error("table " + table.name() + " has " + columns
          + " columns but " + values + " values were supplied");
    }
    return SqlException.error(values + " values for " + columns + " columns");
  }

  private static List<BoundExpr> defaults(TableSchema table, ExprBinder binder) {
    List<BoundExpr> defaults = new ArrayList<>();
    for (ColumnSchema c : table.columns()) {
      defaults.add(c.defaultValue() == null
          ? new BoundExpr.Constant(Value.NULL)
          : binder.bind(c.defaultValue()));
    }
    return defaults;
  }
}
