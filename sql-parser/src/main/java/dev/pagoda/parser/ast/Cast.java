package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/** {@code CAST(expr AS type)}; {@code type} is null for SQLite's legal {@code CAST(x AS)}. */
public record Cast(Expr expr, TypeName type) implements Expr {
  public Cast {
    requireNonNull(expr, "expr");
  }

  /**
   * Component-wise, as a record's; written out because the generated one takes several stack
   * frames per level, too many for the deepest trees SQLite accepts.
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Cast that
            && expr.equals(that.expr)
            && Objects.equals(type, that.type));
  }

  @Override
  public int hashCode() {
    int h = expr.hashCode();
    h = 31 * h + Objects.hashCode(type);
    return h;
  }
}
