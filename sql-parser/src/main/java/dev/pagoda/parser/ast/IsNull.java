package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code expr IS NULL} ({@code ISNULL}) or, when {@code not}, {@code expr IS NOT NULL} ({@code
 * NOTNULL}, {@code NOT NULL}). As in SQLite, {@code x IS NULL} with a literal NULL on the right
 * becomes this node rather than a {@link Binary} IS.
 */
public record IsNull(Expr expr, boolean not) implements Expr {
  public IsNull {
    requireNonNull(expr, "expr");
  }

  /**
   * Component-wise, as a record's; written out because the generated one takes several stack
   * frames per level, too many for the deepest trees SQLite accepts.
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof IsNull that
            && expr.equals(that.expr)
            && not == that.not);
  }

  @Override
  public int hashCode() {
    int h = expr.hashCode();
    h = 31 * h + (not ? 1231 : 1237);
    return h;
  }
}
