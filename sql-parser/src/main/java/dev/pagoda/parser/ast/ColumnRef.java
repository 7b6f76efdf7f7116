package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * A column reference {@code [[schema.]table.]column}; absent qualifiers are null. {@code
 * doubleQuoted} records that the column was written {@code "like this"}: SQLite then treats an
 * unqualified name that matches no column as a string literal.
 */
public record ColumnRef(String schema, String table, String column, boolean doubleQuoted)
    implements Expr {
  public ColumnRef {
    requireNonNull(column, "column");
    if (schema != null) {
      requireNonNull(table, "table");
    }
  }

  public ColumnRef(String schema, String table, String column) {
    this(schema, table, column, false);
  }

  public static ColumnRef of(String column) {
    return new ColumnRef(null, null, column, false);
  }
}
