package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code [WITH ..] UPDATE [OR action] target SET set [FROM from] [WHERE where] [RETURNING
 * returning] [ORDER BY orderBy] [LIMIT limit [OFFSET offset]]}. The target is a {@link TableRef}:
 * {@code [schema.]table [AS alias] [INDEXED BY index | NOT INDEXED]} (the alias only with {@code
 * AS}). ORDER BY and LIMIT are SQLite's {@code SQLITE_ENABLE_UPDATE_DELETE_LIMIT} forms, which
 * sqlite-jdbc's SQLite has; {@code LIMIT a, b} is stored as limit b offset a.
 */
public record Update(
    WithClause with,
    ConflictAction orConflict,
    TableRef target,
    List<Assignment> set,
    FromItem from,
    Expr where,
    List<ResultColumn> returning,
    List<OrderingTerm> orderBy,
    Expr limit,
    Expr offset)
    implements Statement {
  public Update {
    requireNonNull(target, "target");
    set = List.copyOf(set);
    returning = List.copyOf(returning);
    orderBy = List.copyOf(orderBy);
    if (set.isEmpty()) {
      throw new IllegalArgumentException("UPDATE needs a SET list");
    }
    if (offset != null && limit == null) {
      throw new IllegalArgumentException("OFFSET without LIMIT");
    }
  }
}
