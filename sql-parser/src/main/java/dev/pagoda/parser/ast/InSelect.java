package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code expr [NOT] IN (select)}. */
public record InSelect(Expr expr, boolean not, Select select) implements Expr {
  public InSelect {
    requireNonNull(expr, "expr");
    requireNonNull(select, "select");
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof InSelect that
            && expr.equals(that.expr)
            && not == that.not
            && select.equals(that.select));
  }

  @Override
  public int hashCode() {
    int h = expr.hashCode();
    h = 31 * h + (not ? 1231 : 1237);
    h = 31 * h + select.hashCode();
    return h;
  }
}
