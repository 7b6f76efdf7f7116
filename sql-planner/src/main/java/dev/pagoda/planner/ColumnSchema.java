package dev.pagoda.planner;

import static java.util.Objects.requireNonNull;

import dev.pagoda.parser.ast.Expr;

/**
 * One column of a table as the catalog knows it.
 *
 * @param name the column name, exact case
 * @param declaredType the declared type text, or "" when there is none
 * @param affinity the affinity derived from {@code declaredType}
 * @param notNull whether a NOT NULL constraint applies
 * @param primaryKey whether the column is (part of) the PRIMARY KEY
 * @param defaultValue the DEFAULT expression, or null for NULL
 * @param collation the declared COLLATE name as written, or null when none is declared
 */
public record ColumnSchema(
    String name,
    String declaredType,
    Affinity affinity,
    boolean notNull,
    boolean primaryKey,
    Expr defaultValue,
    String collation) {
  public ColumnSchema {
    requireNonNull(name, "name");
    requireNonNull(declaredType, "declaredType");
    requireNonNull(affinity, "affinity");
  }

  /** A column without a declared collation. */
  public ColumnSchema(String name, String declaredType, Affinity affinity, boolean notNull,
      boolean primaryKey, Expr defaultValue) {
    this(name, declaredType, affinity, notNull, primaryKey, defaultValue, null);
  }
}
