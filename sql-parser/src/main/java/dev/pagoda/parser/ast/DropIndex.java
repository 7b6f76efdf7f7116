package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code DROP INDEX [IF EXISTS] [schema.]name}. */
public record DropIndex(boolean ifExists, QualifiedName name) implements Statement {
  public DropIndex {
    requireNonNull(name, "name");
  }
}
