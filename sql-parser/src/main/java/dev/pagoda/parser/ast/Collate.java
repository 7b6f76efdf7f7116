package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code expr COLLATE collation}; the collation name is dequoted. */
public record Collate(Expr expr, String collation) implements Expr {
  public Collate {
    requireNonNull(expr, "expr");
    requireNonNull(collation, "collation");
  }
}
