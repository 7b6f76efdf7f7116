package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code expr [NOT] BETWEEN low AND high}. */
public record Between(Expr expr, boolean not, Expr low, Expr high) implements Expr {
  public Between {
    requireNonNull(expr, "expr");
    requireNonNull(low, "low");
    requireNonNull(high, "high");
  }

  /**
   * Component-wise, as a record's; written out because the generated one takes several stack
   * frames per level, too many for the deepest trees SQLite accepts.
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Between that
            && expr.equals(that.expr)
            && not == that.not
            && low.equals(that.low)
            && high.equals(that.high));
  }

  @Override
  public int hashCode() {
    int h = expr.hashCode();
    h = 31 * h + (not ? 1231 : 1237);
    h = 31 * h + low.hashCode();
    h = 31 * h + high.hashCode();
    return h;
  }
}
