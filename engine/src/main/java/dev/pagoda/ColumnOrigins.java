package dev.pagoda;

import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.ColumnConstraint;
import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.TableConstraint;
import dev.pagoda.planner.ColumnSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.planner.plan.BoundExpr.SubqueryKind;
import java.util.List;

/**
 * Traces a result column of a query plan down to the table column it reads, as SQLite's {@code
 * columnType()} does for {@code sqlite3_column_decltype}: through projections of plain column
 * references, the nodes that pass rows through (filters, sorts, limits, DISTINCT,
 * materialization), joins, the bare columns of aggregates and windows, scalar subqueries, and the
 * leftmost query of a compound.
 */
final class ColumnOrigins {
  private ColumnOrigins() {}

  /** The origin of column {@code column} of {@code node}'s rows, or null when it has none. */
  static ColumnOrigin of(PlanNode node, int column) {
    while (node != null) {
      if (node instanceof PlanNode.TableScan t) {
        return ofTable(t.table(), column);
      } else if (node instanceof PlanNode.RowidSeek t) {
        return ofTable(t.table(), column);
      } else if (node instanceof PlanNode.RowidRange t) {
        return ofTable(t.table(), column);
      } else if (node instanceof PlanNode.IndexSeek t) {
        return ofTable(t.table(), column);
      } else if (node instanceof PlanNode.Project p) {
        BoundExpr expr = p.expressions().get(column);
        if (expr instanceof BoundExpr.Column c) {
          node = p.input();
          column = c.index();
        } else if (expr instanceof BoundExpr.Subquery s && s.kind() == SubqueryKind.SCALAR) {
          node = s.plan();
          column = 0;
        } else {
          return null;
        }
      } else if (node instanceof PlanNode.NestedLoop n) {
        List<Integer> offsets = n.offsets();
        int source = offsets.size() - 1;
        while (offsets.get(source) > column) {
          source--;
        }
        node = n.sources().get(source);
        column -= offsets.get(source);
      } else {
        node = passedThrough(node, column);
      }
    }
    return null;
  }

  /**
   * The input whose column {@code column} a node passes on unchanged, or null (VALUES,
   * table-valued functions, recursive CTEs, aggregate and window results: no table column).
   */
  private static PlanNode passedThrough(PlanNode node, int column) {
    if (node instanceof PlanNode.Filter f) {
      return f.input();
    } else if (node instanceof PlanNode.Sort s) {
      return s.input();
    } else if (node instanceof PlanNode.Limit l) {
      return l.input();
    } else if (node instanceof PlanNode.Distinct d) {
      return d.input();
    } else if (node instanceof PlanNode.Materialize m) {
      return m.input();
    } else if (node instanceof PlanNode.Compound c) {
      return c.left();
    } else if (node instanceof PlanNode.Aggregate a) {
      return column < a.input().width() ? a.input() : null;
    } else if (node instanceof PlanNode.Window w) {
      return column < w.input().width() ? w.input() : null;
    }
    return null;
  }

  private static ColumnOrigin ofTable(TableSchema table, int column) {
    if (column >= table.columns().size()) {
      int alias = table.rowidAlias();
      if (alias < 0) {
        return new ColumnOrigin(table.name(), "rowid", "INTEGER", false, true, false);
      }
      column = alias;
    }
    ColumnSchema c = table.columns().get(column);
    String type = c.declaredType().isEmpty() ? null : c.declaredType();
    boolean autoIncrement = column == table.rowidAlias() && declaresAutoincrement(table.sql());
    return new ColumnOrigin(table.name(), c.name(), type, c.notNull(), c.primaryKey(),
        autoIncrement);
  }

  /** Whether the CREATE TABLE text declares its PRIMARY KEY with AUTOINCREMENT. */
  private static boolean declaresAutoincrement(String sql) {
    if (!sql.regionMatches(true, 0, "CREATE", 0, 6)
        || !sql.toUpperCase(java.util.Locale.ROOT).contains("AUTOINCREMENT")) {
      return false;
    }
    try {
      if (!(Parser.parseFirst(sql).statement() instanceof CreateTable create)) {
        return false;
      }
      for (ColumnDef def : create.columns()) {
        for (ColumnConstraint c : def.constraints()) {
          if (c instanceof ColumnConstraint.PrimaryKey pk && pk.autoincrement()) {
            return true;
          }
        }
      }
      for (TableConstraint c : create.constraints()) {
        if (c instanceof TableConstraint.PrimaryKey pk && pk.autoincrement()) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException e) {
      return false; // the catalog parsed this text once; a failure here means no AUTOINCREMENT
    }
  }
}
