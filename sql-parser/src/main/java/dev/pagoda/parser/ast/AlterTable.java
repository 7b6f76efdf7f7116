package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code ALTER TABLE [schema.]table action}. */
public record AlterTable(QualifiedName table, AlterTable.Action action) implements Statement {
  public AlterTable {
    requireNonNull(table, "table");
    requireNonNull(action, "action");
  }

  /** What an ALTER TABLE does. */
  public sealed interface Action {}

  /** {@code RENAME TO newName}. */
  public record RenameTable(String newName) implements Action {
    public RenameTable {
      requireNonNull(newName, "newName");
    }
  }

  /** {@code RENAME [COLUMN] column TO newName}. */
  public record RenameColumn(String column, String newName) implements Action {
    public RenameColumn {
      requireNonNull(column, "column");
      requireNonNull(newName, "newName");
    }
  }

  /** {@code ADD [COLUMN] column-def}. */
  public record AddColumn(ColumnDef column) implements Action {
    public AddColumn {
      requireNonNull(column, "column");
    }
  }

  /** {@code DROP [COLUMN] column}. */
  public record DropColumn(String column) implements Action {
    public DropColumn {
      requireNonNull(column, "column");
    }
  }

  /**
   * {@code ADD [CONSTRAINT name] CHECK (expr) [ON CONFLICT x]} (SQLite 3.53); the conflict clause
   * is ignored, as in a table's CHECK.
   */
  public record AddCheck(TableConstraint.Check check) implements Action {
    public AddCheck {
      requireNonNull(check, "check");
    }
  }

  /** {@code DROP CONSTRAINT name} (SQLite 3.53). */
  public record DropConstraint(String name) implements Action {
    public DropConstraint {
      requireNonNull(name, "name");
    }
  }

  /**
   * {@code ALTER [COLUMN] column SET NOT NULL [ON CONFLICT x]} (SQLite 3.53); onConflict is null
   * when absent.
   */
  public record SetNotNull(String column, ConflictAction onConflict) implements Action {
    public SetNotNull {
      requireNonNull(column, "column");
    }
  }

  /** {@code ALTER [COLUMN] column DROP NOT NULL} (SQLite 3.53). */
  public record DropNotNull(String column) implements Action {
    public DropNotNull {
      requireNonNull(column, "column");
    }
  }
}
