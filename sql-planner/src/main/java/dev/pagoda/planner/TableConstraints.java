package dev.pagoda.planner;

import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.Expr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The constraints of a table that writes enforce beyond column types: CHECK constraints and the
 * ON CONFLICT clauses written on NOT NULL and on the INTEGER PRIMARY KEY.
 *
 * @param checks the CHECK constraints, table and column ones, in the order SQLite evaluates them
 * @param notNullOnConflict per column, the ON CONFLICT action of its NOT NULL constraint, or null
 *     when none is written (an unmodifiable list that may hold nulls)
 * @param rowidOnConflict the ON CONFLICT action of the INTEGER PRIMARY KEY, or null
 * @param autoIndexes the automatic indexes ({@code sqlite_autoindex_T_N}) of the UNIQUE and
 *     non-rowid PRIMARY KEY constraints, in creation order, with root page 0
 */
public record TableConstraints(
    List<Check> checks, List<ConflictAction> notNullOnConflict, ConflictAction rowidOnConflict,
    List<IndexSchema> autoIndexes) {
  /** No CHECK constraint, no ON CONFLICT clause, no automatic index. */
  public static final TableConstraints NONE =
      new TableConstraints(List.of(), List.of(), null, List.of());

  public TableConstraints {
    checks = List.copyOf(checks);
    autoIndexes = List.copyOf(autoIndexes);
    notNullOnConflict = Collections.unmodifiableList(new ArrayList<>(notNullOnConflict));
  }

  /** The automatic index named {@code name}, or null. */
  public IndexSchema autoIndex(String name) {
    for (IndexSchema index : autoIndexes) {
      if (index.name().equalsIgnoreCase(name)) {
        return index;
      }
    }
    return null;
  }

  /** The NOT NULL ON CONFLICT action of column {@code column}, or null when none is written. */
  public ConflictAction notNullOnConflict(int column) {
    return column < notNullOnConflict.size() ? notNullOnConflict.get(column) : null;
  }

  /**
   * One CHECK constraint.
   *
   * @param name what {@code CHECK constraint failed: ...} names: the constraint's name, else its
   *     expression's text as written
   * @param expr the expression, over the table's columns
   */
  public record Check(String name, Expr expr) {
    public Check {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(expr, "expr");
    }
  }
}
