package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code DETACH [DATABASE] schema}; the schema is an expression, as in SQLite. */
public record Detach(Expr schema) implements Statement {
  public Detach {
    requireNonNull(schema, "schema");
  }
}
