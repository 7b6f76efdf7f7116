package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * {@code (select) [[AS] alias]}. A parenthesized join with an alias, {@code (a JOIN b) AS x},
 * becomes {@code (SELECT * FROM a JOIN b) AS x}, as in SQLite.
 */
public record SubqueryRef(Select select, String alias) implements FromItem {
  public SubqueryRef {
    requireNonNull(select, "select");
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof SubqueryRef that
            && select.equals(that.select)
            && Objects.equals(alias, that.alias));
  }

  @Override
  public int hashCode() {
    int h = select.hashCode();
    h = 31 * h + Objects.hashCode(alias);
    return h;
  }
}
