package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code [WITH ..] INSERT [OR action] INTO table [AS alias] [(columns)] source [upsert...]
 * [RETURNING returning]}. {@code REPLACE INTO} is {@code INSERT OR REPLACE}; {@code orConflict} is
 * null when neither is written. {@code upserts} are the {@code ON CONFLICT} clauses in order
 * (never with {@code DEFAULT VALUES}); {@code returning} is empty without RETURNING.
 */
public record Insert(
    WithClause with,
    ConflictAction orConflict,
    QualifiedName table,
    String alias,
    List<String> columns,
    InsertSource source,
    List<Upsert> upserts,
    List<ResultColumn> returning)
    implements Statement {
  public Insert {
    requireNonNull(table, "table");
    columns = List.copyOf(columns);
    requireNonNull(source, "source");
    upserts = List.copyOf(upserts);
    returning = List.copyOf(returning);
    if (!upserts.isEmpty() && source instanceof InsertSource.DefaultValues) {
      throw new IllegalArgumentException("DEFAULT VALUES takes no upsert");
    }
    for (int i = 0; i < upserts.size() - 1; i++) {
      if (upserts.get(i).target().isEmpty()) {
        throw new IllegalArgumentException("only the last ON CONFLICT clause may omit its target");
      }
    }
  }

  /** An INSERT without upsert or RETURNING. */
  public Insert(
      WithClause with,
      ConflictAction orConflict,
      QualifiedName table,
      String alias,
      List<String> columns,
      InsertSource source) {
    this(with, orConflict, table, alias, columns, source, List.of(), List.of());
  }
}
