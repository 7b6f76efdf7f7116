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
}
