package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** A scalar subquery {@code (select)}. */
public record Subquery(Select select) implements Expr {
  public Subquery {
    requireNonNull(select, "select");
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Subquery that
            && select.equals(that.select));
  }

  @Override
  public int hashCode() {
    int h = select.hashCode();
    return h;
  }
}
