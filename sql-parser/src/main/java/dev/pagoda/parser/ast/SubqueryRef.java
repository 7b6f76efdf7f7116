package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code (select) [[AS] alias]}. A parenthesized join with an alias, {@code (a JOIN b) AS x},
 * becomes {@code (SELECT * FROM a JOIN b) AS x}, as in SQLite.
 */
public record SubqueryRef(Select select, String alias) implements FromItem {
  public SubqueryRef {
    requireNonNull(select, "select");
  }
}
