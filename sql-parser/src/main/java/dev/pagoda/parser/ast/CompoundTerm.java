package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code op core}: one further core of a compound SELECT (see {@link Select}). */
public record CompoundTerm(CompoundOperator op, Select select) {
  public CompoundTerm {
    requireNonNull(op, "op");
    requireNonNull(select, "select");
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof CompoundTerm that
            && op == that.op
            && select.equals(that.select));
  }

  @Override
  public int hashCode() {
    int h = op.hashCode();
    h = 31 * h + select.hashCode();
    return h;
  }
}
