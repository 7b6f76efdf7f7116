package dev.pagoda.planner;

import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FromItem;
import dev.pagoda.parser.ast.Join;
import dev.pagoda.parser.ast.JoinKind;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.parser.ast.Update;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * The FROM clause of {@code UPDATE t SET ... FROM ... WHERE ...} (SQLite 3.33+), planned as the
 * SELECT join {@code FROM t, (from-clause) WHERE ...}: the target is the first source, so the
 * joined row starts with the target's columns and rowid (the layout the SET expressions and the
 * executor expect), and the FROM clause follows as one parenthesized item, so that its ON
 * clauses cannot see the target, as in SQLite. The executor updates each target row once, with
 * the first joined row that matches it.
 */
final class UpdateFrom {
  private final FromBinder from;

  private UpdateFrom(FromBinder from) {
    this.from = from;
  }

  /** Binds the join of {@code u}'s target {@code table} with its FROM clause. */
  static UpdateFrom bind(Update u, TableSchema table, QueryBinder queries, Scope outer) {
    TableRef target = u.target();
    if (target.alias() == null) {
      rejectTarget(u.from(), target.name().name());
    }
    TableRef first = new TableRef(target.name(), target.alias(), target.indexedBy(),
        target.notIndexed());
    Join join = new Join(JoinKind.COMMA, false, first, u.from(), null, List.of());
    FromBinder binder = new FromBinder(queries, outer).bind(join);
    if (binder.scope().sources().get(0).offset() != 0) {
      throw new IllegalStateException("the target must lead the joined row");
    }
    return new UpdateFrom(binder);
  }

  /** The names the SET and WHERE expressions see: the target's, then the FROM clause's. */
  Scope scope() {
    return from.scope();
  }

  /** The joined rows that satisfy {@code where} (null for none), target row first in each. */
  PlanNode plan(ExprBinder binder, Expr where) {
    List<BoundExpr> terms = new ArrayList<>();
    if (where != null) {
      for (Expr term : QueryBinder.conjuncts(where)) {
        QueryBinder.addBoundConjuncts(binder.bind(term), terms);
      }
    }
    return from.plan(terms);
  }

  /**
   * SQLite's rule: an unaliased target may not be named again, unaliased, in the FROM clause
   * (at any depth of its joins).
   */
  private static void rejectTarget(FromItem item, String name) {
    if (item instanceof Join j) {
      rejectTarget(j.left(), name);
      rejectTarget(j.right(), name);
    } else if (item instanceof TableRef ref && ref.alias() == null
        && ref.name().name().equalsIgnoreCase(name)) {
      throw SqlException.error("target object/alias may not appear in FROM clause: " + name);
    }
  }
}
