package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code expr [NOT] IN (values)}; SQLite allows an empty list. */
public record InList(Expr expr, boolean not, List<Expr> values) implements Expr {
  public InList {
    requireNonNull(expr, "expr");
    values = List.copyOf(values);
  }

  /**
   * Component-wise, as a record's; written out because the generated one takes several stack
   * frames per level, too many for the deepest trees SQLite accepts.
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof InList that
            && expr.equals(that.expr)
            && not == that.not
            && values.equals(that.values));
  }

  @Override
  public int hashCode() {
    int h = expr.hashCode();
    h = 31 * h + (not ? 1231 : 1237);
    h = 31 * h + values.hashCode();
    return h;
  }
}
