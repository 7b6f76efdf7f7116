package dev.pagoda.planner;

import dev.pagoda.parser.ast.Between;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.InList;
import dev.pagoda.parser.ast.InSelect;
import dev.pagoda.parser.ast.RowValue;
import dev.pagoda.parser.ast.Subquery;
import dev.pagoda.planner.plan.BinaryOp;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.CompareRules;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.planner.plan.UnaryOp;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Row values, as SQLite defines them: {@code (a, b) op (x, y)} compares element by element (the
 * leftmost unequal pair decides; a NULL met before that makes it NULL), either side may be a
 * subquery of as many columns (its first row, NULLs when it has none); {@code (a, b) IN (SELECT
 * x, y ...)} and {@code IN ((..), (..))}; BETWEEN. Everything is rewritten into scalar
 * comparisons. Anywhere else a row value is "row value misused".
 */
final class RowValues {
  private RowValues() {}

  static SqlException misused() {
    return SqlException.error("row value misused");
  }

  /** Whether a comparison {@code left op right} needs the row-value rules. */
  static boolean involved(Expr left, Expr right) {
    return left instanceof RowValue || right instanceof RowValue
        || left instanceof Subquery || right instanceof Subquery;
  }

  /** The elements of one side of a comparison. */
  private static List<BoundExpr> vector(ExprBinder binder, Expr e) {
    List<BoundExpr> out = new ArrayList<>();
    if (e instanceof RowValue r) {
      for (Expr v : r.values()) {
        out.add(binder.bind(v));
      }
    } else if (e instanceof Subquery q) {
      QueryBinder.Bound sub = binder.queries().bindSubquery(q.select(), binder.scope());
      PlanNode root = sub.correlated() ? sub.root() : new PlanNode.Materialize(sub.root());
      for (int i = 0; i < root.width(); i++) {
        PlanNode one = root.width() == 1
            ? sub.root()
            : new PlanNode.Project(root, List.of(
                new BoundExpr.Column(i, sub.affinities().get(i), sub.names().get(i))));
        out.add(new BoundExpr.Subquery(
            BoundExpr.SubqueryKind.SCALAR, one, sub.correlated(), null, null, false));
      }
    } else {
      out.add(binder.bind(e));
    }
    return out;
  }

  /** {@code left op right} where a side is a row value or a subquery. */
  static BoundExpr compare(ExprBinder binder, BinaryOp op, Expr left, Expr right) {
    List<BoundExpr> l = vector(binder, left);
    List<BoundExpr> r = vector(binder, right);
    if (l.size() != r.size()) {
      throw misused();
    }
    return compare(op, l, r);
  }

  private static BoundExpr compare(BinaryOp op, List<BoundExpr> l, List<BoundExpr> r) {
    int n = l.size();
    if (n == 1) {
      return ExprBinder.comparisonOrOperator(op, l.get(0), r.get(0));
    }
    switch (op) {
      case EQ, IS -> {
        return all(BinaryOp.AND, op, l, r);
      }
      case NE, IS_NOT -> {
        return all(BinaryOp.OR, op, l, r);
      }
      case LT, LE, GT, GE -> {
        BinaryOp strict = op == BinaryOp.LT || op == BinaryOp.LE ? BinaryOp.LT : BinaryOp.GT;
        BoundExpr result = ExprBinder.comparisonOrOperator(op, l.get(n - 1), r.get(n - 1));
        for (int i = n - 2; i >= 0; i--) {
          BoundExpr equal = ExprBinder.comparisonOrOperator(BinaryOp.EQ, l.get(i), r.get(i));
          BoundExpr less = ExprBinder.comparisonOrOperator(strict, l.get(i), r.get(i));
          result = new BoundExpr.Binary(BinaryOp.OR, less,
              new BoundExpr.Binary(BinaryOp.AND, equal, result, null), null);
        }
        return result;
      }
      default -> throw misused();
    }
  }

  private static BoundExpr all(
      BinaryOp join, BinaryOp op, List<BoundExpr> l, List<BoundExpr> r) {
    BoundExpr result = null;
    for (int i = 0; i < l.size(); i++) {
      BoundExpr term = ExprBinder.comparisonOrOperator(op, l.get(i), r.get(i));
      result = result == null ? term : new BoundExpr.Binary(join, result, term, null);
    }
    return result;
  }

  /** {@code x [NOT] BETWEEN lo AND hi} with row values. */
  static BoundExpr between(ExprBinder binder, Between b) {
    BoundExpr both = new BoundExpr.Binary(BinaryOp.AND,
        compare(binder, BinaryOp.GE, b.expr(), b.low()),
        compare(binder, BinaryOp.LE, b.expr(), b.high()), null);
    return b.not() ? new BoundExpr.Unary(UnaryOp.NOT, both) : both;
  }

  /** {@code (a, b) [NOT] IN ((x, y), ...)}: any element-wise equal. */
  static BoundExpr inList(ExprBinder binder, InList in) {
    List<BoundExpr> l = vector(binder, in.expr());
    BoundExpr any = null;
    for (Expr item : in.values()) {
      if (!(item instanceof RowValue) || ((RowValue) item).values().size() != l.size()) {
        throw misused();
      }
      BoundExpr eq = compare(BinaryOp.EQ, l, vector(binder, item));
      any = any == null ? eq : new BoundExpr.Binary(BinaryOp.OR, any, eq, null);
    }
    if (any == null) {
      return new BoundExpr.Constant(Value.of(in.not() ? 1L : 0L));
    }
    return in.not() ? new BoundExpr.Unary(UnaryOp.NOT, any) : any;
  }

  /**
   * {@code (a, b) [NOT] IN (SELECT x, y ...)}: 1 when some row equals, else NULL when some row
   * could equal (a NULL comparison and no unequal pair), else 0; negated for NOT IN.
   */
  static BoundExpr inSelect(ExprBinder binder, InSelect in) {
    List<BoundExpr> l = vector(binder, in.expr());
    QueryBinder.Bound sub = binder.queries().bindSubquery(in.select(), binder.scope());
    int width = sub.root().width();
    if (width != l.size()) {
      throw SqlException.error(
          "sub-select returns " + width + " columns - expected " + l.size());
    }
    BoundExpr match = null;
    for (int i = 0; i < width; i++) {
      BoundExpr operand = outward(l.get(i));
      BoundExpr column =
          new BoundExpr.Column(i, sub.affinities().get(i), sub.names().get(i));
      BoundExpr eq = new BoundExpr.Binary(BinaryOp.EQ, operand, column,
          inAffinity(l.get(i).affinity(), sub.affinities().get(i)),
          CompareRules.collation(operand, column));
      match = match == null ? eq : new BoundExpr.Binary(BinaryOp.AND, match, eq, null);
    }
    PlanNode rows = sub.correlated() ? sub.root() : new PlanNode.Materialize(sub.root());
    BoundExpr found = new BoundExpr.Subquery(BoundExpr.SubqueryKind.EXISTS,
        new PlanNode.Filter(rows, match), true, null, null, false);
    BoundExpr maybe = new BoundExpr.Subquery(BoundExpr.SubqueryKind.EXISTS,
        new PlanNode.Filter(rows, new BoundExpr.IsNull(match, false)), true, null, null,
        false);
    Value yes = Value.of(in.not() ? 0L : 1L);
    Value no = Value.of(in.not() ? 1L : 0L);
    return new BoundExpr.Case(null, List.of(found, maybe),
        List.of(new BoundExpr.Constant(yes), new BoundExpr.Constant(Value.NULL)),
        new BoundExpr.Constant(no));
  }

  /** The affinity of an IN comparison, as for a scalar {@code x IN (SELECT y ...)}. */
  private static Affinity inAffinity(Affinity a, Affinity b) {
    if (a != null && b != null) {
      return a.isNumeric() || b.isNumeric() ? Affinity.NUMERIC : Affinity.BLOB;
    }
    return a != null ? a : b;
  }

  /**
   * {@code e} as read from inside a subquery of the query it was bound in: its columns become
   * outer references one level out, its outer references one level further.
   */
  private static BoundExpr outward(BoundExpr e) {
    if (e instanceof BoundExpr.Column c) {
      return new BoundExpr.Outer(1, c.index(), c.affinity(), c.name());
    } else if (e instanceof BoundExpr.Outer o) {
      return new BoundExpr.Outer(o.depth() + 1, o.index(), o.affinity(), o.name());
    } else if (e instanceof BoundExpr.Constant || e instanceof BoundExpr.Parameter) {
      return e;
    } else if (e instanceof BoundExpr.Unary u) {
      return new BoundExpr.Unary(u.op(), outward(u.operand()));
    } else if (e instanceof BoundExpr.Binary b) {
      return new BoundExpr.Binary(b.op(), outward(b.left()), outward(b.right()),
          b.compareAffinity(), b.compareCollation());
    } else if (e instanceof BoundExpr.Cast c) {
      return new BoundExpr.Cast(outward(c.operand()), c.target());
    } else if (e instanceof BoundExpr.Collate c) {
      return new BoundExpr.Collate(outward(c.operand()), c.name());
    } else if (e instanceof BoundExpr.IsNull n) {
      return new BoundExpr.IsNull(outward(n.operand()), n.negated());
    } else if (e instanceof BoundExpr.Function f) {
      return new BoundExpr.Function(f.name(), f.args().stream().map(RowValues::outward).toList());
    }
    throw SqlException.error("not supported yet: this expression in a row value IN");
  }
}
