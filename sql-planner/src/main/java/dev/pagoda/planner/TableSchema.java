package dev.pagoda.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * One table as the catalog knows it, built from its CREATE TABLE text in {@code sqlite_schema}.
 *
 * @param name the table name, exact case
 * @param rootPage the page number of the table's B-tree root; 0 while a CREATE is being planned
 * @param columns the columns in declaration order
 * @param rowidAlias the index of the INTEGER PRIMARY KEY column that aliases the rowid, or -1
 * @param sql the CREATE TABLE text as stored in {@code sqlite_schema}
 * @param unsupportedWrite why Pagoda cannot yet write this table (a feature it does not maintain,
 *     such as WITHOUT ROWID), or null when it can; reading is always allowed
 * @param constraints the CHECK constraints and ON CONFLICT clauses that writes enforce
 * @param foreignKeys the table's foreign keys in SQLite's order (see {@link ForeignKey}): index
 *     {@code i} is the {@code id} of {@code PRAGMA foreign_key_list}
 * @param generated the table's generated columns and its {@link RecordLayout}; null for none
 * @param autoincrement whether the rowid alias is declared {@code AUTOINCREMENT}: new rowids then
 *     never reuse one recorded in {@code sqlite_sequence} (see {@link AutoIncrementRule})
 */
public record TableSchema(
    String name,
    int rootPage,
    List<ColumnSchema> columns,
    int rowidAlias,
    String sql,
    String unsupportedWrite,
    TableConstraints constraints,
    List<ForeignKey> foreignKeys,
    GeneratedColumns generated,
    boolean autoincrement) {
  public TableSchema {
    requireNonNull(name, "name");
    requireNonNull(constraints, "constraints");
    foreignKeys = List.copyOf(foreignKeys);
    columns = List.copyOf(columns);
    requireNonNull(sql, "sql");
    if (rowidAlias < -1 || rowidAlias >= columns.size()) {
      throw new IllegalArgumentException("rowidAlias out of range: " + rowidAlias);
    }
    if (generated == null) {
      generated = GeneratedColumns.none(columns.size());
    } else if (generated.layout().columns() != columns.size()) {
      throw new IllegalArgumentException("generated columns of another table");
    }
  }

  /** A table without AUTOINCREMENT. */
  public TableSchema(
      String name, int rootPage, List<ColumnSchema> columns, int rowidAlias, String sql,
      String unsupportedWrite, TableConstraints constraints, List<ForeignKey> foreignKeys,
      GeneratedColumns generated) {
    this(name, rootPage, columns, rowidAlias, sql, unsupportedWrite, constraints, foreignKeys,
        generated, false);
  }

  /** A table without generated columns. */
  public TableSchema(
      String name, int rootPage, List<ColumnSchema> columns, int rowidAlias, String sql,
      String unsupportedWrite, TableConstraints constraints, List<ForeignKey> foreignKeys,
      boolean autoincrement) {
    this(name, rootPage, columns, rowidAlias, sql, unsupportedWrite, constraints, foreignKeys,
        null, autoincrement);
  }

  /** A table without generated columns or AUTOINCREMENT. */
  public TableSchema(
      String name, int rootPage, List<ColumnSchema> columns, int rowidAlias, String sql,
      String unsupportedWrite, TableConstraints constraints, List<ForeignKey> foreignKeys) {
    this(name, rootPage, columns, rowidAlias, sql, unsupportedWrite, constraints, foreignKeys,
        null, false);
  }

  /** A table without foreign keys. */
  public TableSchema(
      String name, int rootPage, List<ColumnSchema> columns, int rowidAlias, String sql,
      String unsupportedWrite, TableConstraints constraints) {
    this(name, rootPage, columns, rowidAlias, sql, unsupportedWrite, constraints, List.of());
  }

  /** A table without CHECK constraints, ON CONFLICT clauses or foreign keys. */
  public TableSchema(
      String name, int rootPage, List<ColumnSchema> columns, int rowidAlias, String sql,
      String unsupportedWrite) {
    this(name, rootPage, columns, rowidAlias, sql, unsupportedWrite, TableConstraints.NONE);
  }

  /** The index of the column named {@code column} (ASCII case-insensitive), or -1. */
  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }

  /** This schema with its root page set. */
  public TableSchema withRootPage(int page) {
    return new TableSchema(
        name, page, columns, rowidAlias, sql, unsupportedWrite, constraints, foreignKeys,
        generated, autoincrement);
  }

  /** Where each column lives in the table's records (see {@link GeneratedColumns}). */
  public RecordLayout layout() {
    return generated.layout();
  }

  /** The key under which catalogs index table names: SQLite compares them ASCII case-blind. */
  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
