package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code expr [NOT] IN (values)}; SQLite allows an empty list. */
public record InList(Expr expr, boolean not, List<Expr> values) implements Expr {
  public InList {
    requireNonNull(expr, "expr");
    values = List.copyOf(values);
  }
}
