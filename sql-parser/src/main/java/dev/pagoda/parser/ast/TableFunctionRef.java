package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A table-valued function {@code [schema.]name(args) [[AS] alias]}. */
public record TableFunctionRef(QualifiedName name, List<Expr> args, String alias)
    implements FromItem {
  public TableFunctionRef {
    requireNonNull(name, "name");
    args = List.copyOf(args);
  }
}
