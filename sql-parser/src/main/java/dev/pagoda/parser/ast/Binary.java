package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

public record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
  public Binary {
    requireNonNull(op, "op");
    requireNonNull(left, "left");
    requireNonNull(right, "right");
  }

  /**
   * Component-wise, as a record's; written out because the generated one takes several stack
   * frames per level, too many for the deepest trees SQLite accepts.
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Binary that
            && op == that.op
            && left.equals(that.left)
            && right.equals(that.right));
  }

  @Override
  public int hashCode() {
    int h = op.hashCode();
    h = 31 * h + left.hashCode();
    h = 31 * h + right.hashCode();
    return h;
  }
}
