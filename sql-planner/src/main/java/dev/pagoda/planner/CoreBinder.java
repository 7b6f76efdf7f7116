package dev.pagoda.planner;

import dev.pagoda.parser.SqlPrinter;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds one SELECT core with its own ORDER BY and LIMIT: FROM and WHERE, the result columns,
 * aggregation (GROUP BY, HAVING), DISTINCT, sorting and the limit, in SQLite's order of
 * evaluation.
 */
final class CoreBinder {
  private final QueryBinder queries;
  private final Select s;
  private final Scope outer;
  private final List<BoundExpr> outputs = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<String> aliases = new ArrayList<>();
  private final List<Expr> outputAsts = new ArrayList<>();
  private final List<BoundExpr> hidden = new ArrayList<>();

  CoreBinder(QueryBinder queries, Select s, Scope outer) {
    this.queries = queries;
    this.s = s;
    this.outer = outer;
  }

  QueryBinder.Bound bind() {
    FromBinder from = s.from() == null ? null : new FromBinder(queries, outer).bind(s.from());
    Scope scope = from == null ? new Scope(List.of(), outer) : from.scope();
    ExprBinder plain = new ExprBinder(scope, queries).withAliases(this::aliasExpr);
    List<BoundExpr> where = new ArrayList<>();
    for (Expr term : QueryBinder.conjuncts(s.where())) {
      QueryBinder.addBoundConjuncts(plain.bind(term), where);
    }
    AggregateBinder agg = new AggregateBinder(scope, queries);
    WindowBinder windows = new WindowBinder(s.windows(), queries);
    agg.windows(windows);
    for (ResultColumn column : s.columns()) {
      expand(column, scope, agg);
    }
    agg.withAliases(this::aliasExpr);
    // SQLite checks the ORDER BY ordinals before the GROUP BY ones.
    for (int t = 0; t < s.orderBy().size(); t++) {
      OrderBy.ordinal(OrderBy.stripCollate(s.orderBy().get(t).expr()), t, "ORDER BY",
          outputs.size());
    }
    List<BoundExpr> groupKeys = groupKeys(plain);
    agg.windows(null);
    BoundExpr having = s.having() == null ? null : agg.bind(s.having());
    agg.windows(windows);
    List<PlanNode.SortKey> sortKeys = sortKeys(agg);
    boolean aggregate = !agg.calls().isEmpty() || !s.groupBy().isEmpty();
    if (having != null && s.groupBy().isEmpty()) {
      throw SqlException.error("a GROUP BY clause is required before HAVING");
    }
    PlanNode node = from == null ? new PlanNode.SingleRow() : from.plan(where);
    if (from == null && !where.isEmpty()) {
      node = new PlanNode.Filter(node, QueryBinder.and(where));
    }
    if (aggregate) {
      List<String> keyCollations = new ArrayList<>();
      for (BoundExpr k : groupKeys) {
        keyCollations.add(QueryBinder.collationOf(k));
      }
      node = new PlanNode.Aggregate(node, groupKeys, keyCollations, agg.calls());
      if (having != null) {
        node = new PlanNode.Filter(node, having);
      }
    }
    if (windows.any()) {
      // Window functions see the rows after grouping and HAVING, as in SQLite.
      node = windows.plan(node);
      outputs.replaceAll(windows::remap);
      hidden.replaceAll(windows::remap);
    }
    List<BoundExpr> projected = new ArrayList<>(outputs);
    projected.addAll(hidden);
    node = new PlanNode.Project(node, projected);
    if (s.distinct()) {
      List<String> collations = new ArrayList<>();
      for (BoundExpr o : outputs) {
        collations.add(QueryBinder.collationOf(o));
      }
      node = new PlanNode.Distinct(node, outputs.size(), collations);
    }
    if (!sortKeys.isEmpty()) {
      node = new PlanNode.Sort(node, sortKeys);
    }
    node = queries.limit(node, s, outer);
    if (!hidden.isEmpty()) {
      List<BoundExpr> visible = new ArrayList<>();
      for (int i = 0; i < outputs.size(); i++) {
        visible.add(new BoundExpr.Column(i, outputs.get(i).affinity(), names.get(i)));
      }
      node = new PlanNode.Project(node, visible);
    }
    List<Affinity> affinities = new ArrayList<>();
    for (BoundExpr o : outputs) {
      affinities.add(o.affinity());
    }
    List<String> collations = new ArrayList<>();
    for (BoundExpr o : outputs) {
      collations.add(QueryBinder.collationOf(o));
    }
    return new QueryBinder.Bound(node, names, affinities, collations, scope.reachesOut());
  }

  /** The expression of the result column aliased {@code name}, or null. */
  private Expr aliasExpr(String name) {
    for (ResultColumn c : s.columns()) {
      if (c instanceof ResultColumn.ExprColumn e && e.alias() != null
          && e.alias().equalsIgnoreCase(name)) {
        return e.expr();
      }
    }
    return null;
  }

  private List<BoundExpr> groupKeys(ExprBinder plain) {
    List<BoundExpr> keys = new ArrayList<>();
    for (int t = 0; t < s.groupBy().size(); t++) {
      Expr term = s.groupBy().get(t);
      int column = OrderBy.ordinal(OrderBy.stripCollate(term), t, "GROUP BY", outputs.size());
      Expr e = term;
      if (column >= 0) {
        e = outputAsts.get(column);
      } else if (term instanceof ColumnRef c && c.table() == null
          && OrderBy.alias(term, aliases) >= 0 && !resolves(plain, c)) {
        e = outputAsts.get(OrderBy.alias(term, aliases));
      }
      if (e == null) {
        throw SqlException.error("not supported yet: GROUP BY a * column");
      }
      try {
        keys.add(plain.bind(e));
      } catch (SqlException misuse) {
        if (misuse.getMessage().startsWith("misuse of aggregate")) {
          throw SqlException.error("aggregate functions are not allowed in the GROUP BY clause");
        }
        throw misuse;
      }
    }
    return keys;
  }

  private static boolean resolves(ExprBinder binder, ColumnRef c) {
    try {
      binder.scope().resolve(null, c.column());
      return true;
    } catch (SqlException e) {
      return false;
    }
  }

  private List<PlanNode.SortKey> sortKeys(AggregateBinder agg) {
    List<PlanNode.SortKey> keys = new ArrayList<>();
    for (int t = 0; t < s.orderBy().size(); t++) {
      OrderingTerm term = s.orderBy().get(t);
      Expr e = OrderBy.stripCollate(term.expr());
      String collation = OrderBy.collation(term.expr());
      int column = OrderBy.ordinal(e, t, "ORDER BY", outputs.size());
      if (column < 0) {
        column = OrderBy.alias(e, aliases);
      }
      if (column < 0) {
        BoundExpr bound = agg.bind(e);
        column = outputs.indexOf(bound);
        if (column < 0) {
          column = outputs.size() + hidden.size();
          hidden.add(bound);
        }
        if (collation == null) {
          collation = QueryBinder.collationOf(bound);
        }
      } else if (collation == null) {
        collation = QueryBinder.collationOf(outputs.get(column));
      }
      keys.add(OrderBy.key(term, column, collation));
    }
    return keys;
  }

  private void expand(ResultColumn column, Scope scope, ExprBinder binder) {
    if (column instanceof ResultColumn.ExprColumn e) {
      BoundExpr bound = binder.bind(e.expr());
      add(bound, columnName(e, bound), e.alias(), e.expr());
    } else if (column instanceof ResultColumn.TableStar ts) {
      Scope.Source source = scope.source(ts.table());
      if (source == null) {
        throw SqlException.error("no such table: " + ts.table());
      }
      addAll(source, false, scope);
    } else {
      if (scope.sources().isEmpty()) {
        throw SqlException.error("no tables specified");
      }
      for (Scope.Source source : scope.sources()) {
        addAll(source, true, scope);
      }
    }
  }

  private void addAll(Scope.Source source, boolean skipMerged, Scope scope) {
    for (int i = 0; i < source.visibleColumns(); i++) {
      String name = source.columns().get(i);
      if (skipMerged && source.merged().contains(name.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      BoundExpr bound = skipMerged ? scope.usingValue(source.offset() + i) : null;
      if (bound == null) {
        bound = new BoundExpr.Column(
            source.offset() + i, source.affinityAt(i), name, source.collationAt(i));
      }
      add(bound, name, null, new ColumnRef(null, source.alias(), name, false));
    }
  }

  private void add(BoundExpr bound, String name, String alias, Expr ast) {
    outputs.add(bound);
    names.add(name);
    aliases.add(alias);
    outputAsts.add(ast);
  }

  /**
   * The name {@code sqlite3_column_name} gives: the alias; else, for a plain column reference,
   * the column's declared name; else the expression's text as written.
   */
  private static String columnName(ResultColumn.ExprColumn e, BoundExpr bound) {
    if (e.alias() != null) {
      return e.alias();
    }
    if (e.expr() instanceof ColumnRef ref && !Scope.isRowidName(ref.column())) {
      if (bound instanceof BoundExpr.Column c) {
        return c.name();
      }
      if (bound instanceof BoundExpr.Outer o) {
        return o.name();
      }
    }
    return e.span() != null ? e.span() : SqlPrinter.print(e.expr());
  }
}
