package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code expr COLLATE collation}; the collation name is dequoted. */
public record Collate(Expr expr, String collation) implements Expr {
  public Collate {
    requireNonNull(expr, "expr");
    requireNonNull(collation, "collation");
  }

  /**
   * Component-wise, as a record's; written out because the generated one takes several stack
   * frames per level, too many for the deepest trees SQLite accepts.
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Collate that
            && expr.equals(that.expr)
            && collation.equals(that.collation));
  }

  @Override
  public int hashCode() {
    int h = expr.hashCode();
    h = 31 * h + collation.hashCode();
    return h;
  }
}
