package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code [schema.]name}, both dequoted; schema is null when absent. */
public record QualifiedName(String schema, String name) {
  public QualifiedName {
    requireNonNull(name, "name");
  }

  public static QualifiedName of(String name) {
    return new QualifiedName(null, name);
  }
}
