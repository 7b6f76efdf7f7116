package dev.pagoda.planner;

import dev.pagoda.parser.ast.CommonTableExpr;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FromItem;
import dev.pagoda.parser.ast.Join;
import dev.pagoda.parser.ast.JoinKind;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.SubqueryRef;
import dev.pagoda.parser.ast.TableFunctionRef;
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
 * Binds a FROM clause: its tables, views, CTEs, subqueries, table-valued functions (see {@link
 * TableFunctionBinder}) and parenthesized joins become the
 * sources of a {@link Scope}; USING and NATURAL become equality terms; the joins become a {@link
 * PlanNode.NestedLoop} whose steps take each WHERE and ON term as early as its columns allow. A
 * parenthesized join on the right of a join is one item of the loop (planned on its own) whose
 * tables stay visible by their names.
 */
final class FromBinder {
  /** A table-valued function whose arguments are bound once every source is known. */
  private record PendingCall(int node, int source, TableFunctionBinder binder) {}

  /** One item of the flattened FROM list and how it joins the items before it. */
  private record Item(FromItem item, JoinKind kind, boolean natural, Expr on, List<String> using) {}

  private final QueryBinder queries;
  private final Scope outer;
  /** One plan node per item. */
  private final List<PlanNode> nodes = new ArrayList<>();
  /** Each item's kind of join: INNER, LEFT, RIGHT or FULL. */
  private final List<JoinKind> kinds = new ArrayList<>();
  /** Where each item's sources start in {@link #sources}. */
  private final List<Integer> firstSource = new ArrayList<>();
  private final List<Scope.Source> sources = new ArrayList<>();
  /** Joined-row columns that read as another expression when unqualified (RIGHT/FULL USING). */
  private final java.util.Map<Integer, BoundExpr> usingValues = new java.util.HashMap<>();
  private Scope scope;
  /** Whether a source (a subquery, a CTE) reads columns of an enclosing query. */
  private boolean correlatedSource;
  private final List<List<BoundExpr>> onTerms = new ArrayList<>();
  private final List<PendingCall> pendingCalls = new ArrayList<>();

  FromBinder(QueryBinder queries, Scope outer) {
    this.queries = queries;
    this.outer = outer;
  }

  /** Binds {@code from}; then {@link #scope()} and {@link #plan} apply. */
  FromBinder bind(FromItem from) {
    List<Item> items = new ArrayList<>();
    flatten(from, items);
    List<List<BoundExpr>> usingTerms = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      firstSource.add(sources.size());
      addSource(item.item());
      kinds.add(switch (item.kind()) {
        case LEFT, RIGHT, FULL -> item.kind();
        default -> JoinKind.INNER;
      });
      usingTerms.add(usingTerms(i, usingColumns(i, item)));
    }
    bindCalls();
    scope = new Scope(sources, outer);
    usingValues.forEach(scope::setUsingValue);
    if (correlatedSource) {
      scope.markReachesOut();
    }
    ExprBinder binder = new ExprBinder(scope, queries);
    for (int i = 0; i < items.size(); i++) {
      List<BoundExpr> terms = new ArrayList<>(usingTerms.get(i));
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
    List<Scope.Source> first = new ArrayList<>();
    for (int start : firstSource) {
      first.add(sources.get(start));
    }
    return JoinPlanner.plan(nodes, first, kinds, onTerms, where, queries.catalog());
  }

  private void flatten(FromItem from, List<Item> items) {
    if (from instanceof Join j) {
      flatten(j.left(), items);
      items.add(new Item(j.right(), j.kind(), j.natural(), j.on(), j.using()));
    } else {
      items.add(new Item(from, JoinKind.INNER, false, null, List.of()));
    }
  }

  private int nextOffset() {
    int offset = 0;
    for (Scope.Source s : sources) {
      offset += s.width();
    }
    return offset;
  }

  private void addSource(FromItem item) {
    int offset = nextOffset();
    if (item instanceof TableRef ref) {
      addTableRef(ref, offset);
    } else if (item instanceof SubqueryRef sub) {
      addSubquery(sub.select(), sub.alias(), List.of(), offset);
    } else if (item instanceof Join join) {
      addNestedJoin(join, offset);
    } else if (item instanceof TableFunctionRef call) {
      addTableFunction(call, offset);
    } else {
      throw new AssertionError("unknown FROM item: " + item);
    }
  }

  /**
   * A table-valued function: its node is made once every source is known, since its arguments
   * may read any other source of the FROM clause (and the enclosing queries); it is not
   * materialized, since they may change from one outer row to the next.
   */
  private void addTableFunction(TableFunctionRef call, int offset) {
    TableFunctionBinder binder = new TableFunctionBinder(queries, call);
    pendingCalls.add(new PendingCall(nodes.size(), sources.size(), binder));
    sources.add(binder.source(offset));
    nodes.add(new PlanNode.SingleRow()); // replaced by bindCalls
  }

  /**
   * Binds the arguments of each table-valued function against the FROM clause's other sources,
   * as SQLite resolves them. A correlated subquery among them is bound again against the sources
   * to the left only (where it must resolve), since the join planner does not see which sources
   * a subquery reads.
   */
  private void bindCalls() {
    for (PendingCall pending : pendingCalls) {
      List<Scope.Source> others = new ArrayList<>(sources);
      others.remove(pending.source());
      Scope scope = argumentScope(others);
      PlanNode.FunctionScan node = pending.binder().node(scope);
      if (node.args().stream().anyMatch(JoinPlanner::readsRowOpaquely)) {
        scope = argumentScope(sources.subList(0, pending.source()));
        node = pending.binder().node(scope);
      }
      correlatedSource |= scope.reachesOut();
      nodes.set(pending.node(), node);
    }
  }

  private Scope argumentScope(List<Scope.Source> visible) {
    Scope scope = new Scope(visible, outer);
    usingValues.forEach(scope::setUsingValue);
    return scope;
  }

  /** A parenthesized join: planned on its own, its tables visible here by their names. */
  private void addNestedJoin(Join join, int offset) {
    FromBinder inner = new FromBinder(queries, outer).bind(join);
    PlanNode plan = inner.plan(List.of());
    for (Scope.Source s : inner.scope().sources()) {
      sources.add(s.at(s.offset() + offset));
    }
    inner.usingValues.forEach((index, value) ->
        usingValues.put(index + offset, shift(value, offset)));
    correlatedSource |= inner.scope().reachesOut();
    boolean dependent = inner.scope().reachesOut()
        || dev.pagoda.planner.plan.PlanNodes.readsRecursiveRow(plan);
    nodes.add(dependent ? plan : new PlanNode.Materialize(plan));
  }

  private void addTableRef(TableRef ref, int offset) {
    if (ref.name().schema() == null) {
      QueryBinder.Bound recursive = queries.recursiveReference(ref.name().name());
      if (recursive != null) {
        String alias = ref.alias() != null ? ref.alias() : ref.name().name();
        addBound(recursive, alias, List.of(), offset, alias);
        return;
      }
      CommonTableExpr cte = queries.cte(ref.name().name());
      if (cte != null) {
        String alias = ref.alias() != null ? ref.alias() : cte.name();
        addBound(queries.bindCte(cte, outer), alias, cte.columns(), offset, cte.name());
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
    if (isEponymousFunction(ref)) {
      addTableFunction(new TableFunctionRef(ref.name(), List.of(), ref.alias()), offset);
      return;
    }
    TableSchema table = Planner.lookupTable(queries.catalog(), ref.name());
    if (ref.indexedBy() != null
        && queries.catalog().indexes(table.name()).stream()
            .noneMatch(i -> i.name().equalsIgnoreCase(ref.indexedBy()))) {
      throw SqlException.error("no such index: " + ref.indexedBy());
    }
    String alias = ref.alias() != null ? ref.alias() : table.name();
    sources.add(Scope.tableSource(table, alias, offset, Set.of()));
    nodes.add(new PlanNode.TableScan(table, alias));
  }

  /**
   * Whether {@code ref} names no table but a table-valued function, which SQLite reads as an
   * eponymous virtual table called without arguments ({@code FROM pragma_table_list}).
   */
  private boolean isEponymousFunction(TableRef ref) {
    Catalog catalog = queries.catalog();
    return ref.indexedBy() == null && !ref.notIndexed()
        && catalog.table(ref.name().name()) == null
        && catalog.functions().tableFunction(ref.name().name()) != null;
  }

  private void addSubquery(Select select, String alias, List<String> columns, int offset) {
    addBound(queries.nested().bind(select, outer), alias, columns, offset, alias);
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
    sources.add(new Scope.Source(alias, names, bound.affinities(), null, offset, Set.of(),
        dev.pagoda.planner.plan.PlanNodes.outputCollations(bound.root())));
    PlanNode node = bound.root();
    correlatedSource |= bound.correlated() && !(node instanceof PlanNode.RecursiveRef);
    boolean dependent =
        bound.correlated() || dev.pagoda.planner.plan.PlanNodes.readsRecursiveRow(node);
    nodes.add(dependent || node instanceof PlanNode.Materialize
        ? node : new PlanNode.Materialize(node, alias));
  }

  /** The sources of item {@code i}. */
  private List<Scope.Source> group(int i) {
    int end = i + 1 < firstSource.size() ? firstSource.get(i + 1) : sources.size();
    return sources.subList(firstSource.get(i), end);
  }

  private List<String> usingColumns(int i, Item item) {
    if (!item.natural()) {
      return item.using();
    }
    List<String> common = new ArrayList<>();
    for (Scope.Source right : group(i)) {
      for (String name : right.columns().subList(0, right.visibleColumns())) {
        if (common.stream().anyMatch(name::equalsIgnoreCase)) {
          continue;
        }
        for (int s = 0; s < firstSource.get(i); s++) {
          int l = sources.get(s).find(name);
          if (l >= 0 && l < sources.get(s).visibleColumns()) {
            common.add(name);
            break;
          }
        }
      }
    }
    return common;
  }

  /** The equality terms of item i's USING columns; marks the right-hand columns merged. */
  private List<BoundExpr> usingTerms(int i, List<String> using) {
    List<BoundExpr> terms = new ArrayList<>();
    boolean rightOuter = kinds.get(i) == JoinKind.RIGHT || kinds.get(i) == JoinKind.FULL;
    for (String name : using) {
      String lower = name.toLowerCase(Locale.ROOT);
      BoundExpr left = null;
      int leftIndex = -1;
      for (int s = 0; s < firstSource.get(i) && left == null; s++) {
        Scope.Source candidate = sources.get(s);
        int l = candidate.find(name);
        if (l >= 0 && l < candidate.columns().size() && !candidate.merged().contains(lower)) {
          leftIndex = candidate.offset() + l;
          left = usingValues.getOrDefault(leftIndex,
              new BoundExpr.Column(leftIndex, candidate.affinityAt(l), candidate.nameAt(l),
                  candidate.collationAt(l)));
        }
      }
      int rightSource = -1;
      int r = -1;
      for (int s = firstSource.get(i); s < firstSource.get(i) + group(i).size(); s++) {
        int found = sources.get(s).find(name);
        if (found >= 0 && found < sources.get(s).columns().size()
            && !sources.get(s).merged().contains(lower)) {
          rightSource = s;
          r = found;
          break;
        }
      }
      if (rightSource < 0 || left == null) {
        throw SqlException.error(
            "cannot join using column " + name + " - column not present in both tables");
      }
      Scope.Source right = sources.get(rightSource);
      BoundExpr rightColumn =
          new BoundExpr.Column(
              right.offset() + r, right.affinityAt(r), right.nameAt(r), right.collationAt(r));
      terms.add(new BoundExpr.Binary(BinaryOp.EQ, left, rightColumn,
          dev.pagoda.planner.plan.CompareRules.affinity(left, rightColumn),
          dev.pagoda.planner.plan.CompareRules.collation(left, rightColumn)));
      Set<String> merged = new HashSet<>(right.merged());
      merged.add(lower);
      sources.set(rightSource, right.withMerged(merged));
      if (rightOuter) {
        usingValues.put(leftIndex, new BoundExpr.Function("coalesce", List.of(left, rightColumn)));
      }
    }
    return terms;
  }

  /** {@code e} with its column indexes moved by {@code offset} (columns and calls only). */
  private static BoundExpr shift(BoundExpr e, int offset) {
    if (e instanceof BoundExpr.Column c) {
      return new BoundExpr.Column(c.index() + offset, c.affinity(), c.name(), c.collation());
    }
    if (e instanceof BoundExpr.Function f) {
      return new BoundExpr.Function(f.name(), f.args().stream().map(a -> shift(a, offset)).toList());
    }
    return e;
  }
}
