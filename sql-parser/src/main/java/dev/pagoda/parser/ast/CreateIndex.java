package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] [schema.]name ON table (columns) [WHERE where]}.
 *
 * <p>Each indexed column is an {@link OrderingTerm}, as in SQLite's grammar ({@code sortlist}): a
 * column name or an expression, a collation as a {@link Collate} around it ({@code a COLLATE
 * nocase}), and the sort order. The grammar also accepts {@code NULLS FIRST|LAST}, which SQLite
 * then rejects while building the index ({@code unsupported use of NULLS FIRST}); the AST keeps it
 * for the engine to do the same. The table is unqualified (it lives in the index's schema); {@code
 * where} is the partial index's condition, null when absent.
 */
public record CreateIndex(
    boolean unique,
    boolean ifNotExists,
    QualifiedName name,
    String table,
    List<OrderingTerm> columns,
    Expr where)
    implements Statement {
  public CreateIndex {
    requireNonNull(name, "name");
    requireNonNull(table, "table");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("an index needs at least one column");
    }
  }
}
