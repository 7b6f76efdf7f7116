package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;

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
    /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
    @Override
    public boolean equals(Object o) {
      return o == this
          || (o instanceof When that
              && condition.equals(that.condition)
              && result.equals(that.result));
    }

    @Override
    public int hashCode() {
      int h = condition.hashCode();
      h = 31 * h + result.hashCode();
      return h;
    }
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Case that
            && Objects.equals(operand, that.operand)
            && whens.equals(that.whens)
            && Objects.equals(elseExpr, that.elseExpr));
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(operand);
    h = 31 * h + whens.hashCode();
    h = 31 * h + Objects.hashCode(elseExpr);
    return h;
  }
}
