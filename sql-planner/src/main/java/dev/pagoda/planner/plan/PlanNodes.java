package dev.pagoda.planner.plan;

import java.util.ArrayList;
import java.util.List;

/** Walking plan trees. */
public final class PlanNodes {
  private PlanNodes() {}

  /** The direct inputs of {@code node}. */
  public static List<PlanNode> inputs(PlanNode node) {
    if (node instanceof PlanNode.Filter f) {
      return List.of(f.input());
    } else if (node instanceof PlanNode.Project p) {
      return List.of(p.input());
    } else if (node instanceof PlanNode.NestedLoop j) {
      return j.sources();
    } else if (node instanceof PlanNode.Sort s) {
      return List.of(s.input());
    } else if (node instanceof PlanNode.Limit l) {
      return List.of(l.input());
    } else if (node instanceof PlanNode.Distinct d) {
      return List.of(d.input());
    } else if (node instanceof PlanNode.Aggregate a) {
      return List.of(a.input());
    } else if (node instanceof PlanNode.Compound c) {
      return List.of(c.left(), c.right());
    } else if (node instanceof PlanNode.Materialize m) {
      return List.of(m.input());
    } else if (node instanceof PlanNode.Window w) {
      return List.of(w.input());
    } else if (node instanceof PlanNode.RecursiveCte r) {
      List<PlanNode> all = new ArrayList<>();
      all.add(r.initial());
      all.addAll(r.recursive());
      return all;
    }
    return List.of();
  }

  /**
   * {@code node}, a table's access path, under the name {@code alias} the query gives the table
   * (other nodes are returned as they are).
   */
  public static PlanNode withAlias(PlanNode node, String alias) {
    if (node instanceof PlanNode.TableScan s) {
      return new PlanNode.TableScan(s.table(), alias);
    } else if (node instanceof PlanNode.RowidSeek s) {
      return new PlanNode.RowidSeek(s.table(), s.keys(), alias);
    } else if (node instanceof PlanNode.RowidRange r) {
      return new PlanNode.RowidRange(r.table(), r.lower(), r.upper(), alias);
    } else if (node instanceof PlanNode.IndexSeek s) {
      return new PlanNode.IndexSeek(s.table(), s.index(), s.prefix(), s.prefixAffinities(),
          s.inValues(), s.inAffinity(), s.lower(), s.upper(), alias);
    }
    return node;
  }

  /** The root pages of every table {@code node} and its inputs scan. */
  public static List<Integer> scannedRoots(PlanNode node) {
    List<Integer> roots = new ArrayList<>();
    collect(node, roots);
    return roots;
  }

  private static void collect(PlanNode node, List<Integer> roots) {
    if (node instanceof PlanNode.TableScan s) {
      roots.add(s.table().rootPage());
    }
    for (PlanNode input : inputs(node)) {
      collect(input, roots);
    }
  }

  /** Whether {@code node} or one of its inputs reads a recursive CTE's current row. */
  public static boolean readsRecursiveRow(PlanNode node) {
    if (node instanceof PlanNode.RecursiveRef) {
      return true;
    }
    for (PlanNode input : inputs(node)) {
      if (readsRecursiveRow(input)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The collation each output column of {@code node} carries into a comparison (null entries:
   * none), as SQLite gives a subquery's columns the collations of its result expressions.
   */
  public static List<String> outputCollations(PlanNode node) {
    return outputCollations(node, false);
  }

  /** The explicit COLLATE each output column of {@code node} carries (null entries: none). */
  public static List<String> explicitOutputCollations(PlanNode node) {
    return outputCollations(node, true);
  }

  private static List<String> outputCollations(PlanNode node, boolean explicitOnly) {
    List<String> out = new ArrayList<>();
    if (node instanceof PlanNode.Project p) {
      List<String> below = null;
      for (BoundExpr e : p.expressions()) {
        String c = explicitOnly ? CompareRules.explicit(e) : CompareRules.of(e);
        if (c == null && e instanceof BoundExpr.Column col) {
          if (below == null) {
            below = outputCollations(p.input(), explicitOnly);
          }
          c = col.index() < below.size() ? below.get(col.index()) : null;
        }
        out.add(c);
      }
      return out;
    } else if (node instanceof PlanNode.Sort || node instanceof PlanNode.Limit
        || node instanceof PlanNode.Distinct || node instanceof PlanNode.Materialize
        || node instanceof PlanNode.Filter) {
      return outputCollations(inputs(node).get(0), explicitOnly);
    } else if (node instanceof PlanNode.Compound c) {
      return outputCollations(c.left(), explicitOnly);
    } else if (node instanceof PlanNode.Window w) {
      out.addAll(outputCollations(w.input(), explicitOnly));
      for (int i = 0; i < w.calls().size(); i++) {
        out.add(null);
      }
      return out;
    }
    for (int i = 0; i < node.width(); i++) {
      out.add(null);
    }
    return out;
  }
}
