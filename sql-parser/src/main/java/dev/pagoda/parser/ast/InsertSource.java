package dev.pagoda.parser.ast;

import java.util.List;

/** Where an INSERT's rows come from. */
public sealed interface InsertSource {
  /**
   * {@code VALUES (..), (..)}: a plain VALUES list. A VALUES list with a compound operator after
   * it is a {@link FromSelect}.
   */
  record Values(List<List<Expr>> rows) implements InsertSource {
    public Values {
      rows = rows.stream().map(List::copyOf).toList();
      if (rows.isEmpty()) {
        throw new IllegalArgumentException("VALUES needs a row");
      }
    }
  }

  /** {@code INSERT ... SELECT}. */
  record FromSelect(Select select) implements InsertSource {
    public FromSelect {
      java.util.Objects.requireNonNull(select, "select");
    }
  }

  /** {@code DEFAULT VALUES}. */
  record DefaultValues() implements InsertSource {}
}
