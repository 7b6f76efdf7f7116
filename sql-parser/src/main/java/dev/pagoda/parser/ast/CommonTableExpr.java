package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code name [(columns)] AS [[NOT] MATERIALIZED] (select)}. */
public record CommonTableExpr(
    String name, List<String> columns, Materialization materialization, Select select) {
  public CommonTableExpr {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    requireNonNull(materialization, "materialization");
    requireNonNull(select, "select");
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof CommonTableExpr that
            && name.equals(that.name)
            && columns.equals(that.columns)
            && materialization == that.materialization
            && select.equals(that.select));
  }

  @Override
  public int hashCode() {
    int h = name.hashCode();
    h = 31 * h + columns.hashCode();
    h = 31 * h + materialization.hashCode();
    h = 31 * h + select.hashCode();
    return h;
  }
}
