package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** A scalar subquery {@code (select)}. */
public record Subquery(Select select) implements Expr {
  public Subquery {
    requireNonNull(select, "select");
  }
}
