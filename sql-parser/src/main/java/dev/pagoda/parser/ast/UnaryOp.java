package dev.pagoda.parser.ast;

/** A prefix operator: {@code -x}, {@code +x}, {@code ~x} or {@code NOT x}. */
public enum UnaryOp {
  NEGATE("-"),
  PLUS("+"),
  BIT_NOT("~"),
  NOT("NOT");

  private final String symbol;

  UnaryOp(String symbol) {
    this.symbol = symbol;
  }

  /** The unaryOp as written in SQL. */
  public String symbol() {
    return symbol;
  }
}
