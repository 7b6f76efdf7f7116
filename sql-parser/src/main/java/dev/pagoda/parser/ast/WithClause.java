package dev.pagoda.parser.ast;

import java.util.List;

/** {@code WITH [RECURSIVE] cte, ...}. */
public record WithClause(boolean recursive, List<CommonTableExpr> tables) {
  public WithClause {
    tables = List.copyOf(tables);
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("WITH needs a table");
    }
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof WithClause that
            && recursive == that.recursive
            && tables.equals(that.tables));
  }

  @Override
  public int hashCode() {
    int h = (recursive ? 1231 : 1237);
    h = 31 * h + tables.hashCode();
    return h;
  }
}
