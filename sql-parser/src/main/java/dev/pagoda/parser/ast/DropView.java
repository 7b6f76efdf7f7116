package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code DROP VIEW [IF EXISTS] [schema.]name}. */
public record DropView(boolean ifExists, QualifiedName name) implements Statement {
  public DropView {
    requireNonNull(name, "name");
  }
}
