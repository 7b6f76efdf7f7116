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
}
