package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

public record Unary(UnaryOp op, Expr operand) implements Expr {
  public Unary {
    requireNonNull(op, "op");
    requireNonNull(operand, "operand");
  }
}
