package dev.pagoda.planner;

import dev.pagoda.parser.ast.Select;
import dev.pagoda.planner.plan.Plan;

/** Binds a SELECT statement into a query plan (see {@link QueryBinder} for the work). */
final class SelectBinder {
  private SelectBinder() {}

  static Plan.Query bind(Select s, Catalog catalog) {
    QueryBinder.Bound bound = new QueryBinder(catalog).bind(s, null);
    return new Plan.Query(bound.root(), bound.names());
  }
}
