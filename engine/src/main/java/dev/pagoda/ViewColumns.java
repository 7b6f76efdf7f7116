package dev.pagoda;

import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.Cast;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FromItem;
import dev.pagoda.parser.ast.Join;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.Catalog;
import dev.pagoda.planner.ColumnSchema;
import dev.pagoda.planner.Planner;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.ViewSchema;
import dev.pagoda.planner.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * A view's column names, as a query of it names them (the planner binds the view), and their
 * types as SQLite's {@code table_info} shows them ({@code sqlite3SubqueryColumnTypes}): a result
 * column that is a plain reference to a table's column (or a view's, in turn) has that column's
 * declared type; otherwise, or when that type's affinity is not the column's, the standard type
 * name of its affinity ({@code BLOB} for a column without a type, {@code TEXT} for a CAST to
 * text, {@code NUM} for numeric); an expression without affinity has none. Where the view's
 * result columns cannot be matched one to one with its sources' columns (a {@code *} over a
 * NATURAL join or a subquery), the types are left empty.
 *
 * @param names the column names, in order
 * @param types the types as shown, "" where there is none
 */
record ViewColumns(List<String> names, List<String> types) {
  /** Views nested deeper than this are not followed for types (a guard against cycles). */
  private static final int MAX_DEPTH = 32;

  /** A result column's declared type (null if none) and affinity (null if none). */
  private record ColumnType(String declared, Affinity affinity) {
    static final ColumnType NONE = new ColumnType(null, null);

    /** The type {@code table_info} shows. */
    String shown() {
      if (declared != null && !declared.isEmpty()
          && Affinity.ofDeclaredType(declared) == affinity) {
        return TableDefinition.shownType(declared);
      }
      if (affinity == null) {
        return "";
      }
      return switch (affinity) {
        case NUMERIC -> "NUM";
        case INTEGER -> "INT";
        default -> affinity.name();
      };
    }
  }

  static ViewColumns of(Catalog catalog, ViewSchema view) {
    String sql = "SELECT * FROM \"" + view.name().replace("\"", "\"\"") + "\"";
    Plan plan = Planner.plan(Parser.parseFirst(sql), sql, catalog);
    List<String> names = ((Plan.Query) plan).columnNames();
    List<ColumnType> types = types(catalog, view, 0);
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      shown.add(types != null && types.size() == names.size() ? types.get(i).shown() : "");
    }
    return new ViewColumns(names, shown);
  }

  /** A source of the view's FROM: its name or alias, and its columns' names and types. */
  private record Source(String name, List<String> columns, List<ColumnType> types) {}

  /** The types of the view's first SELECT's result columns, or null if unknown. */
  private static List<ColumnType> types(Catalog catalog, ViewSchema view, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    Select select = view.select();
    List<Source> sources = new ArrayList<>();
    if (select.from() != null && !addSources(catalog, select.from(), sources, depth)) {
      return null;
    }
    List<ColumnType> types = new ArrayList<>();
    for (ResultColumn rc : select.columns()) {
      if (rc instanceof ResultColumn.Star) {
        sources.forEach(s -> types.addAll(s.types()));
      } else if (rc instanceof ResultColumn.TableStar ts) {
        Source s = source(sources, ts.table());
        if (s == null) {
          return null;
        }
        types.addAll(s.types());
      } else if (rc instanceof ResultColumn.ExprColumn ec) {
        types.add(exprType(sources, ec.expr()));
      }
    }
    return types;
  }

  private static ColumnType exprType(List<Source> sources, Expr e) {
    if (e instanceof ColumnRef ref) {
      return columnType(sources, ref);
    }
    if (e instanceof Cast c) {
      return new ColumnType(null, Affinity.ofDeclaredType(c.type().declaredType()));
    }
    return ColumnType.NONE;
  }

  private static boolean addSources(Catalog catalog, FromItem from, List<Source> out, int depth) {
    if (from instanceof Join j) {
      return !j.natural() && j.using().isEmpty() && addSources(catalog, j.left(), out, depth)
          && addSources(catalog, j.right(), out, depth);
    }
    if (!(from instanceof TableRef ref)) {
      return false;
    }
    String name = ref.alias() != null ? ref.alias() : ref.name().name();
    TableSchema t = catalog.table(ref.name().name());
    if (t != null) {
      List<String> columns = new ArrayList<>();
      List<ColumnType> types = new ArrayList<>();
      for (ColumnSchema c : t.columns()) {
        columns.add(c.name());
        types.add(new ColumnType(c.declaredType(), c.affinity()));
      }
      out.add(new Source(name, columns, types));
      return true;
    }
    ViewSchema v = catalog.view(ref.name().name());
    if (v == null) {
      return false;
    }
    List<ColumnType> types = types(catalog, v, depth + 1);
    List<String> names = of(catalog, v).names();
    if (types == null || types.size() != names.size()) {
      return false;
    }
    out.add(new Source(name, names, types));
    return true;
  }

  private static Source source(List<Source> sources, String name) {
    for (Source s : sources) {
      if (s.name().equalsIgnoreCase(name)) {
        return s;
      }
    }
    return null;
  }

  private static ColumnType columnType(List<Source> sources, ColumnRef ref) {
    for (Source s : sources) {
      if (ref.table() != null && !s.name().equalsIgnoreCase(ref.table())) {
        continue;
      }
      for (int i = 0; i < s.columns().size(); i++) {
        if (s.columns().get(i).equalsIgnoreCase(ref.column())) {
          return s.types().get(i);
        }
      }
    }
    return ColumnType.NONE;
  }
}
