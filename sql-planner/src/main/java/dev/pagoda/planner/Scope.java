package dev.pagoda.planner;

import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.spi.SqlException;
import java.util.Locale;

/**
 * The names an expression can see: the one table of a single-table FROM clause, or nothing. Joins
 * (Step 5) widen this to several tables with offsets into the joined row.
 *
 * @param table the table in scope, or null when there is no FROM clause
 * @param alias the name the query gives the table (its alias, else its name)
 */
record Scope(TableSchema table, String alias) {
  static final Scope EMPTY = new Scope(null, null);

  /** Resolves {@code [qualifier.]column} to a column of the input row. */
  BoundExpr.Column resolve(String qualifier, String column) {
    String shown = qualifier == null ? column : qualifier + "." + column;
    if (table == null || (qualifier != null && !qualifier.equalsIgnoreCase(alias))) {
      throw SqlException.error("no such column: " + shown);
    }
    int index = table.columnIndex(column);
    if (index >= 0) {
      Affinity affinity =
          index == table.rowidAlias() ? Affinity.INTEGER : table.columns().get(index).affinity();
      ColumnSchema col = table.columns().get(index);
      return new BoundExpr.Column(index, affinity, col.name(), col.collation());
    }
    if (isRowidName(column)) {
      return new BoundExpr.Column(BoundExpr.Column.ROWID, Affinity.INTEGER, column);
    }
    throw SqlException.error("no such column: " + shown);
  }

  static boolean isRowidName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("rowid") || n.equals("oid") || n.equals("_rowid_");
  }
}
