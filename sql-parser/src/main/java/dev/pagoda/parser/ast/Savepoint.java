package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code SAVEPOINT name}, name dequoted. */
public record Savepoint(String name) implements Statement {
  public Savepoint {
    requireNonNull(name, "name");
  }
}
