package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

public record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
  public Binary {
    requireNonNull(op, "op");
    requireNonNull(left, "left");
    requireNonNull(right, "right");
  }
}
