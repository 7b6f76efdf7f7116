package dev.pagoda.planner;

import static java.util.Objects.requireNonNull;

import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.planner.plan.BoundExpr;
import java.util.List;

/**
 * One index as the catalog knows it, from its CREATE INDEX text in {@code sqlite_schema} (or, for
 * an automatic index of a UNIQUE or PRIMARY KEY constraint, from the table's definition).
 *
 * <p>Each entry of the index B-tree is a record of the indexed columns' values followed by the
 * rowid, ordered by the columns' collations and sort orders, then by rowid.
 *
 * @param name the index name, exact case
 * @param table the name of the indexed table
 * @param rootPage the root page of the index B-tree; 0 while a CREATE is being planned
 * @param columns the indexed columns, in index order
 * @param unique whether no two entries may share all indexed values (NULLs are never equal)
 * @param sql the CREATE INDEX text as stored, or null for an automatic index
 * @param unsupportedWrite why Pagoda cannot yet maintain this index (an expression or partial
 *     index), or null when it can
 * @param onConflict for the automatic index of a UNIQUE or PRIMARY KEY constraint, the
 *     constraint's ON CONFLICT action; null when none is written (and for CREATE INDEX)
 * @param primaryKey whether this is the automatic index of a PRIMARY KEY constraint
 * @param where a partial index's WHERE condition over the table's row (its columns, then the
 *     rowid): only rows for which it is true have an entry; null for a full index
 */
public record IndexSchema(
    String name,
    String table,
    int rootPage,
    List<IndexColumn> columns,
    boolean unique,
    String sql,
    String unsupportedWrite,
    ConflictAction onConflict,
    boolean primaryKey,
    BoundExpr where) {
  public IndexSchema {
    requireNonNull(name, "name");
    requireNonNull(table, "table");
    columns = List.copyOf(columns);
  }

  /** An index of CREATE INDEX, or one with no ON CONFLICT clause and no PRIMARY KEY. */
  public IndexSchema(String name, String table, int rootPage, List<IndexColumn> columns,
      boolean unique, String sql, String unsupportedWrite) {
    this(name, table, rootPage, columns, unique, sql, unsupportedWrite, null, false, null);
  }

  /** A full index (no WHERE). */
  public IndexSchema(String name, String table, int rootPage, List<IndexColumn> columns,
      boolean unique, String sql, String unsupportedWrite, ConflictAction onConflict,
      boolean primaryKey) {
    this(name, table, rootPage, columns, unique, sql, unsupportedWrite, onConflict, primaryKey,
        null);
  }

  /** Whether an entry's values include an expression's (the index is not on columns only). */
  public boolean hasExpressions() {
    return columns.stream().anyMatch(c -> c.expression() != null);
  }

  /**
   * One indexed column or expression.
   *
   * @param column the index of the column in its table; -1 for an expression
   * @param collation the collation name (BINARY, NOCASE, RTRIM)
   * @param descending whether the column sorts DESC in the index
   * @param expression the indexed expression over the table's row, or null for a column
   */
  public record IndexColumn(int column, String collation, boolean descending,
      BoundExpr expression) {
    public IndexColumn {
      requireNonNull(collation, "collation");
      if ((column < 0) != (expression != null)) {
        throw new IllegalArgumentException("a column index or an expression");
      }
    }

    /** An indexed table column. */
    public IndexColumn(int column, String collation, boolean descending) {
      this(column, collation, descending, null);
    }
  }

  /** This schema with its root page set. */
  public IndexSchema withRootPage(int page) {
    return new IndexSchema(
        name, table, page, columns, unique, sql, unsupportedWrite, onConflict, primaryKey, where);
  }
}
