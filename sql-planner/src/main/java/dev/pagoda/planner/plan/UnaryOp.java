package dev.pagoda.planner.plan;

/** Prefix operators. */
public enum UnaryOp {
  NEGATE,
  PLUS,
  NOT,
  BITNOT
}
