package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code REFERENCES table [(columns)] [ON DELETE|UPDATE action] [MATCH name] [deferrability]}.
 * Unwritten parts are null (columns empty). SQLite ignores {@code ON INSERT} and {@code MATCH}; the
 * AST keeps the last {@code MATCH} name and drops {@code ON INSERT}. When a clause repeats, the last
 * one wins, as in SQLite.
 */
public record ForeignKeyClause(
    String table,
    List<String> columns,
    ForeignKeyAction onDelete,
    ForeignKeyAction onUpdate,
    String match,
    Deferrability deferrability) {
  public ForeignKeyClause {
    requireNonNull(table, "table");
    columns = List.copyOf(columns);
  }
}
