package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code ATTACH [DATABASE] file AS schema [KEY key]}. Both names are expressions, as in SQLite; a
 * bare identifier there is read as its name by the engine. key is null when absent.
 */
public record Attach(Expr file, Expr schema, Expr key) implements Statement {
  public Attach {
    requireNonNull(file, "file");
    requireNonNull(schema, "schema");
  }
}
