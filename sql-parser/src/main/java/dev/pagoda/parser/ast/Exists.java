package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code EXISTS (select)}; {@code NOT EXISTS} is a {@link Unary} NOT around it. */
public record Exists(Select select) implements Expr {
  public Exists {
    requireNonNull(select, "select");
  }
}
