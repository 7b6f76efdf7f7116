package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code CAST(expr AS type)}; {@code type} is null for SQLite's legal {@code CAST(x AS)}. */
public record Cast(Expr expr, TypeName type) implements Expr {
  public Cast {
    requireNonNull(expr, "expr");
  }
}
