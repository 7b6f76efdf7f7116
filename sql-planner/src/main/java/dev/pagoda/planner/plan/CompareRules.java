package dev.pagoda.planner.plan;

import dev.pagoda.planner.Affinity;

/**
 * SQLite's rules for what a comparison of two bound expressions applies: the comparison affinity
 * and the collation. The binder uses them for operators; the executor for comparisons it builds
 * itself (CASE with a base expression, scalar min/max).
 */
public final class CompareRules {
  private CompareRules() {}

  /**
   * SQLite's comparison affinity: numeric when either side has a numeric affinity and both have
   * one; no conversion (BLOB) when both have non-numeric ones; else the one side's affinity.
   */
  public static Affinity affinity(BoundExpr l, BoundExpr r) {
    return affinity(l.affinity(), r.affinity());
  }

  /** The comparison affinity of operands with affinities {@code a} and {@code b} (null: none). */
  public static Affinity affinity(Affinity a, Affinity b) {
    if (a != null && b != null) {
      return a.isNumeric() || b.isNumeric() ? Affinity.NUMERIC : Affinity.BLOB;
    }
    return a != null ? a : b;
  }

  /**
   * The collation a comparison of {@code l} with {@code r} uses: an explicit COLLATE on the
   * left, else one on the right, else the left column's, else the right column's; null (BINARY)
   * when neither has one.
   */
  public static String collation(BoundExpr l, BoundExpr r) {
    String c = explicit(l);
    if (c == null) {
      c = explicit(r);
    }
    if (c == null) {
      c = implicit(l);
    }
    return c != null ? c : implicit(r);
  }

  /** The collation {@code e} carries on its own: its explicit one, else its implicit one. */
  public static String of(BoundExpr e) {
    String c = explicit(e);
    return c != null ? c : implicit(e);
  }

  /**
   * The explicit COLLATE of {@code e}, which, as in SQLite, an operator or function call takes
   * over from its operands (the left one first); else null.
   */
  public static String explicit(BoundExpr e) {
    if (e instanceof BoundExpr.Collate c) {
      return c.name();
    } else if (e instanceof BoundExpr.Cast c) {
      return explicit(c.operand());
    } else if (e instanceof BoundExpr.Unary u) {
      return explicit(u.operand());
    } else if (e instanceof BoundExpr.Binary b) {
      String c = explicit(b.left());
      return c != null ? c : explicit(b.right());
    } else if (e instanceof BoundExpr.Function f) {
      for (BoundExpr arg : f.args()) {
        String c = explicit(arg);
        if (c != null) {
          return c;
        }
      }
    }
    return null;
  }

  /**
   * The collation of a column (its declared one, BINARY when it declares none), looking through
   * CAST and unary plus; null for anything else.
   */
  public static String implicit(BoundExpr e) {
    while (e instanceof BoundExpr.Cast
        || (e instanceof BoundExpr.Unary u && u.op() == UnaryOp.PLUS)) {
      e = e instanceof BoundExpr.Cast c ? c.operand() : ((BoundExpr.Unary) e).operand();
    }
    if (e instanceof BoundExpr.Column c) {
      return c.collation() != null ? c.collation() : "BINARY";
    }
    if (e instanceof BoundExpr.Outer o) {
      return o.collation() != null ? o.collation() : "BINARY";
    }
    if (e instanceof BoundExpr.Subquery q && q.kind() == BoundExpr.SubqueryKind.SCALAR) {
      return q.compareCollation();
    }
    return null;
  }
}
