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
}
