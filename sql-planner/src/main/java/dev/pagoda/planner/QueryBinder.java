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
  record Bound(PlanNode root, List<String> names, List<Affinity> affinities,
      List<String> collations, boolean correlated) {
    Bound {
      names = List.copyOf(names);
      affinities = java.util.Collections.unmodifiableList(new ArrayList<>(affinities));
      collations = java.util.Collections.unmodifiableList(new ArrayList<>(collations));
    }

    /** A query whose result columns have no collation. */
    Bound(PlanNode root, List<String> names, List<Affinity> affinities, boolean correlated) {
      this(root, names, affinities, java.util.Collections.nCopies(names.size(), null),
          correlated);
    }
  }

  /**
   * The common table expressions in scope, innermost first. An entry with a {@code recursion} is
   * the self-reference of a recursive CTE while its body is bound; {@code cached} is the bound
   * body of an uncorrelated CTE, shared by all its references.
   */
  private static final class Ctes {
    final CommonTableExpr cte;
    final Ctes previous;
    final Recursion recursion;
    Bound cached;

    Ctes(CommonTableExpr cte, Ctes previous, Recursion recursion) {
      this.cte = cte;
      this.previous = previous;
      this.recursion = recursion;
    }
  }

  /** The self-reference of a recursive CTE being bound. */
  static final class Recursion {
    final int id = NEXT_ID.incrementAndGet();
    final String name;
    List<String> names;
    List<Affinity> affinities;
    /** Whether a reference is allowed now: in the FROM clause of a recursive SELECT. */
    boolean active;
    int references;

    Recursion(String name) {
      this.name = name;
    }
  }

  private static final java.util.concurrent.atomic.AtomicInteger NEXT_ID =
      new java.util.concurrent.atomic.AtomicInteger();

  private final Catalog catalog;
  private final Ctes ctes;
  /** Whether this binds a subquery of a recursive CTE's body (no self-reference allowed). */
  private final boolean nested;

  QueryBinder(Catalog catalog) {
    this(catalog, null, false);
  }

  private QueryBinder(Catalog catalog, Ctes ctes, boolean nested) {
    this.catalog = catalog;
    this.ctes = ctes;
    this.nested = nested;
  }

  Catalog catalog() {
    return catalog;
  }

  /** The CTE named {@code name} in scope, or null. */
  CommonTableExpr cte(String name) {
    Ctes c = entry(name);
    return c == null || c.recursion != null ? null : c.cte;
  }

  private Ctes entry(String name) {
    for (Ctes c = ctes; c != null; c = c.previous) {
      if (c.cte.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The source a FROM clause reads for {@code name} when it is the self-reference of a recursive
   * CTE being bound, or null when it is not one.
   *
   * @throws SqlException where SQLite does not allow the reference
   */
  Bound recursiveReference(String name) {
    Ctes c = entry(name);
    if (c == null || c.recursion == null) {
      return null;
    }
    Recursion r = c.recursion;
    if (nested || !r.active) {
      throw SqlException.error("circular reference: " + r.name);
    }
    if (++r.references > 1) {
      throw SqlException.error("multiple references to recursive table: " + r.name);
    }
    return new Bound(new PlanNode.RecursiveRef(r.id, r.names.size()), r.names, r.affinities,
        true);
  }

  /** The binder of subqueries: while a recursive CTE is bound, one that refuses its name. */
  QueryBinder nested() {
    if (nested) {
      return this;
    }
    for (Ctes c = ctes; c != null; c = c.previous) {
      if (c.recursion != null) {
        return new QueryBinder(catalog, ctes, true);
      }
    }
    return this;
  }

  /** Binds the body of the CTE in scope here as {@code cte}, for a reference from a query in {@code outer}. */
  Bound bindCte(CommonTableExpr cte, Scope outer) {
    Ctes entry = entry(cte.name());
    if (entry == null || entry.recursion != null) {
      throw new IllegalArgumentException("not in scope: " + cte.name());
    }
    if (entry.cached != null) {
      return entry.cached;
    }
    Recursion recursion = new Recursion(cte.name());
    QueryBinder body = new QueryBinder(catalog, new Ctes(cte, entry.previous, recursion), false);
    Bound bound = RecursiveCtes.bind(body, cte, recursion, outer);
    if (!bound.correlated()) {
      PlanNode root = bound.root() instanceof PlanNode.Materialize
          ? bound.root() : new PlanNode.Materialize(bound.root(), cte.name(), true);
      bound = new Bound(root, bound.names(), bound.affinities(), false);
      entry.cached = bound;
    }
    return bound;
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

  /** Binds a subquery whose outer query has scope {@code outer}. */
  Bound bindSubquery(Select s, Scope outer) {
    return nested().bind(s, outer);
  }

  /** Binds a whole query; {@code outer} is the scope of the query around it, or null. */
  Bound bind(Select s, Scope outer) {
    QueryBinder binder = s.with() == null ? this : with(s.with());
    return s.compounds().isEmpty() ? binder.bindSimple(s, outer) : binder.bindCompound(s, outer);
  }

  /**
   * The binder that also sees the CTEs of {@code with} (a query's, or an INSERT's, UPDATE's or
   * DELETE's); itself when {@code with} is null.
   */
  QueryBinder with(dev.pagoda.parser.ast.WithClause with) {
    QueryBinder binder = this;
    if (with != null) {
      Ctes c = ctes;
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (CommonTableExpr cte : with.tables()) {
        if (!seen.add(cte.name().toLowerCase(java.util.Locale.ROOT))) {
          throw SqlException.error("duplicate WITH table name: " + cte.name());
        }
        c = new Ctes(cte, c, null);
      }
      binder = new QueryBinder(catalog, c, nested);
    }
    return binder;
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
      // As in SQLite, a compound compares each column under the first SELECT's collation.
      node = new PlanNode.Compound(
          PlanNode.SetOperator.valueOf(term.op().name()), node, next.root(), first.collations());
    }
    Bound all = new Bound(node, first.names(), first.affinities(), first.collations(),
        correlated);
    return finish(all, s, outer);
  }

  Bound core(Select core, Scope outer) {
    if (core.isValues()) {
      return values(core.values(), outer);
    }
    return new CoreBinder(this, core, outer).bind();
  }

  static Select firstCore(Select s) {
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
      List<List<Expr>> coreExprs = new ArrayList<>();
      if (!s.isValues()) {
        coreExprs.add(exprs(s));
      }
      for (CompoundTerm term : s.compounds()) {
        if (!term.select().isValues()) {
          coreExprs.add(exprs(term.select()));
        }
      }
      node = new PlanNode.Sort(node, OrderBy.compoundKeys(
          s.orderBy(), bound.names(), coreExprs, bound.collations()));
    }
    node = limit(node, s, outer);
    return new Bound(node, bound.names(), bound.affinities(), bound.collations(),
        bound.correlated());
  }

  /** The result-column expressions of a core (null for a star). */
  private static List<Expr> exprs(Select core) {
    List<Expr> out = new ArrayList<>();
    for (ResultColumn c : core.columns()) {
      out.add(c instanceof ResultColumn.ExprColumn e ? e.expr() : null);
    }
    return out;
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
