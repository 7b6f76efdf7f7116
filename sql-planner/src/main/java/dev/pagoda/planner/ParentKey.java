package dev.pagoda.planner;

import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How a foreign key finds its parent rows: the parent table and the UNIQUE index (or the rowid)
 * that holds the parent key, with the child column that maps to each key column, located by
 * SQLite's rule ({@code sqlite3FkLocateIndex}): a single-column key naming the INTEGER PRIMARY
 * KEY (or naming none when the parent has one) is the rowid; otherwise a UNIQUE, non-partial index
 * with exactly the key's columns, each with its column's own collation; a key naming no parent
 * columns takes the PRIMARY KEY's index.
 *
 * @param parent the parent table
 * @param index the parent's UNIQUE index on the key, or null when the key is the rowid
 * @param parentColumns per key position (the index's column order), the parent column; for the
 *     rowid, the INTEGER PRIMARY KEY column
 * @param childColumns per key position, the child column that maps to it
 */
public record ParentKey(
    TableSchema parent, IndexSchema index, List<Integer> parentColumns,
    List<Integer> childColumns) {
  public ParentKey {
    parentColumns = List.copyOf(parentColumns);
    childColumns = List.copyOf(childColumns);
  }

  /** Whether the parent key is the parent's rowid. */
  public boolean isRowid() {
    return index == null;
  }

  /**
   * Locates the parent key of {@code fk}, a foreign key of {@code child}.
   *
   * @return null when the parent table does not exist
   * @throws SqlException SQLite's {@code foreign key mismatch - "child" referencing "parent"}
   *     when the parent has no PRIMARY KEY or UNIQUE index that fits
   */
  public static ParentKey locate(Catalog catalog, TableSchema child, ForeignKey fk) {
    TableSchema parent = catalog.table(fk.parentTable());
    if (parent == null) {
      return null;
    }
    int n = fk.size();
    int alias = parent.rowidAlias();
    if (n == 1 && alias >= 0 && (fk.referencesPrimaryKey()
        || parent.columns().get(alias).name().equalsIgnoreCase(fk.parentColumns().get(0)))) {
      return new ParentKey(parent, null, List.of(alias), fk.childColumns());
    }
    for (IndexSchema index : catalog.indexes(parent.name())) {
      if (index.columns().size() != n || !index.unique() || index.where() != null
          || index.hasExpressions()) {
        continue;
      }
      List<Integer> children = fk.referencesPrimaryKey()
          ? (index.primaryKey() ? fk.childColumns() : null)
          : mapColumns(parent, index, fk);
      if (children != null) {
        List<Integer> parents = new ArrayList<>();
        for (IndexSchema.IndexColumn c : index.columns()) {
          parents.add(c.column());
        }
        return new ParentKey(parent, index, parents, children);
      }
    }
    throw SqlException.error("foreign key mismatch - \"" + child.name() + "\" referencing \""
        + fk.parentTable() + "\"");
  }

  /** The child column for each index column, or null when the index does not fit the key. */
  private static List<Integer> mapColumns(TableSchema parent, IndexSchema index, ForeignKey fk) {
    List<Integer> children = new ArrayList<>();
    for (IndexSchema.IndexColumn c : index.columns()) {
      ColumnSchema column = parent.columns().get(c.column());
      String own = column.collation() == null ? "BINARY" : column.collation();
      if (!own.equalsIgnoreCase(c.collation())) {
        return null;
      }
      int j = indexOfIgnoreCase(fk.parentColumns(), column.name());
      if (j < 0) {
        return null;
      }
      children.add(fk.childColumns().get(j));
    }
    return children;
  }

  private static int indexOfIgnoreCase(List<String> names, String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The foreign keys of every table in {@code tables} whose parent is {@code parent}, with their
   * child tables, in no guaranteed order.
   */
  public static List<Reference> referencing(Collection<TableSchema> tables, String parent) {
    List<Reference> refs = new ArrayList<>();
    for (TableSchema t : tables) {
      for (ForeignKey fk : t.foreignKeys()) {
        if (fk.parentTable().equalsIgnoreCase(parent)) {
          refs.add(new Reference(t, fk));
        }
      }
    }
    return refs;
  }

  /** The CHECK constraints of {@code table} bound over its row, for the writes of key actions. */
  public static List<dev.pagoda.planner.plan.Plan.Check> checks(TableSchema table) {
    return DmlSupport.checks(table);
  }

  /** The DEFAULT expression of each column of {@code table}, bound (NULL where none). */
  public static List<BoundExpr> defaults(TableSchema table) {
    return DmlSupport.defaults(table);
  }

  /**
   * A foreign key seen from its parent: the child table and the key.
   *
   * @param child the table holding the foreign key
   * @param key the foreign key
   */
  public record Reference(TableSchema child, ForeignKey key) {}
}
