package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** One {@code name AS (definition)} of a SELECT's WINDOW clause; the name is dequoted. */
public record NamedWindow(String name, WindowDefinition definition) {
  public NamedWindow {
    requireNonNull(name, "name");
    requireNonNull(definition, "definition");
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof NamedWindow that
            && name.equals(that.name)
            && definition.equals(that.definition));
  }

  @Override
  public int hashCode() {
    int h = name.hashCode();
    h = 31 * h + definition.hashCode();
    return h;
  }
}
