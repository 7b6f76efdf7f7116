package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code RELEASE [SAVEPOINT] name}, name dequoted. */
public record Release(String name) implements Statement {
  public Release {
    requireNonNull(name, "name");
  }
}
