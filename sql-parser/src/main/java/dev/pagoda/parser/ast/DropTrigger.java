package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code DROP TRIGGER [IF EXISTS] [schema.]name}. */
public record DropTrigger(boolean ifExists, QualifiedName name) implements Statement {
  public DropTrigger {
    requireNonNull(name, "name");
  }
}
