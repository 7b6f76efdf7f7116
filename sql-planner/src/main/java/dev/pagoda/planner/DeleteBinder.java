package dev.pagoda.planner;

import dev.pagoda.parser.ast.Delete;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;

/** Binds DELETE FROM t [WHERE expr]: a scan of the table, filtered, and the table's indexes. */
final class DeleteBinder {
  private DeleteBinder() {}

  static Plan.Delete bind(Delete d, Catalog catalog) {
    QueryBinder queries = new QueryBinder(catalog).with(d.with());
    DmlSupport.rejectOrderByLimit(!d.orderBy().isEmpty(), d.limit() != null);
    if (!d.returning().isEmpty()) {
      throw SqlException.error("not supported yet: RETURNING");
    }
    TableSchema table = DmlSupport.target(catalog, d.target());
    PlanNode source = new PlanNode.TableScan(table);
    if (d.where() != null) {
      Scope scope = DmlSupport.rowScope(table, d.target().alias());
      ExprBinder binder = new ExprBinder(scope, queries);
      source = DmlSupport.whereSource(catalog, table, scope, binder, d.where());
    }
    return new Plan.Delete(table, source, catalog.indexes(table.name()));
  }
}
