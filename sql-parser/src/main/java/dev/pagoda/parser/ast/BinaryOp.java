package dev.pagoda.parser.ast;

/** A binary operator. {@code ==} is {@link #EQ} and {@code <>} is {@link #NE}; {@code IS NOT DISTINCT FROM} is {@link #IS} and {@code IS DISTINCT FROM} is {@link #IS_NOT}; {@code ->} is {@link #JSON_EXTRACT} and {@code ->>} is {@link #JSON_EXTRACT_VALUE}. */
public enum BinaryOp {
  OR("OR"),
  AND("AND"),
  EQ("="),
  NE("!="),
  IS("IS"),
  IS_NOT("IS NOT"),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  BIT_AND("&"),
  BIT_OR("|"),
  LSHIFT("<<"),
  RSHIFT(">>"),
  ADD("+"),
  SUBTRACT("-"),
  MULTIPLY("*"),
  DIVIDE("/"),
  REMAINDER("%"),
  CONCAT("||"),
  JSON_EXTRACT("->"),
  JSON_EXTRACT_VALUE("->>");

  private final String symbol;

  BinaryOp(String symbol) {
    this.symbol = symbol;
  }

  /** The binaryOp as written in SQL. */
  public String symbol() {
    return symbol;
  }
}
