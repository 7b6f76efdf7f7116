package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

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
}
