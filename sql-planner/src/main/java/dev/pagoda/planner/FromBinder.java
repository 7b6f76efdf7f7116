package dev.pagoda.planner;

import dev.pagoda.parser.ast.CommonTableExpr;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FromItem;
import dev.pagoda.parser.ast.Join;
import dev.pagoda.parser.ast.JoinKind;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.SubqueryRef;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.planner.plan.BinaryOp;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binds a FROM clause: its tables, views, CTEs and subqueries become the sources of a {@link
 * Scope}; USING and NATURAL become equality terms; the joins become a {@link PlanNode.NestedLoop}
 * whose steps take each WHERE and ON term as early as its columns allow.
 */
final class FromBinder {
  /** One item of the flattened FROM list and how it joins the items before it. */
  private record Item(FromItem item, JoinKind kind, boolean natural, Expr on, List<String> using) {}

  private final QueryBinder queries;
  private final Scope outer;
  private final List<PlanNode> nodes = new ArrayList<>();
  private final List<Scope.Source> sources = new ArrayList<>();
  private final List<Boolean> leftOuter = new ArrayList<>();
  private Scope scope;
  private final List<List<BoundExpr>> onTerms = new ArrayList<>();

  FromBinder(QueryBinder queries, Scope outer) {
    this.queries = queries;
    this.outer = outer;
  }

  /** Binds {@code from}; then {@link #scope()} and {@link #plan} apply. */
  FromBinder bind(FromItem from) {
    List<Item> items = new ArrayList<>();
    flatten(from, items);
    List<List<String>> usings = new ArrayList<>();
    for (Item item : items) {
      if (item.kind() == JoinKind.RIGHT || item.kind() == JoinKind.FULL) {
        throw SqlException.error("not supported yet: " + item.kind() + " JOIN");
      }
      addSource(item.item());
      leftOuter.add(item.kind() == JoinKind.LEFT);
      usings.add(usingColumns(item));
    }
    for (int i = 0; i < sources.size(); i++) {
      markMerged(i, usings.get(i));
    }
    scope = new Scope(sources, outer);
    ExprBinder binder = new ExprBinder(scope, queries);
    for (int i = 0; i < items.size(); i++) {
      List<BoundExpr> terms = new ArrayList<>(usingTerms(i, usings.get(i)));
      if (items.get(i).on() != null) {
        for (Expr term : QueryBinder.conjuncts(items.get(i).on())) {
          QueryBinder.addBoundConjuncts(binder.bind(term), terms);
        }
      }
      onTerms.add(terms);
    }
    return this;
  }

  Scope scope() {
    return scope;
  }

  /** The plan of the FROM clause with {@code where}'s terms applied. */
  PlanNode plan(List<BoundExpr> where) {
    if (nodes.size() == 1) {
      List<BoundExpr> terms = new ArrayList<>(onTerms.get(0));
      terms.addAll(where);
      PlanNode node = JoinPlanner.access(
          nodes.get(0), sources.get(0), terms, e -> JoinPlanner.readsNoColumn(e),
          queries.catalog());
      return terms.isEmpty() ? node : new PlanNode.Filter(node, QueryBinder.and(terms));
    }
    return JoinPlanner.plan(nodes, sources, leftOuter, onTerms, where, queries.catalog());
  }

  private void flatten(FromItem from, List<Item> items) {
    if (from instanceof Join j) {
      flatten(j.left(), items);
      FromItem right = j.right();
      if (right instanceof Join) {
        right = new SubqueryRef(
            Select.of(List.of(new ResultColumn.Star()), right, null), null);
      }
      items.add(new Item(right, j.kind(), j.natural(), j.on(), j.using()));
    } else {
      items.add(new Item(from, JoinKind.INNER, false, null, List.of()));
    }
  }

  private void addSource(FromItem item) {
    int offset = 0;
    for (Scope.Source s : sources) {
      offset += s.width();
    }
    if (item instanceof TableRef ref) {
      addTableRef(ref, offset);
    } else if (item instanceof SubqueryRef sub) {
      addSubquery(sub.select(), sub.alias(), List.of(), offset);
    } else {
      throw SqlException.error("not supported yet: table-valued functions");
    }
  }

  private void addTableRef(TableRef ref, int offset) {
    if (ref.name().schema() == null) {
      CommonTableExpr cte = queries.cte(ref.name().name());
      if (cte != null) {
        String alias = ref.alias() != null ? ref.alias() : cte.name();
        addCte(queries.cteBodyBinder(cte), cte, alias, offset);
        return;
      }
      Select view = queries.view(ref.name().name());
      if (view != null) {
        String alias = ref.alias() != null ? ref.alias() : ref.name().name();
        // A view's body sees neither this query's CTEs nor its outer queries.
        addBound(new QueryBinder(queries.catalog()).bind(view, null), alias,
            queries.viewColumns(ref.name().name()), offset, alias);
        return;
      }
    }
    TableSchema table = Planner.lookupTable(queries.catalog(), ref.name());
    if (ref.indexedBy() != null
        && queries.catalog().indexes(table.name()).stream()
            .noneMatch(i -> i.name().equalsIgnoreCase(ref.indexedBy()))) {
      throw SqlException.error("no such index: " + ref.indexedBy());
    }
    String alias = ref.alias() != null ? ref.alias() : table.name();
    sources.add(Scope.tableSource(table, alias, offset, Set.of()));
    nodes.add(new PlanNode.TableScan(table));
  }

  /** Adds the CTE {@code cte} as a source, its body bound by {@code binder}. */
  private void addCte(QueryBinder binder, CommonTableExpr cte, String alias, int offset) {
    addBound(binder.bind(cte.select(), outer), alias, cte.columns(), offset, cte.name());
  }

  private void addSubquery(Select select, String alias, List<String> columns, int offset) {
    addBound(queries.bind(select, outer), alias, columns, offset, alias);
  }

  private void addBound(
      QueryBinder.Bound bound, String alias, List<String> columns, int offset, String what) {
    List<String> names = bound.names();
    if (!columns.isEmpty()) {
      if (columns.size() != names.size()) {
        throw SqlException.error(
            "table " + what + " has " + names.size() + " values for " + columns.size()
                + " columns");
      }
      names = columns;
    }
    sources.add(new Scope.Source(alias, names, bound.affinities(), null, offset, Set.of()));
    PlanNode node = bound.root();
    nodes.add(bound.correlated() ? node : new PlanNode.Materialize(node));
  }

  private List<String> usingColumns(Item item) {
    if (!item.natural()) {
      return item.using();
    }
    Scope.Source right = sources.get(sources.size() - 1);
    List<String> common = new ArrayList<>();
    for (String name : right.columns()) {
      for (int s = 0; s < sources.size() - 1; s++) {
        if (sources.get(s).find(name) >= 0 && sources.get(s).find(name) < sources.get(s)
            .columns().size()) {
          common.add(name);
          break;
        }
      }
    }
    return common;
  }

  private void markMerged(int i, List<String> using) {
    if (using.isEmpty()) {
      return;
    }
    Scope.Source s = sources.get(i);
    Set<String> merged = new HashSet<>(s.merged());
    for (String name : using) {
      merged.add(name.toLowerCase(Locale.ROOT));
    }
    sources.set(i, new Scope.Source(
        s.alias(), s.columns(), s.affinities(), s.table(), s.offset(), merged));
  }

  private List<BoundExpr> usingTerms(int i, List<String> using) {
    List<BoundExpr> terms = new ArrayList<>();
    Scope.Source right = sources.get(i);
    for (String name : using) {
      int r = right.find(name);
      BoundExpr left = null;
      for (int s = 0; s < i && left == null; s++) {
        Scope.Source candidate = sources.get(s);
        int l = candidate.find(name);
        if (l >= 0 && l < candidate.columns().size()
            && !candidate.merged().contains(name.toLowerCase(Locale.ROOT))) {
          left = new BoundExpr.Column(candidate.offset() + l, candidate.affinityAt(l),
              candidate.nameAt(l), candidate.collationAt(l));
        }
      }
      if (r < 0 || r >= right.columns().size() || left == null) {
        throw SqlException.error(
            "cannot join using column " + name + " - column not present in both tables");
      }
      BoundExpr rightColumn =
          new BoundExpr.Column(
              right.offset() + r, right.affinityAt(r), right.nameAt(r), right.collationAt(r));
      terms.add(new BoundExpr.Binary(BinaryOp.EQ, left, rightColumn,
          dev.pagoda.planner.plan.CompareRules.affinity(left, rightColumn),
          dev.pagoda.planner.plan.CompareRules.collation(left, rightColumn)));
    }
    return terms;
  }
}
