package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code EXISTS (select)}; {@code NOT EXISTS} is a {@link Unary} NOT around it. */
public record Exists(Select select) implements Expr {
  public Exists {
    requireNonNull(select, "select");
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Exists that
            && select.equals(that.select));
  }

  @Override
  public int hashCode() {
    int h = select.hashCode();
    return h;
  }
}
