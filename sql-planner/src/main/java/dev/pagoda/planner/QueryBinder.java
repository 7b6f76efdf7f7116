package dev.pagoda.planner;

import dev.pagoda.parser.ast.Binary;
import dev.pagoda.parser.ast.CommonTableExpr;
import dev.pagoda.parser.ast.CompoundTerm;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.planner.plan.BinaryOp;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds queries: a SELECT with its WITH clause, compound operators, ORDER BY and LIMIT, and the
 * subqueries inside it. One binder per set of visible common table expressions.
 */
final class QueryBinder {
  /**
   * A bound query: its plan, result column names and affinities, and whether it reads columns of
   * an enclosing query.
   */
  record Bound(PlanNode root, List<String> names, List<Affinity> affinities, boolean correlated) {
    Bound {
      names = List.copyOf(names);
      affinities = java.util.Collections.unmodifiableList(new ArrayList<>(affinities));
    }
  }

  /** The common table expressions in scope, innermost first. */
  private record Ctes(CommonTableExpr cte, Ctes previous) {}

  private final Catalog catalog;
  private final Ctes ctes;

  QueryBinder(Catalog catalog) {
    this(catalog, null);
  }

  private QueryBinder(Catalog catalog, Ctes ctes) {
    this.catalog = catalog;
    this.ctes = ctes;
  }

  Catalog catalog() {
    return catalog;
  }

  /** The CTE named {@code name} in scope, or null. */
  CommonTableExpr cte(String name) {
    for (Ctes c = ctes; c != null; c = c.previous()) {
      if (c.cte().name().equalsIgnoreCase(name)) {
        return c.cte();
      }
    }
    return null;
  }

  /** The binder of {@code cte}'s body: it sees the CTEs defined before it. */
  QueryBinder cteBodyBinder(CommonTableExpr cte) {
    for (Ctes c = ctes; c != null; c = c.previous()) {
      if (c.cte().equals(cte)) {
        return new QueryBinder(catalog, c.previous());
      }
    }
    throw new IllegalArgumentException("not in scope: " + cte.name());
  }

  /** The SELECT of the view {@code name}, or null when there is no such view. */
  Select view(String name) {
    ViewSchema view = catalog.view(name);
    return view == null ? null : view.select();
  }

  /** The column names a view declares, or an empty list. */
  List<String> viewColumns(String name) {
    ViewSchema view = catalog.view(name);
    return view == null || view.columns() == null ? List.of() : view.columns();
  }

  /**
   * This binder with the CTEs of an INSERT's, UPDATE's or DELETE's WITH clause in scope (itself
   * when {@code with} is null).
   */
  QueryBinder with(dev.pagoda.parser.ast.WithClause with) {
    if (with == null) {
      return this;
    }
    if (with.recursive()) {
      throw SqlException.error("not supported yet: WITH RECURSIVE");
    }
    Ctes c = ctes;
    for (CommonTableExpr cte : with.tables()) {
      c = new Ctes(cte, c);
    }
    return new QueryBinder(catalog, c);
  }

  /** Binds a subquery whose outer query has scope {@code outer}. */
  Bound bindSubquery(Select s, Scope outer) {
    return bind(s, outer);
  }

  /** Binds a whole query; {@code outer} is the scope of the query around it, or null. */
  Bound bind(Select s, Scope outer) {
    QueryBinder binder = this;
    if (s.with() != null) {
      if (s.with().recursive()) {
        throw SqlException.error("not supported yet: WITH RECURSIVE");
      }
      Ctes c = ctes;
      for (CommonTableExpr cte : s.with().tables()) {
        c = new Ctes(cte, c);
      }
      binder = new QueryBinder(catalog, c);
    }
    return s.compounds().isEmpty() ? binder.bindSimple(s, outer) : binder.bindCompound(s, outer);
  }

  private Bound bindSimple(Select s, Scope outer) {
    if (s.isValues()) {
      return finish(values(s.values(), outer), s, outer);
    }
    return new CoreBinder(this, s, outer).bind();
  }

  private Bound bindCompound(Select s, Scope outer) {
    Bound first = core(firstCore(s), outer);
    PlanNode node = first.root();
    boolean correlated = first.correlated();
    for (CompoundTerm term : s.compounds()) {
      Bound next = core(term.select(), outer);
      if (next.root().width() != node.width()) {
        throw SqlException.error(
            "SELECTs to the left and right of " + term.op().sql()
                + " do not have the same number of result columns");
      }
      correlated |= next.correlated();
      List<String> collations = new ArrayList<>();
      for (int i = 0; i < node.width(); i++) {
        collations.add(null);
      }
      node = new PlanNode.Compound(
          PlanNode.SetOperator.valueOf(term.op().name()), node, next.root(), collations);
    }
    Bound all = new Bound(node, first.names(), first.affinities(), correlated);
    return finish(all, s, outer);
  }

  private Bound core(Select core, Scope outer) {
    if (core.isValues()) {
      return values(core.values(), outer);
    }
    return new CoreBinder(this, core, outer).bind();
  }

  private static Select firstCore(Select s) {
    if (s.isValues()) {
      return Select.ofValues(s.values());
    }
    return new Select(s.distinct(), s.columns(), s.from(), s.where(), s.groupBy(), s.having(),
        s.windows(), List.of(), null, null, List.of(), List.of(), null);
  }

  /**
   * Applies a compound's or a VALUES list's ORDER BY and LIMIT, whose terms name result columns
   * (by position, name, or the same expression as the first SELECT's).
   */
  private Bound finish(Bound bound, Select s, Scope outer) {
    PlanNode node = bound.root();
    if (!s.orderBy().isEmpty()) {
      List<Expr> firstExprs = new ArrayList<>();
      if (!s.isValues()) {
        for (ResultColumn c : s.columns()) {
          firstExprs.add(c instanceof ResultColumn.ExprColumn e ? e.expr() : null);
        }
      }
      node = new PlanNode.Sort(
          node, OrderBy.compoundKeys(s.orderBy(), bound.names(), firstExprs));
    }
    node = limit(node, s, outer);
    return new Bound(node, bound.names(), bound.affinities(), bound.correlated());
  }

  /** Wraps {@code node} in {@code s}'s LIMIT and OFFSET, if it has them. */
  PlanNode limit(PlanNode node, Select s, Scope outer) {
    if (s.limit() == null) {
      return node;
    }
    ExprBinder binder = new ExprBinder(new Scope(List.of(), outer), this);
    BoundExpr limit = binder.bind(s.limit());
    BoundExpr offset = s.offset() == null ? null : binder.bind(s.offset());
    return new PlanNode.Limit(node, limit, offset);
  }

  private Bound values(List<List<Expr>> rows, Scope outer) {
    Scope scope = new Scope(List.of(), outer);
    ExprBinder binder = new ExprBinder(scope, this);
    List<List<BoundExpr>> bound = new ArrayList<>();
    int width = rows.get(0).size();
    for (List<Expr> row : rows) {
      if (row.size() != width) {
        throw SqlException.error("all VALUES must have the same number of terms");
      }
      List<BoundExpr> values = new ArrayList<>();
      for (Expr e : row) {
        values.add(binder.bind(e));
      }
      bound.add(values);
    }
    List<String> names = new ArrayList<>();
    List<Affinity> affinities = new ArrayList<>();
    for (int i = 1; i <= width; i++) {
      names.add("column" + i);
      affinities.add(null);
    }
    return new Bound(new PlanNode.Values(bound), names, affinities, scope.reachesOut());
  }

  /** The terms of {@code e}'s top-level AND chain. */
  static List<Expr> conjuncts(Expr e) {
    List<Expr> out = new ArrayList<>();
    addConjuncts(e, out);
    return out;
  }

  private static void addConjuncts(Expr e, List<Expr> out) {
    if (e instanceof Binary b && b.op() == dev.pagoda.parser.ast.BinaryOp.AND) {
      addConjuncts(b.left(), out);
      addConjuncts(b.right(), out);
    } else if (e != null) {
      out.add(e);
    }
  }

  /** Adds the terms of {@code e}'s top-level AND chain (after binding: BETWEEN is one). */
  static void addBoundConjuncts(BoundExpr e, List<BoundExpr> out) {
    if (e instanceof BoundExpr.Binary b && b.op() == BinaryOp.AND) {
      addBoundConjuncts(b.left(), out);
      addBoundConjuncts(b.right(), out);
    } else {
      out.add(e);
    }
  }

  /** The AND of {@code terms} (at least one). */
  static BoundExpr and(List<BoundExpr> terms) {
    BoundExpr all = terms.get(0);
    for (int i = 1; i < terms.size(); i++) {
      all = new BoundExpr.Binary(BinaryOp.AND, all, terms.get(i), null);
    }
    return all;
  }

  /** The collation an expression compares with (null: BINARY). */
  static String collationOf(BoundExpr e) {
    return dev.pagoda.planner.plan.CompareRules.of(e);
  }
}
