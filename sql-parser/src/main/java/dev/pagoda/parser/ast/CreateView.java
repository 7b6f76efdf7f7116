package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code CREATE [TEMP] VIEW [IF NOT EXISTS] [schema.]name [(columns)] AS select}. */
public record CreateView(
    boolean temporary, boolean ifNotExists, QualifiedName name, List<String> columns, Select select)
    implements Statement {
  public CreateView {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    requireNonNull(select, "select");
  }
}
