package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;

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

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Join that
            && kind == that.kind
            && natural == that.natural
            && left.equals(that.left)
            && right.equals(that.right)
            && Objects.equals(on, that.on)
            && using.equals(that.using));
  }

  @Override
  public int hashCode() {
    int h = kind.hashCode();
    h = 31 * h + (natural ? 1231 : 1237);
    h = 31 * h + left.hashCode();
    h = 31 * h + right.hashCode();
    h = 31 * h + Objects.hashCode(on);
    h = 31 * h + using.hashCode();
    return h;
  }
}
