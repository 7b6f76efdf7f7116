package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code expr [NOT] IN (select)}. */
public record InSelect(Expr expr, boolean not, Select select) implements Expr {
  public InSelect {
    requireNonNull(expr, "expr");
    requireNonNull(select, "select");
  }
}
