package dev.pagoda.planner;

import dev.pagoda.planner.plan.BinaryOp;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in access paths: rowid equality, IN and range ({@value #ROWID}); index equality on a
 * prefix of an index's columns, then IN or a range on the next column ({@value #INDEX}). Costs
 * are SQLite's guesses without statistics: an equality keeps a tenth of the rows per column, a
 * range bound a quarter.
 */
final class BuiltinAccessRules {
  static final String ROWID = "rowid";
  static final String INDEX = "index";

  private BuiltinAccessRules() {}

  static List<AccessPathRule> all() {
    return List.of(rule(ROWID, BuiltinAccessRules::rowid), rule(INDEX, BuiltinAccessRules::index));
  }

  private static AccessPathRule rule(
      String name, java.util.function.Function<AccessRequest, List<AccessPath>> f) {
    return new AccessPathRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<AccessPath> candidates(AccessRequest request) {
        return f.apply(request);
      }
    };
  }

  private static List<AccessPath> rowid(AccessRequest r) {
    int rowid = r.table().columns().size();
    List<AccessPath> out = new ArrayList<>();
    PlanNode.RangeBound lower = null;
    PlanNode.RangeBound upper = null;
    for (AccessRequest.Comparison c : r.comparisons()) {
      if (c.column() != rowid || !numericUsable(c.affinity())) {
        continue;
      }
      switch (c.op()) {
        case EQ, IS -> out.add(new AccessPath(
            new PlanNode.RowidSeek(r.table(), List.of(c.value())), 1, ROWID));
        case GT, GE -> lower = new PlanNode.RangeBound(
            c.value(), c.op() == BinaryOp.GE, Affinity.NUMERIC);
        case LT, LE -> upper = new PlanNode.RangeBound(
            c.value(), c.op() == BinaryOp.LE, Affinity.NUMERIC);
        default -> { }
      }
    }
    if (lower != null || upper != null) {
      double rows = AccessPaths.FULL_SCAN_ROWS / (lower != null && upper != null ? 64 : 4);
      out.add(new AccessPath(new PlanNode.RowidRange(r.table(), lower, upper), rows, ROWID));
    }
    for (BoundExpr.InList in : r.inLists()) {
      if (r.column(in.operand()) == rowid
          && in.compareAffinities().stream().allMatch(BuiltinAccessRules::numericUsable)) {
        out.add(new AccessPath(
            new PlanNode.RowidSeek(r.table(), in.items()), in.items().size(), ROWID));
      }
    }
    return out;
  }

  /** Whether a rowid comparison under {@code affinity} compares numbers as numbers. */
  private static boolean numericUsable(Affinity affinity) {
    return affinity == null || affinity.isNumeric() || affinity == Affinity.BLOB;
  }

  private static List<AccessPath> index(AccessRequest r) {
    List<AccessPath> out = new ArrayList<>();
    for (IndexSchema index : r.indexes()) {
      if (index.where() != null) {
        continue; // a partial index: used only where the WHERE implies its condition (Step 9)
      }
      AccessPath path = indexPath(r, index);
      if (path != null) {
        out.add(path);
      }
    }
    return out;
  }

  private static AccessPath indexPath(AccessRequest r, IndexSchema index) {
    List<AccessRequest.Comparison> comparisons = r.comparisons();
    List<BoundExpr> prefix = new ArrayList<>();
    List<Affinity> affinities = new ArrayList<>();
    int k = 0;
    for (; k < index.columns().size(); k++) {
      AccessRequest.Comparison eq = find(r, comparisons, index, k, true);
      if (eq == null) {
        break;
      }
      prefix.add(eq.value());
      affinities.add(eq.affinity());
    }
    double rows = AccessPaths.FULL_SCAN_ROWS;
    for (int i = 0; i < prefix.size(); i++) {
      rows /= 10;
    }
    if (index.unique() && prefix.size() == index.columns().size()) {
      rows = 1;
    }
    if (k == index.columns().size()) {
      return path(r, index, prefix, affinities, null, null, null, null, Math.max(rows, 1));
    }
    BoundExpr.InList in = inOn(r, index, k);
    if (in != null) {
      double probes = in.items().size();
      return path(r, index, prefix, affinities, in.items(), in.compareAffinities().get(0),
          null, null, Math.max(rows / 10, 1) * probes);
    }
    PlanNode.RangeBound lower = null;
    PlanNode.RangeBound upper = null;
    if (!index.columns().get(k).descending()) {
      for (AccessRequest.Comparison c : comparisons) {
        if (!usableOn(r, index, k, c)) {
          continue;
        }
        switch (c.op()) {
          case GT, GE -> lower = new PlanNode.RangeBound(
              c.value(), c.op() == BinaryOp.GE, c.affinity());
          case LT, LE -> upper = new PlanNode.RangeBound(
              c.value(), c.op() == BinaryOp.LE, c.affinity());
          default -> { }
        }
      }
    }
    if (lower != null) {
      rows /= 4;
    }
    if (upper != null) {
      rows /= 4;
    }
    if (prefix.isEmpty() && lower == null && upper == null) {
      return null;
    }
    return path(r, index, prefix, affinities, null, null, lower, upper, Math.max(rows, 1));
  }

  private static AccessPath path(AccessRequest r, IndexSchema index, List<BoundExpr> prefix,
      List<Affinity> affinities, List<BoundExpr> in, Affinity inAffinity,
      PlanNode.RangeBound lower, PlanNode.RangeBound upper, double rows) {
    PlanNode node = new PlanNode.IndexSeek(
        r.table(), index, prefix, affinities, in, inAffinity, lower, upper);
    // Each entry found costs a table lookup too; a little more than a rowid seek per row.
    return new AccessPath(node, rows * 1.5 + 1, INDEX);
  }

  private static AccessRequest.Comparison find(AccessRequest r,
      List<AccessRequest.Comparison> comparisons, IndexSchema index, int k, boolean equality) {
    for (AccessRequest.Comparison c : comparisons) {
      if ((c.op() == BinaryOp.EQ || c.op() == BinaryOp.IS) == equality
          && usableOn(r, index, k, c)) {
        return c;
      }
    }
    return null;
  }

  private static BoundExpr.InList inOn(AccessRequest r, IndexSchema index, int k) {
    for (BoundExpr.InList in : r.inLists()) {
      int column = r.column(in.operand());
      if (column == index.columns().get(k).column()
          && in.compareAffinities().stream().allMatch(
              a -> usable(r.table().columns().get(column).affinity(), a))
          && sameCollation(index.columns().get(k).collation(), in.compareCollation())) {
        return in;
      }
    }
    return null;
  }

  private static boolean usableOn(
      AccessRequest r, IndexSchema index, int k, AccessRequest.Comparison c) {
    IndexSchema.IndexColumn column = index.columns().get(k);
    if (c.column() != column.column() || c.column() >= r.table().columns().size()) {
      return false;
    }
    return sameCollation(column.collation(), c.collation())
        && usable(r.table().columns().get(c.column()).affinity(), c.affinity());
  }

  /** Whether an index column's collation is the one a comparison uses (null: BINARY). */
  private static boolean sameCollation(String index, String comparison) {
    return index.equalsIgnoreCase(comparison == null ? "BINARY" : comparison);
  }

  /**
   * Whether comparing under {@code compare} leaves a column of affinity {@code column}'s stored
   * values as they are, so that the index order is the comparison's order.
   */
  private static boolean usable(Affinity column, Affinity compare) {
    if (compare == null || compare == Affinity.BLOB) {
      return true;
    }
    if (compare.isNumeric()) {
      return column.isNumeric();
    }
    return column == compare;
  }
}
