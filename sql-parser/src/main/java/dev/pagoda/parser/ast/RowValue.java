package dev.pagoda.parser.ast;

import java.util.List;

/** A row value {@code (a, b, ...)} of two or more expressions. */
public record RowValue(List<Expr> values) implements Expr {
  public RowValue {
    values = List.copyOf(values);
    if (values.size() < 2) {
      throw new IllegalArgumentException("a row value has at least two terms");
    }
  }

  /**
   * Component-wise, as a record's; written out because the generated one takes several stack
   * frames per level, too many for the deepest trees SQLite accepts.
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof RowValue that
            && values.equals(that.values));
  }

  @Override
  public int hashCode() {
    int h = values.hashCode();
    return h;
  }
}
