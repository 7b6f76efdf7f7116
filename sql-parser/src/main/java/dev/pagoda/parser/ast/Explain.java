package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code EXPLAIN statement} or, when queryPlan, {@code EXPLAIN QUERY PLAN statement}. The statement
 * is never itself an Explain.
 */
public record Explain(boolean queryPlan, Statement statement) implements Statement {
  public Explain {
    requireNonNull(statement, "statement");
    if (statement instanceof Explain) {
      throw new IllegalArgumentException("nested EXPLAIN");
    }
  }
}
