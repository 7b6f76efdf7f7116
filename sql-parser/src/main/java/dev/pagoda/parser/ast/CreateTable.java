package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code CREATE [TEMP] TABLE [IF NOT EXISTS] name (columns, constraints) [options]} or, when
 * {@code asSelect} is non-null, {@code CREATE ... TABLE name AS select} (columns empty).
 */
public record CreateTable(
    boolean temporary,
    boolean ifNotExists,
    QualifiedName name,
    List<ColumnDef> columns,
    List<TableConstraint> constraints,
    boolean withoutRowid,
    boolean strict,
    Select asSelect)
    implements Statement {
  public CreateTable {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    constraints = List.copyOf(constraints);
    if (columns.isEmpty() == (asSelect == null)) {
      throw new IllegalArgumentException("either columns or AS select");
    }
  }
}
