package dev.pagoda.planner;

import dev.pagoda.parser.ast.Delete;
import dev.pagoda.parser.ast.TriggerEvent;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import java.util.Set;

/** Binds DELETE FROM t [WHERE expr]: a scan of the table, filtered, and the table's indexes. */
final class DeleteBinder {
  private DeleteBinder() {}

  static Plan bind(Delete d, Catalog catalog) {
    return bind(d, catalog, TriggerPlanner.Context.TOP);
  }

  /** Binds {@code d} where {@code context} says: at the top level or in a trigger program. */
  static Plan bind(Delete d, Catalog catalog, TriggerPlanner.Context context) {
    QueryBinder queries = new QueryBinder(catalog).with(d.with());
    DmlSupport.rejectOrderByLimit(!d.orderBy().isEmpty(), d.limit() != null);
    ViewSchema view = DmlSupport.viewTarget(catalog, d.target().name(), TriggerEvent.DELETE,
        Set.of());
    ReturningBinder.check(d.returning(), context, view != null);
    if (view != null) {
      return ViewWrites.delete(d, view, catalog, context);
    }
    TableSchema table = DmlSupport.target(catalog, d.target());
    PlanNode source = new PlanNode.TableScan(table);
    if (d.where() != null) {
      Scope scope = DmlSupport.rowScope(table, d.target().alias(), context.outer());
      ExprBinder binder = new ExprBinder(scope, queries);
      source = DmlSupport.whereSource(catalog, table, scope, binder, d.where());
    }
    Plan plan = new Plan.Delete(table, source, catalog.indexes(table.name()),
        TriggerPlanner.forTable(catalog, table, TriggerEvent.DELETE, Set.of(),
            context.override(), context));
    return ReturningBinder.wrap(plan, d.returning(), table, queries);
  }
}
