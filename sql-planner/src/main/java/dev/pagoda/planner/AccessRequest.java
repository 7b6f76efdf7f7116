package dev.pagoda.planner;

import dev.pagoda.planner.plan.BinaryOp;
import dev.pagoda.planner.plan.BoundExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What an {@link AccessPathRule} sees of one table in a query: the table, its indexes, where its
 * columns start in the joined row, and the terms that constrain it, already sorted into
 * comparisons of one of its columns with a value known before the table is read.
 *
 * @param offset where the table's columns start in the row the terms read
 * @param terms every term usable for the table
 * @param known tells whether an expression can be evaluated before the table is read (it reads
 *     only columns of earlier join steps, parameters, constants)
 */
public record AccessRequest(TableSchema table, List<IndexSchema> indexes, int offset,
    List<BoundExpr> terms, Predicate<BoundExpr> known) {
  public AccessRequest {
    indexes = List.copyOf(indexes);
    terms = List.copyOf(terms);
  }

  /**
   * A term {@code column op value} on one of the table's columns ({@code column} is the table's
   * column index, or {@code table.columns().size()} for the rowid), with the operator as seen from
   * the column's side and the comparison's affinity.
   */
  public record Comparison(
      int column, BinaryOp op, BoundExpr value, Affinity affinity, String collation) {}

  /** The terms of the form {@code column op value} with {@code value} known. */
  public List<Comparison> comparisons() {
    List<Comparison> out = new ArrayList<>();
    for (BoundExpr term : terms) {
      if (term instanceof BoundExpr.Binary b && isRangeOrEq(b.op())) {
        add(out, b.left(), b.op(), b.right(), b.compareAffinity(), b.compareCollation());
        add(out, b.right(), flip(b.op()), b.left(), b.compareAffinity(), b.compareCollation());
      }
    }
    return out;
  }

  /** The terms {@code column IN (v1, v2, ...)} with every value known. */
  public List<BoundExpr.InList> inLists() {
    List<BoundExpr.InList> out = new ArrayList<>();
    for (BoundExpr term : terms) {
      if (term instanceof BoundExpr.InList in && !in.negated() && column(in.operand()) >= 0
          && !in.items().isEmpty() && in.items().stream().allMatch(known)) {
        out.add(in);
      }
    }
    return out;
  }

  /** The table column {@code e} is ({@code columns().size()} for the rowid), or -1. */
  public int column(BoundExpr e) {
    if (e instanceof BoundExpr.Column c) {
      int i = c.index() - offset;
      if (i >= 0 && i <= table.columns().size()) {
        return i == table.rowidAlias() ? table.columns().size() : i;
      }
    }
    return -1;
  }

  private void add(List<Comparison> out, BoundExpr col, BinaryOp op, BoundExpr value,
      Affinity affinity, String collation) {
    int c = column(col);
    if (c >= 0 && known.test(value)) {
      out.add(new Comparison(c, op, value, affinity, collation));
    }
  }

  private static boolean isRangeOrEq(BinaryOp op) {
    return switch (op) {
      case EQ, IS, LT, LE, GT, GE -> true;
      default -> false;
    };
  }

  private static BinaryOp flip(BinaryOp op) {
    return switch (op) {
      case LT -> BinaryOp.GT;
      case LE -> BinaryOp.GE;
      case GT -> BinaryOp.LT;
      case GE -> BinaryOp.LE;
      default -> op;
    };
  }
}
