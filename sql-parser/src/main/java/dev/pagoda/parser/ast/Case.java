package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code CASE [operand] WHEN .. THEN .. [ELSE elseExpr] END}; operand and elseExpr nullable. */
public record Case(Expr operand, List<When> whens, Expr elseExpr) implements Expr {
  public Case {
    whens = List.copyOf(whens);
    if (whens.isEmpty()) {
      throw new IllegalArgumentException("CASE needs a WHEN");
    }
  }

  /** One {@code WHEN condition THEN result} arm. */
  public record When(Expr condition, Expr result) {
    public When {
      requireNonNull(condition, "condition");
      requireNonNull(result, "result");
    }
  }
}
