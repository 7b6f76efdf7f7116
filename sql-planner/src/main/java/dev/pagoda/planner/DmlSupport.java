package dev.pagoda.planner;

import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.parser.ast.TriggerEvent;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What INSERT, UPDATE and DELETE share: the target table, its CHECKs and its defaults. */
final class DmlSupport {
  private DmlSupport() {}

  /** The table an INSERT, UPDATE or DELETE writes, checked writable; views are refused. */
  static TableSchema target(Catalog catalog, QualifiedName name) {
    Planner.checkSchemaName(name);
    if (catalog.table(name.name()) == null && catalog.view(name.name()) != null) {
      throw SqlException.error(
          "cannot modify " + catalog.view(name.name()).name() + " because it is a view");
    }
    TableSchema table = Planner.lookupTable(catalog, name);
    Planner.checkWritable(catalog, table);
    return table;
  }

  /**
   * The view {@code name} refers to when a write to it has INSTEAD OF triggers for {@code event}
   * (for UPDATE, one whose {@code UPDATE OF} columns {@code setColumns} meets); null when it names
   * a table (or nothing), and SQLite's error when it names a view without.
   */
  static ViewSchema viewTarget(
      Catalog catalog, QualifiedName name, TriggerEvent event, Set<String> setColumns) {
    Planner.checkSchemaName(name);
    if (catalog.table(name.name()) != null || catalog.view(name.name()) == null) {
      return null;
    }
    ViewSchema view = catalog.view(name.name());
    if (!TriggerPlanner.hasInsteadOf(catalog, view, event, setColumns)) {
      throw SqlException.error("cannot modify " + view.name() + " because it is a view");
    }
    return view;
  }

  /** The target of UPDATE or DELETE, with its INDEXED BY checked. */
  static TableSchema target(Catalog catalog, TableRef ref) {
    TableSchema table = target(catalog, ref.name());
    if (ref.indexedBy() != null) {
      IndexSchema index = catalog.index(ref.indexedBy());
      if (index == null || !index.table().equalsIgnoreCase(table.name())) {
        throw SqlException.error("no such index: " + ref.indexedBy());
      }
    }
    return table;
  }

  /** The scope of the row being written: the table's columns, then the rowid. */
  static Scope rowScope(TableSchema table, String alias) {
    return rowScope(table, alias, null);
  }

  /** The scope of the row being written inside {@code outer} (a trigger row scope, or null). */
  static Scope rowScope(TableSchema table, String alias, Scope outer) {
    return new Scope(
        List.of(Scope.tableSource(table, alias != null ? alias : table.name(), 0, Set.of())),
        outer);
  }

  /**
   * The rows an UPDATE or DELETE visits: the table read the cheapest way its WHERE allows, with
   * the WHERE kept as a filter.
   */
  static PlanNode.Filter whereSource(
      Catalog catalog, TableSchema table, Scope scope, ExprBinder binder,
      dev.pagoda.parser.ast.Expr where) {
    List<BoundExpr> terms = new ArrayList<>();
    for (dev.pagoda.parser.ast.Expr term : QueryBinder.conjuncts(where)) {
      QueryBinder.addBoundConjuncts(binder.bind(term), terms);
    }
    PlanNode node = JoinPlanner.access(new PlanNode.TableScan(table), scope.sources().get(0),
        terms, JoinPlanner::readsNoColumn, catalog);
    return new PlanNode.Filter(node, QueryBinder.and(terms));
  }

  /** The table's CHECK constraints bound over its row. */
  static List<Plan.Check> checks(TableSchema table) {
    List<Plan.Check> checks = new ArrayList<>();
    ExprBinder binder = new ExprBinder(rowScope(table, null));
    for (TableConstraints.Check c : table.constraints().checks()) {
      checks.add(new Plan.Check(c.name(), binder.bind(c.expr())));
    }
    return checks;
  }

  /** Each column's DEFAULT expression, constant NULL for a column without one. */
  static List<BoundExpr> defaults(TableSchema table) {
    ExprBinder binder = new ExprBinder(Scope.EMPTY);
    List<BoundExpr> defaults = new ArrayList<>();
    for (ColumnSchema c : table.columns()) {
      defaults.add(c.defaultValue() == null
          ? new BoundExpr.Constant(Value.NULL)
          : binder.bind(c.defaultValue()));
    }
    return defaults;
  }

  /**
   * SQLite's checks of a new table's DEFAULT and CHECK expressions: a DEFAULT may not read a
   * column, a CHECK only the table's own columns. Expressions Pagoda cannot bind yet for other
   * reasons are left for the writes to report.
   */
  static void validate(TableSchema table) {
    for (ColumnSchema c : table.columns()) {
      if (c.defaultValue() != null && readsColumn(c.defaultValue())) {
        throw SqlException.error("default value of column [" + c.name() + "] is not constant");
      }
    }
    ExprBinder binder = new ExprBinder(rowScope(table, null));
    for (TableConstraints.Check c : table.constraints().checks()) {
      try {
        binder.bind(c.expr());
      } catch (SqlException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("no such column")) {
          throw e;
        }
      }
    }
  }

  private static boolean readsColumn(dev.pagoda.parser.ast.Expr e) {
    try {
      new ExprBinder(Scope.EMPTY).bind(e);
      return false;
    } catch (SqlException ex) {
      return ex.getMessage() != null && ex.getMessage().startsWith("no such column");
    }
  }

  /** Refuses what SQLite built without SQLITE_ENABLE_UPDATE_DELETE_LIMIT does not parse. */
  static void rejectOrderByLimit(boolean orderBy, boolean limit) {
    if (orderBy) {
      throw SqlException.error("near \"ORDER\": syntax error");
    }
    if (limit) {
      throw SqlException.error("near \"LIMIT\": syntax error");
    }
  }
}
