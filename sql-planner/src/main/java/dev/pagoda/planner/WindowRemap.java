package dev.pagoda.planner;

import dev.pagoda.planner.plan.BoundExpr;
import java.util.List;

/** Rewrites the placeholder columns of window calls in a bound expression (see WindowBinder). */
final class WindowRemap {
  private WindowRemap() {}

  /** {@code e} with column {@code base + k} replaced by column {@code placed[k]}. */
  static BoundExpr remap(BoundExpr e, int[] placed, int base) {
    if (e == null) {
      return null;
    }
    if (e instanceof BoundExpr.Column c) {
      return c.index() < base ? c
          : new BoundExpr.Column(placed[c.index() - base], c.affinity(), c.name(), c.collation());
    } else if (e instanceof BoundExpr.Unary u) {
      return new BoundExpr.Unary(u.op(), remap(u.operand(), placed, base));
    } else if (e instanceof BoundExpr.Binary b) {
      return new BoundExpr.Binary(b.op(), remap(b.left(), placed, base),
          remap(b.right(), placed, base), b.compareAffinity(), b.compareCollation());
    } else if (e instanceof BoundExpr.IsNull n) {
      return new BoundExpr.IsNull(remap(n.operand(), placed, base), n.negated());
    } else if (e instanceof BoundExpr.Cast c) {
      return new BoundExpr.Cast(remap(c.operand(), placed, base), c.target());
    } else if (e instanceof BoundExpr.InList in) {
      return new BoundExpr.InList(remap(in.operand(), placed, base),
          all(in.items(), placed, base), in.compareAffinities(), in.negated(),
          in.compareCollation());
    } else if (e instanceof BoundExpr.Case c) {
      return new BoundExpr.Case(remap(c.base(), placed, base), all(c.whens(), placed, base),
          all(c.thens(), placed, base), remap(c.otherwise(), placed, base));
    } else if (e instanceof BoundExpr.Subquery q) {
      return new BoundExpr.Subquery(q.kind(), q.plan(), q.correlated(),
          remap(q.operand(), placed, base), q.compareAffinity(), q.negated(),
          q.compareCollation());
    } else if (e instanceof BoundExpr.Function f) {
      return new BoundExpr.Function(f.name(), all(f.args(), placed, base));
    } else if (e instanceof BoundExpr.Like l) {
      return new BoundExpr.Like(remap(l.value(), placed, base), remap(l.pattern(), placed, base),
          remap(l.escape(), placed, base), l.glob(), l.negated());
    } else if (e instanceof BoundExpr.Collate c) {
      return new BoundExpr.Collate(remap(c.operand(), placed, base), c.name());
    } else if (e instanceof BoundExpr.Raise r) {
      return new BoundExpr.Raise(r.action(), remap(r.message(), placed, base));
    }
    return e;
  }

  private static List<BoundExpr> all(List<BoundExpr> es, int[] placed, int base) {
    return es.stream().map(x -> remap(x, placed, base)).toList();
  }
}
