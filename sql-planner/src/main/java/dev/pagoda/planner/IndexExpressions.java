package dev.pagoda.planner;

import dev.pagoda.parser.ast.Expr;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.BoundExprs;
import dev.pagoda.spi.SqlException;

/**
 * The expressions of an index: indexed expressions and a partial index's WHERE, bound over the
 * table's row. SQLite allows only deterministic expressions of the table's own columns there: no
 * subqueries, no parameters.
 */
final class IndexExpressions {
  private IndexExpressions() {}

  static BoundExpr bind(Expr e, Scope scope) {
    BoundExpr bound = new ExprBinder(scope).bind(e);
    check(bound);
    return bound;
  }

  private static void check(BoundExpr e) {
    if (e instanceof BoundExpr.Parameter) {
      throw SqlException.error("parameters prohibited in index expressions");
    }
    if (e instanceof BoundExpr.Function f
        && (f.name().equals("random") || f.name().equals("randomblob")
            || f.name().startsWith("current_") || f.name().equals("changes")
            || f.name().equals("last_insert_rowid") || f.name().equals("total_changes"))) {
      throw SqlException.error("non-deterministic functions prohibited in index expressions");
    }
    if (!BoundExprs.isKnown(e) || e instanceof BoundExpr.Subquery) {
      throw SqlException.error("subqueries prohibited in index expressions");
    }
    for (BoundExpr child : BoundExprs.children(e)) {
      if (child != null) {
        check(child);
      }
    }
  }
}
