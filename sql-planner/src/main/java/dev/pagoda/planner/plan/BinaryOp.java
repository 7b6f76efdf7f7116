package dev.pagoda.planner.plan;

/** Infix operators after binding. */
public enum BinaryOp {
  OR,
  AND,
  EQ,
  NE,
  IS,
  IS_NOT,
  LT,
  LE,
  GT,
  GE,
  BITAND,
  BITOR,
  SHL,
  SHR,
  ADD,
  SUB,
  MUL,
  DIV,
  MOD,
  CONCAT;

  /** Whether this operator compares its operands (and so applies a comparison affinity). */
  public boolean isComparison() {
    return switch (this) {
      case EQ, NE, IS, IS_NOT, LT, LE, GT, GE -> true;
      default -> false;
    };
  }
}
