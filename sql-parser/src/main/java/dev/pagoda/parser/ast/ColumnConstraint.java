package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * A column constraint. {@code name} is the {@code CONSTRAINT name} written right before it, or null.
 * {@code onConflict} is null when no {@code ON CONFLICT} clause is written.
 */
public sealed interface ColumnConstraint {
  String name();

  /** {@code PRIMARY KEY [ASC|DESC] [ON CONFLICT x] [AUTOINCREMENT]}; order null when unwritten. */
  record PrimaryKey(String name, SortOrder order, ConflictAction onConflict, boolean autoincrement)
      implements ColumnConstraint {}

  /** {@code NOT NULL [ON CONFLICT x]}. */
  record NotNull(String name, ConflictAction onConflict) implements ColumnConstraint {}

  /** {@code NULL [ON CONFLICT x]}: accepted and ignored by SQLite. */
  record Null(String name, ConflictAction onConflict) implements ColumnConstraint {}

  /** {@code UNIQUE [ON CONFLICT x]}. */
  record Unique(String name, ConflictAction onConflict) implements ColumnConstraint {}

  /**
   * {@code CHECK (expr)}. {@code text} is the source between the parentheses, trimmed, which SQLite
   * uses to name an unnamed constraint in {@code CHECK constraint failed: ...}; null if built by hand.
   */
  record Check(String name, Expr expr, String text) implements ColumnConstraint {
    public Check {
      requireNonNull(expr, "expr");
    }
  }

  /**
   * {@code DEFAULT value}. {@code text} is what SQLite shows as {@code dflt_value}: the source text
   * of the value (between the parentheses when {@code parenthesized}), trimmed; null if built by
   * hand. {@code DEFAULT name} with a bare identifier is the string {@code 'name'}, and {@code
   * DEFAULT true}/{@code false} a {@link LiteralKind#TRUE}/{@link LiteralKind#FALSE} literal.
   */
  record Default(String name, Expr value, String text, boolean parenthesized)
      implements ColumnConstraint {
    public Default {
      requireNonNull(value, "value");
    }
  }

  /** {@code COLLATE collation}. */
  record Collate(String name, String collation) implements ColumnConstraint {
    public Collate {
      requireNonNull(collation, "collation");
    }
  }

  /** {@code REFERENCES ...}, including any deferrability clause right after it. */
  record References(String name, ForeignKeyClause foreignKey) implements ColumnConstraint {
    public References {
      requireNonNull(foreignKey, "foreignKey");
    }
  }

  /**
   * A deferrability clause that does not directly follow {@code REFERENCES}; SQLite applies it to
   * the most recent foreign key of the table, if any.
   */
  record Deferral(String name, Deferrability deferrability) implements ColumnConstraint {
    public Deferral {
      requireNonNull(deferrability, "deferrability");
    }
  }

  /** {@code [GENERATED ALWAYS] AS (expr) [STORED|VIRTUAL]}. */
  record Generated(String name, Expr expr, GeneratedStorage storage) implements ColumnConstraint {
    public Generated {
      requireNonNull(expr, "expr");
      requireNonNull(storage, "storage");
    }
  }
}
