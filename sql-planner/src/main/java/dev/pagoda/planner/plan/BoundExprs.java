package dev.pagoda.planner.plan;

import java.util.ArrayList;
import java.util.List;

/** Walking bound expressions. */
public final class BoundExprs {
  private BoundExprs() {}

  /**
   * The direct sub-expressions of {@code e} evaluated over the same row (a subquery's operand,
   * not its plan); entries may be null.
   */
  public static List<BoundExpr> children(BoundExpr e) {
    if (e instanceof BoundExpr.Unary u) {
      return List.of(u.operand());
    } else if (e instanceof BoundExpr.Binary b) {
      return List.of(b.left(), b.right());
    } else if (e instanceof BoundExpr.IsNull n) {
      return List.of(n.operand());
    } else if (e instanceof BoundExpr.Cast c) {
      return List.of(c.operand());
    } else if (e instanceof BoundExpr.InList in) {
      List<BoundExpr> all = new ArrayList<>(in.items());
      all.add(in.operand());
      return all;
    } else if (e instanceof BoundExpr.Case c) {
      List<BoundExpr> all = new ArrayList<>(c.whens());
      all.addAll(c.thens());
      all.add(c.base());
      all.add(c.otherwise());
      return all;
    } else if (e instanceof BoundExpr.Subquery q) {
      List<BoundExpr> all = new ArrayList<>();
      all.add(q.operand());
      return all;
    } else if (e instanceof BoundExpr.Function f) {
      return f.args();
    } else if (e instanceof BoundExpr.Like l) {
      List<BoundExpr> all = new ArrayList<>();
      all.add(l.value());
      all.add(l.pattern());
      all.add(l.escape());
      return all;
    } else if (e instanceof BoundExpr.Collate c) {
      return List.of(c.operand());
    }
    return List.of();
  }

  /** Whether {@link #children} knows {@code e}'s kind (an unknown kind is treated as opaque). */
  public static boolean isKnown(BoundExpr e) {
    return e instanceof BoundExpr.Constant
        || e instanceof BoundExpr.Column
        || e instanceof BoundExpr.Parameter
        || e instanceof BoundExpr.Outer
        || e instanceof BoundExpr.Unary
        || e instanceof BoundExpr.Binary
        || e instanceof BoundExpr.IsNull
        || e instanceof BoundExpr.Cast
        || e instanceof BoundExpr.InList
        || e instanceof BoundExpr.Case
        || e instanceof BoundExpr.Subquery
        || e instanceof BoundExpr.Function
        || e instanceof BoundExpr.Like
        || e instanceof BoundExpr.Collate;
  }
}
