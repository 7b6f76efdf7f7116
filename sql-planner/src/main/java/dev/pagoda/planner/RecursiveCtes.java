package dev.pagoda.planner;

import dev.pagoda.parser.ast.CompoundOperator;
import dev.pagoda.parser.ast.CommonTableExpr;
import dev.pagoda.parser.ast.CompoundTerm;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FromItem;
import dev.pagoda.parser.ast.Join;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.planner.plan.PlanNodes;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the body of a common table expression. As in SQLite, a CTE is recursive when a SELECT of
 * its compound body names it in its FROM clause (the RECURSIVE keyword is optional): the SELECTs
 * before the first such one are the initial part, the rest the recursive part, joined to it by
 * UNION or UNION ALL; the body's ORDER BY orders the queue and its LIMIT and OFFSET bound the
 * rows. A reference anywhere else (the initial part, a subquery) is a "circular reference".
 */
final class RecursiveCtes {
  private RecursiveCtes() {}

  static QueryBinder.Bound bind(
      QueryBinder body, CommonTableExpr cte, QueryBinder.Recursion recursion, Scope outer) {
    Select s = cte.select();
    List<Select> cores = new ArrayList<>();
    cores.add(QueryBinder.firstCore(s));
    for (CompoundTerm term : s.compounds()) {
      cores.add(term.select());
    }
    int firstRecursive = -1;
    for (int i = 0; i < cores.size() && firstRecursive < 0; i++) {
      if (!cores.get(i).isValues() && names(cores.get(i).from(), cte.name())) {
        firstRecursive = i;
      }
    }
    if (firstRecursive < 0) {
      return body.bind(s, outer);
    }
    if (s.with() != null) {
      body = body.with(s.with());
    }
    if (firstRecursive == 0) {
      throw SqlException.error("circular reference: " + cte.name());
    }
    for (int i = firstRecursive; i < cores.size(); i++) {
      CompoundOperator op = s.compounds().get(i - 1).op();
      if (op != CompoundOperator.UNION && op != CompoundOperator.UNION_ALL) {
        throw SqlException.error("circular reference: " + cte.name());
      }
    }
    boolean distinct = s.compounds().get(firstRecursive - 1).op() == CompoundOperator.UNION;
    Select initialSelect = new Select(s.distinct(), s.columns(), s.from(), s.where(),
        s.groupBy(), s.having(), s.windows(), List.of(), null, null, s.values(),
        s.compounds().subList(0, firstRecursive - 1), null);
    QueryBinder.Bound initial = body.bind(initialSelect, outer);
    List<String> names = initial.names();
    if (!cte.columns().isEmpty()) {
      if (cte.columns().size() != names.size()) {
        throw SqlException.error("table " + cte.name() + " has " + names.size()
            + " values for " + cte.columns().size() + " columns");
      }
      names = cte.columns();
    }
    recursion.names = names;
    recursion.affinities = initial.affinities();
    boolean correlated = initial.correlated();
    List<PlanNode> recursive = new ArrayList<>();
    for (int i = firstRecursive; i < cores.size(); i++) {
      recursion.active = true;
      recursion.references = 0;
      QueryBinder.Bound part;
      try {
        part = body.core(cores.get(i), outer);
      } finally {
        recursion.active = false;
      }
      if (part.root().width() != initial.root().width()) {
        throw SqlException.error("SELECTs to the left and right of "
            + s.compounds().get(i - 1).op().sql()
            + " do not have the same number of result columns");
      }
      if (contains(part.root(), PlanNode.Window.class)) {
        throw SqlException.error("cannot use window functions in recursive queries");
      }
      if (contains(part.root(), PlanNode.Aggregate.class)) {
        throw SqlException.error("recursive aggregate queries not supported");
      }
      correlated |= part.correlated();
      recursive.add(part.root());
    }
    List<PlanNode.SortKey> order = List.of();
    if (!s.orderBy().isEmpty()) {
      List<Expr> firstExprs = new ArrayList<>();
      for (ResultColumn c : s.columns()) {
        firstExprs.add(c instanceof ResultColumn.ExprColumn e ? e.expr() : null);
      }
      order = OrderBy.compoundKeys(
          s.orderBy(), initial.names(), List.of(firstExprs), initial.collations());
    }
    BoundExpr limit = null;
    BoundExpr offset = null;
    if (s.limit() != null) {
      ExprBinder binder = new ExprBinder(new Scope(List.of(), outer), body);
      limit = binder.bind(s.limit());
      offset = s.offset() == null ? null : binder.bind(s.offset());
    }
    PlanNode node = new PlanNode.RecursiveCte(
        recursion.id, initial.root(), recursive, distinct, order, limit, offset);
    return new QueryBinder.Bound(node, initial.names(), initial.affinities(), correlated);
  }

  /** Whether a FROM clause names {@code name} as a table, outside its subqueries. */
  private static boolean names(FromItem from, String name) {
    if (from instanceof TableRef t) {
      return t.name().schema() == null && t.name().name().equalsIgnoreCase(name);
    } else if (from instanceof Join j) {
      return names(j.left(), name) || names(j.right(), name);
    }
    return false;
  }

  /** Whether the plan has a node of {@code kind}, outside the subqueries it materializes. */
  private static boolean contains(PlanNode node, Class<? extends PlanNode> kind) {
    if (kind.isInstance(node)) {
      return true;
    }
    if (node instanceof PlanNode.Materialize) {
      return false;
    }
    for (PlanNode input : PlanNodes.inputs(node)) {
      if (contains(input, kind)) {
        return true;
      }
    }
    return false;
  }
}
