package dev.pagoda.planner;

import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Literal;
import dev.pagoda.parser.ast.LiteralKind;
import dev.pagoda.parser.ast.NullsOrder;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.SortOrder;
import dev.pagoda.parser.ast.Unary;
import dev.pagoda.parser.ast.UnaryOp;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** ORDER BY and GROUP BY terms that name result columns, as SQLite resolves them. */
final class OrderBy {
  private OrderBy() {}

  /**
   * The result column an integer-constant term names (0-based), -1 when the term is not one.
   *
   * @throws SqlException when the number is out of range
   */
  static int ordinal(Expr e, int termIndex, String clause, int width) {
    OptionalLong v = integerConstant(e);
    if (v.isEmpty()) {
      return -1;
    }
    long k = v.getAsLong();
    if (k < 1 || k > width) {
      throw SqlException.error(
          nth(termIndex + 1) + " " + clause + " term out of range - should be between 1 and "
              + width);
    }
    return (int) k - 1;
  }

  /**
   * The value of an integer constant as sqlite3ExprIsInteger sees one: an INTEGER literal that
   * fits in 32 bits, under any number of unary minus and plus signs; empty for anything else.
   */
  private static OptionalLong integerConstant(Expr e) {
    if (e instanceof Literal l && l.kind() == LiteralKind.INTEGER) {
      OptionalLong v = l.integerValue();
      return v.isPresent() && v.getAsLong() <= Integer.MAX_VALUE ? v : OptionalLong.empty();
    }
    if (e instanceof Unary u && (u.op() == UnaryOp.NEGATE || u.op() == UnaryOp.PLUS)) {
      OptionalLong v = integerConstant(u.operand());
      return v.isEmpty() || u.op() == UnaryOp.PLUS ? v : OptionalLong.of(-v.getAsLong());
    }
    return OptionalLong.empty();
  }

  /** The result column whose alias (or name) an unqualified identifier term is, or -1. */
  static int alias(Expr e, List<String> aliases) {
    if (e instanceof ColumnRef c && c.table() == null) {
      for (int i = 0; i < aliases.size(); i++) {
        if (aliases.get(i) != null && aliases.get(i).equalsIgnoreCase(c.column())) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The term without a COLLATE around it. */
  static Expr stripCollate(Expr e) {
    return e instanceof Collate c ? stripCollate(c.expr()) : e;
  }

  /** The collation written on the term, or null. */
  static String collation(Expr e) {
    return e instanceof Collate c ? c.collation() : null;
  }

  /** The sort key of one term over column {@code column}. */
  static PlanNode.SortKey key(OrderingTerm term, int column, String collation) {
    boolean descending = term.order() == SortOrder.DESC;
    boolean nullsLast = term.nulls() == null ? descending : term.nulls() == NullsOrder.LAST;
    return new PlanNode.SortKey(column, descending, nullsLast, collation);
  }

  /**
   * The keys of a compound SELECT's ORDER BY: each term names a result column by position, by
   * name, or by being the same expression as a result column of one of the SELECTs; without a
   * COLLATE it sorts under the column's collation ({@code collations}, null entries: BINARY).
   */
  static List<PlanNode.SortKey> compoundKeys(
      List<OrderingTerm> terms, List<String> names, List<List<Expr>> coreExprs,
      List<String> collations) {
    List<PlanNode.SortKey> keys = new ArrayList<>();
    for (int t = 0; t < terms.size(); t++) {
      OrderingTerm term = terms.get(t);
      Expr e = stripCollate(term.expr());
      int column = ordinal(e, t, "ORDER BY", names.size());
      if (column < 0) {
        column = alias(e, names);
      }
      if (column < 0) {
        column = matchCores(e, coreExprs);
      }
      if (column < 0) {
        throw SqlException.error(
            nth(t + 1) + " ORDER BY term does not match any column in the result set");
      }
      String collation = collation(term.expr());
      keys.add(key(term, column, collation != null ? collation : collations.get(column)));
    }
    return keys;
  }

  /**
   * The result column a compound's ORDER BY expression is, trying the SELECTs from the left: the
   * same expression, or for {@code q.c} a column reference to {@code c} unqualified or qualified
   * by {@code q}; -1 when none.
   */
  private static int matchCores(Expr e, List<List<Expr>> coreExprs) {
    for (List<Expr> exprs : coreExprs) {
      int i = exprs.indexOf(e);
      if (i >= 0) {
        return i;
      }
      if (e instanceof ColumnRef ref && ref.table() != null) {
        for (i = 0; i < exprs.size(); i++) {
          if (exprs.get(i) instanceof ColumnRef c && c.column().equalsIgnoreCase(ref.column())
              && (c.table() == null || c.table().equalsIgnoreCase(ref.table()))) {
            return i;
          }
        }
      }
    }
    return -1;
  }

  /** 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st. */
  static String nth(int n) {
    int mod100 = n % 100;
    String suffix;
    if (mod100 >= 11 && mod100 <= 13) {
      suffix = "th";
    } else {
      suffix = switch (n % 10) {
        case 1 -> "st";
        case 2 -> "nd";
        case 3 -> "rd";
        default -> "th";
      };
    }
    return n + suffix;
  }
}
