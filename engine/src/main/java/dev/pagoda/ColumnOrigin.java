package dev.pagoda;

/**
 * Where a result column of a query comes from, when it is a plain reference to a table column
 * (directly, or through subqueries in FROM, views, scalar subqueries and compounds, whose leftmost
 * query decides): what {@code sqlite3_column_decltype}, {@code sqlite3_column_table_name}, {@code
 * sqlite3_column_origin_name} and {@code sqlite3_table_column_metadata} tell in SQLite. A result
 * column that is any other expression (arithmetic, a function call, {@code COLLATE}, a literal)
 * has no origin.
 *
 * @param table the table's name, exact case
 * @param column the column's name, exact case; {@code "rowid"} for the rowid of a table without
 *     an INTEGER PRIMARY KEY column
 * @param declaredType the declared type as written ({@code "VARCHAR(10)"}), {@code "INTEGER"} for
 *     the rowid, or null when the column was declared without a type
 * @param notNull whether a NOT NULL constraint applies
 * @param primaryKey whether the column is (part of) the PRIMARY KEY, or is the rowid
 * @param autoIncrement whether the column is the INTEGER PRIMARY KEY of a table declared with
 *     AUTOINCREMENT
 */
public record ColumnOrigin(
    String table,
    String column,
    String declaredType,
    boolean notNull,
    boolean primaryKey,
    boolean autoIncrement) {}
