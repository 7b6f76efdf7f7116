package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code DROP TABLE [IF EXISTS] name}. */
public record DropTable(boolean ifExists, QualifiedName name) implements Statement {
  public DropTable {
    requireNonNull(name, "name");
  }
}
