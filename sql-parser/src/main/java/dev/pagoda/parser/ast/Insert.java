package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code [WITH ..] INSERT [OR action] INTO table [AS alias] [(columns)] source}. {@code REPLACE
 * INTO} is {@code INSERT OR REPLACE}; {@code orConflict} is null when neither is written.
 */
public record Insert(
    WithClause with,
    ConflictAction orConflict,
    QualifiedName table,
    String alias,
    List<String> columns,
    InsertSource source)
    implements Statement {
  public Insert {
    requireNonNull(table, "table");
    columns = List.copyOf(columns);
    requireNonNull(source, "source");
  }
}
