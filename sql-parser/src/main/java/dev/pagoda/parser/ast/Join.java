package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code left [NATURAL] kind JOIN right [ON on | USING (using)]}. A FROM list is a left-deep tree
 * of these; a parenthesized join on the right, {@code a JOIN (b JOIN c)}, is a Join as {@code
 * right}. {@code on} is null and {@code using} empty when not written.
 */
public record Join(
    JoinKind kind, boolean natural, FromItem left, FromItem right, Expr on, List<String> using)
    implements FromItem {
  public Join {
    requireNonNull(kind, "kind");
    requireNonNull(left, "left");
    requireNonNull(right, "right");
    using = List.copyOf(using);
    if (on != null && !using.isEmpty()) {
      throw new IllegalArgumentException("both ON and USING");
    }
  }
}
