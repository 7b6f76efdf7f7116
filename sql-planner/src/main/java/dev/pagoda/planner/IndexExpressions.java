package dev.pagoda.planner;

import dev.pagoda.parser.ast.Expr;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.BoundExprs;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.SqlFunction;

/**
 * The expressions of an index: indexed expressions and a partial index's WHERE, bound over the
 * table's row. SQLite allows only deterministic expressions of the table's own columns there: no
 * subqueries, no parameters.
 */
final class IndexExpressions {
  private IndexExpressions() {}

  /** An indexed expression, bound. */
  static BoundExpr bind(Expr e, Scope scope) {
    return bind(e, scope, "index expressions");
  }

  /** A partial index's WHERE, bound. */
  static BoundExpr bindWhere(Expr e, Scope scope) {
    return bind(e, scope, "partial index WHERE clauses");
  }

  private static BoundExpr bind(Expr e, Scope scope, String where) {
    BoundExpr bound = new ExprBinder(scope).bind(e);
    check(bound, where);
    return bound;
  }

  /** False for a call of a function the standard catalog knows as non-deterministic. */
  private static boolean isDeterministicCall(BoundExpr e) {
    if (!(e instanceof BoundExpr.Function f)) {
      return true;
    }
    SqlFunction fn = FunctionCatalog.standard().find(f.name(), f.args().size());
    return fn == null || fn.isDeterministic();
  }

  /** SQLite's rules for {@code where} ("index expressions" or "partial index WHERE clauses"). */
  private static void check(BoundExpr e, String where) {
    if (e instanceof BoundExpr.Parameter) {
      throw SqlException.error("parameters prohibited in " + where);
    }
    if (!isDeterministicCall(e)) {
      throw SqlException.error("non-deterministic functions prohibited in " + where);
    }
    if (!BoundExprs.isKnown(e) || e instanceof BoundExpr.Subquery) {
      throw SqlException.error("subqueries prohibited in " + where);
    }
    for (BoundExpr child : BoundExprs.children(e)) {
      if (child != null) {
        check(child, where);
      }
    }
  }
}
