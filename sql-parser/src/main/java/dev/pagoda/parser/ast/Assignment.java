package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One item of an UPDATE's or upsert's {@code SET} list: {@code column = value}, or {@code (c1, c2,
 * ...) = value} when {@code parenthesized} (then value is a row value or a subquery giving one
 * value per column; SQLite checks a row value's width while parsing, a subquery's later). A
 * parenthesized single column is kept apart from a bare one, since SQLite treats {@code (a) =
 * (SELECT ...)} as a one-column vector assignment.
 */
public record Assignment(List<String> columns, Expr value, boolean parenthesized) {
  public Assignment {
    columns = List.copyOf(columns);
    requireNonNull(value, "value");
    if (columns.isEmpty() || (columns.size() > 1 && !parenthesized)) {
      throw new IllegalArgumentException("one column, or a parenthesized list");
    }
  }

  /** {@code column = value}. */
  public static Assignment of(String column, Expr value) {
    return new Assignment(List.of(column), value, false);
  }
}
