package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * {@code expr [ASC|DESC] [NULLS FIRST|LAST]} in ORDER BY, and an indexed column of a PRIMARY KEY
 * or UNIQUE table constraint or of a {@link CreateIndex}. order and nulls are null when not
 * written.
 */
public record OrderingTerm(Expr expr, SortOrder order, NullsOrder nulls) {
  public OrderingTerm {
    requireNonNull(expr, "expr");
  }

  public static OrderingTerm of(Expr expr) {
    return new OrderingTerm(expr, null, null);
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof OrderingTerm that
            && expr.equals(that.expr)
            && order == that.order
            && nulls == that.nulls);
  }

  @Override
  public int hashCode() {
    int h = expr.hashCode();
    h = 31 * h + Objects.hashCode(order);
    h = 31 * h + Objects.hashCode(nulls);
    return h;
  }
}
