package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/** {@code expr [NOT] LIKE|GLOB|REGEXP|MATCH pattern [ESCAPE escape]}; escape nullable. */
public record Like(Expr expr, LikeOp op, boolean not, Expr pattern, Expr escape) implements Expr {
  public Like {
    requireNonNull(expr, "expr");
    requireNonNull(op, "op");
    requireNonNull(pattern, "pattern");
  }

  /**
   * Component-wise, as a record's; written out because the generated one takes several stack
   * frames per level, too many for the deepest trees SQLite accepts.
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Like that
            && expr.equals(that.expr)
            && op == that.op
            && not == that.not
            && pattern.equals(that.pattern)
            && Objects.equals(escape, that.escape));
  }

  @Override
  public int hashCode() {
    int h = expr.hashCode();
    h = 31 * h + op.hashCode();
    h = 31 * h + (not ? 1231 : 1237);
    h = 31 * h + pattern.hashCode();
    h = 31 * h + Objects.hashCode(escape);
    return h;
  }
}
