package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A table constraint; {@code name} is from {@code CONSTRAINT name}, or null. */
public sealed interface TableConstraint {
  String name();

  /**
   * {@code PRIMARY KEY (columns [AUTOINCREMENT]) [ON CONFLICT x]}. The columns are expressions as
   * SQLite's grammar allows; the engine rejects anything but column names.
   */
  record PrimaryKey(
      String name, List<OrderingTerm> columns, boolean autoincrement, ConflictAction onConflict)
      implements TableConstraint {
    public PrimaryKey {
      columns = List.copyOf(columns);
    }
  }

  /** {@code UNIQUE (columns) [ON CONFLICT x]}. */
  record Unique(String name, List<OrderingTerm> columns, ConflictAction onConflict)
      implements TableConstraint {
    public Unique {
      columns = List.copyOf(columns);
    }
  }

  /**
   * {@code CHECK (expr)}; {@code text} as in {@link ColumnConstraint.Check}. SQLite parses and
   * ignores an {@code ON CONFLICT} clause after it, and so does this AST.
   */
  record Check(String name, Expr expr, String text) implements TableConstraint {
    public Check {
      requireNonNull(expr, "expr");
    }
  }

  /** {@code FOREIGN KEY (columns) REFERENCES ...}. */
  record ForeignKey(String name, List<String> columns, ForeignKeyClause references)
      implements TableConstraint {
    public ForeignKey {
      columns = List.copyOf(columns);
      requireNonNull(references, "references");
    }
  }
}
