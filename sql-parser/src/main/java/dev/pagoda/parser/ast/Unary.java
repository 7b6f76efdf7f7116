package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

public record Unary(UnaryOp op, Expr operand) implements Expr {
  public Unary {
    requireNonNull(op, "op");
    requireNonNull(operand, "operand");
  }

  /**
   * Component-wise, as a record's; written out because the generated one takes several stack
   * frames per level, too many for the deepest trees SQLite accepts.
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Unary that
            && op == that.op
            && operand.equals(that.operand));
  }

  @Override
  public int hashCode() {
    int h = op.hashCode();
    h = 31 * h + operand.hashCode();
    return h;
  }
}
