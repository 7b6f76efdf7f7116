package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code expr [NOT] LIKE|GLOB|REGEXP|MATCH pattern [ESCAPE escape]}; escape nullable. */
public record Like(Expr expr, LikeOp op, boolean not, Expr pattern, Expr escape) implements Expr {
  public Like {
    requireNonNull(expr, "expr");
    requireNonNull(op, "op");
    requireNonNull(pattern, "pattern");
  }
}
