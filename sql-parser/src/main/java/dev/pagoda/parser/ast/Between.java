package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code expr [NOT] BETWEEN low AND high}. */
public record Between(Expr expr, boolean not, Expr low, Expr high) implements Expr {
  public Between {
    requireNonNull(expr, "expr");
    requireNonNull(low, "low");
    requireNonNull(high, "high");
  }
}
