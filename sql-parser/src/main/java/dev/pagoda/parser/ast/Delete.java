package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code [WITH ..] DELETE FROM target [WHERE where] [RETURNING returning] [ORDER BY orderBy]
 * [LIMIT limit [OFFSET offset]]}; the target as in {@link Update}.
 */
public record Delete(
    WithClause with,
    TableRef target,
    Expr where,
    List<ResultColumn> returning,
    List<OrderingTerm> orderBy,
    Expr limit,
    Expr offset)
    implements Statement {
  public Delete {
    requireNonNull(target, "target");
    returning = List.copyOf(returning);
    orderBy = List.copyOf(orderBy);
    if (offset != null && limit == null) {
      throw new IllegalArgumentException("OFFSET without LIMIT");
    }
  }
}
