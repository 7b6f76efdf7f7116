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
}
