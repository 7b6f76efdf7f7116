package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code op core}: one further core of a compound SELECT (see {@link Select}). */
public record CompoundTerm(CompoundOperator op, Select select) {
  public CompoundTerm {
    requireNonNull(op, "op");
    requireNonNull(select, "select");
  }
}
