package dev.pagoda.planner;

import dev.pagoda.parser.ast.JoinKind;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Orders the sources of a join and places each term at the first step where every source it reads
 * is bound. Inner joins are reordered greedily (the source with the most terms on it first, then
 * at each step the one most connected to those chosen); a join with an outer (LEFT, RIGHT,
 * FULL) step keeps the FROM order. Until the cost-based planner, that is all the join ordering there is.
 */
final class JoinPlanner {
  private JoinPlanner() {}

  /**
   * The nested loop over {@code nodes} (one per FROM item, in FROM order; {@code sources} gives
   * each one's scope entry for access paths), joined by {@code kinds} (INNER for the first).
   * A WHERE term, and an inner join's ON term, is placed no earlier than the last RIGHT or FULL
   * step before it, so that the rows a right-outer step adds after the loop are tested too, and
   * is never used to choose the access path of a step before that.
   */
  static PlanNode plan(
      List<PlanNode> nodes, List<Scope.Source> sources, List<JoinKind> kinds,
      List<List<BoundExpr>> onTerms, List<BoundExpr> where, Catalog catalog) {
    int n = nodes.size();
    int[] sourceOfColumn = sourceOfColumn(nodes);
    boolean[] leftOuter = new boolean[n];
    boolean[] rightOuter = new boolean[n];
    for (int i = 0; i < n; i++) {
      leftOuter[i] = kinds.get(i) == JoinKind.LEFT || kinds.get(i) == JoinKind.FULL;
      rightOuter[i] = kinds.get(i) == JoinKind.RIGHT || kinds.get(i) == JoinKind.FULL;
    }
    List<BoundExpr> innerTerms = new ArrayList<>();
    List<Integer> floors = new ArrayList<>();
    int lastRight = 0;
    boolean anyOuter = false;
    for (int i = 0; i < n; i++) {
      anyOuter |= leftOuter[i] || rightOuter[i];
      if (!leftOuter[i] && !rightOuter[i]) {
        for (BoundExpr term : onTerms.get(i)) {
          innerTerms.add(term);
          floors.add(lastRight);
        }
      }
      if (rightOuter[i]) {
        lastRight = i;
      }
    }
    for (BoundExpr term : where) {
      innerTerms.add(term);
      floors.add(lastRight);
    }
    List<BitSet> uses = new ArrayList<>();
    for (BoundExpr term : innerTerms) {
      uses.add(sourcesUsed(term, sourceOfColumn, n));
    }
    BitSet[] requires = requirements(nodes, sourceOfColumn, rightOuter, anyOuter);
    int[] order = anyOuter ? fromOrder(n) : greedyOrder(n, uses, requires);
    List<PlanNode.JoinStep> steps = new ArrayList<>();
    List<PlanNode> accessed = new ArrayList<>(nodes);
    BitSet bound = new BitSet();
    boolean[] placed = new boolean[innerTerms.size()];
    for (int step = 0; step < n; step++) {
      int source = order[step];
      BitSet before = (BitSet) bound.clone();
      if (!rightOuter[source]) {
        List<BoundExpr> usable = new ArrayList<>();
        for (int t = 0; t < innerTerms.size(); t++) {
          if (floors.get(t) <= step) {
            usable.add(innerTerms.get(t));
          }
        }
        if (leftOuter[source]) {
          usable.addAll(onTerms.get(source));
        }
        accessed.set(source, access(nodes.get(source), sources.get(source), usable,
            e -> contains(before, sourcesUsed(e, sourceOfColumn, n)) && !hasSubquery(e),
            catalog));
      }
      bound.set(source);
      List<BoundExpr> filters = new ArrayList<>();
      for (int t = 0; t < innerTerms.size(); t++) {
        if (!placed[t] && floors.get(t) <= step && contains(bound, uses.get(t))) {
          placed[t] = true;
          filters.add(innerTerms.get(t));
        }
      }
      List<BoundExpr> on =
          leftOuter[source] || rightOuter[source] ? onTerms.get(source) : List.of();
      steps.add(new PlanNode.JoinStep(
          source, leftOuter[source], rightOuter[source], on, filters));
    }
    return new PlanNode.NestedLoop(accessed, steps);
  }

  /**
   * The cheapest way to read {@code node}'s table given {@code terms} (the node itself when it is
   * not a table scan or no rule beats the scan); {@code known} tells which values are known before
   * the table is read.
   */
  static PlanNode access(PlanNode node, Scope.Source source, List<BoundExpr> terms,
      java.util.function.Predicate<BoundExpr> known, Catalog catalog) {
    if (!(node instanceof PlanNode.TableScan scan) || terms.isEmpty()) {
      return node;
    }
    TableSchema table = scan.table();
    AccessPath best = AccessPaths.best(new AccessRequest(
        table, catalog.indexes(table.name()), source.offset(), terms, known));
    return best == null ? node : dev.pagoda.planner.plan.PlanNodes.withAlias(best.node(), scan.alias());
  }

  /** Whether {@code e} reads no column of the query's own row and holds no subquery. */
  static boolean readsNoColumn(BoundExpr e) {
    if (e instanceof BoundExpr.Column || e instanceof BoundExpr.Subquery
        || !dev.pagoda.planner.plan.BoundExprs.isKnown(e)) {
      return false;
    }
    for (BoundExpr child : dev.pagoda.planner.plan.BoundExprs.children(e)) {
      if (child != null && !readsNoColumn(child)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasSubquery(BoundExpr e) {
    if (e instanceof BoundExpr.Subquery || !dev.pagoda.planner.plan.BoundExprs.isKnown(e)) {
      return true;
    }
    for (BoundExpr child : dev.pagoda.planner.plan.BoundExprs.children(e)) {
      if (child != null && hasSubquery(child)) {
        return true;
      }
    }
    return false;
  }

  private static int[] fromOrder(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /**
   * The sources each source must come after: those a table-valued function's arguments read.
   *
   * @throws dev.pagoda.spi.SqlException when a join kept in FROM order ({@code fromOrder}: it has
   *     an outer step) has a function whose arguments read a source to its right, and for a RIGHT
   *     or FULL join to a function whose arguments read the sources before it, whose rows a
   *     right-outer step cannot read once per run
   */
  private static BitSet[] requirements(
      List<PlanNode> nodes, int[] sourceOfColumn, boolean[] rightOuter, boolean fromOrder) {
    int n = nodes.size();
    BitSet[] requires = new BitSet[n];
    for (int i = 0; i < n; i++) {
      requires[i] = new BitSet();
      if (nodes.get(i) instanceof PlanNode.FunctionScan f) {
        for (BoundExpr arg : f.args()) {
          collectColumns(arg, sourceOfColumn, requires[i]);
          if (readsRowOpaquely(arg)) {
            requires[i].set(0, i); // the binder let such an argument see only the left
          }
        }
        requires[i].clear(i);
        if (fromOrder && requires[i].nextSetBit(i) >= 0) {
          throw dev.pagoda.spi.SqlException.error(
              "table-function argument references tables to its right");
        }
        if (rightOuter[i] && !requires[i].isEmpty()) {
          throw dev.pagoda.spi.SqlException.error("not supported yet: a RIGHT or FULL JOIN to "
              + "a table-valued function whose arguments read the tables before it");
        }
      }
    }
    return requires;
  }

  /** Sets the source of every column {@code e} reads directly (not inside subqueries). */
  private static void collectColumns(BoundExpr e, int[] sourceOfColumn, BitSet used) {
    if (e instanceof BoundExpr.Column c) {
      used.set(sourceOfColumn[c.index()]);
    }
    for (BoundExpr child : dev.pagoda.planner.plan.BoundExprs.children(e)) {
      if (child != null) {
        collectColumns(child, sourceOfColumn, used);
      }
    }
  }

  /**
   * Whether {@code e} may read the joined row in a way {@link #collectColumns} cannot see: through
   * a correlated subquery, or an expression of a kind it does not know.
   */
  static boolean readsRowOpaquely(BoundExpr e) {
    if ((e instanceof BoundExpr.Subquery q && q.correlated())
        || !dev.pagoda.planner.plan.BoundExprs.isKnown(e)) {
      return true;
    }
    for (BoundExpr child : dev.pagoda.planner.plan.BoundExprs.children(e)) {
      if (child != null && readsRowOpaquely(child)) {
        return true;
      }
    }
    return false;
  }

  private static int[] greedyOrder(int n, List<BitSet> uses, BitSet[] requires) {
    int[] order = new int[n];
    BitSet chosen = new BitSet();
    for (int step = 0; step < n; step++) {
      int best = -1;
      int bestScore = -1;
      for (int candidate = 0; candidate < n; candidate++) {
        if (chosen.get(candidate) || !contains(chosen, requires[candidate])) {
          continue;
        }
        int score = 0;
        for (BitSet use : uses) {
          if (use.get(candidate) && !use.isEmpty()) {
            BitSet rest = (BitSet) use.clone();
            rest.clear(candidate);
            if (contains(chosen, rest)) {
              score += rest.isEmpty() ? 2 : 3;
            }
          }
        }
        if (score > bestScore) {
          best = candidate;
          bestScore = score;
        }
      }
      if (best < 0) {
        // Table-valued functions whose arguments read each other.
        throw dev.pagoda.spi.SqlException.error("no query solution");
      }
      order[step] = best;
      chosen.set(best);
    }
    return order;
  }

  private static boolean contains(BitSet outer, BitSet inner) {
    BitSet rest = (BitSet) inner.clone();
    rest.andNot(outer);
    return rest.isEmpty();
  }

  private static int[] sourceOfColumn(List<PlanNode> nodes) {
    int width = 0;
    for (PlanNode node : nodes) {
      width += node.width();
    }
    int[] map = new int[width];
    int offset = 0;
    for (int i = 0; i < nodes.size(); i++) {
      for (int c = 0; c < nodes.get(i).width(); c++) {
        map[offset + c] = i;
      }
      offset += nodes.get(i).width();
    }
    return map;
  }

  /**
   * The sources {@code e} reads; every source when it holds a subquery (whose correlated
   * references are not traced) or a kind of expression this does not know.
   */
  static BitSet sourcesUsed(BoundExpr e, int[] sourceOfColumn, int n) {
    BitSet used = new BitSet();
    if (!collect(e, sourceOfColumn, used)) {
      used.set(0, n);
    }
    return used;
  }

  private static boolean collect(BoundExpr e, int[] sourceOfColumn, BitSet used) {
    if (e instanceof BoundExpr.Column c) {
      used.set(sourceOfColumn[c.index()]);
      return true;
    }
    for (BoundExpr child : dev.pagoda.planner.plan.BoundExprs.children(e)) {
      if (child == null) {
        continue;
      }
      if (!collect(child, sourceOfColumn, used)) {
        return false;
      }
    }
    return !(e instanceof BoundExpr.Subquery) && dev.pagoda.planner.plan.BoundExprs.isKnown(e);
  }
}
