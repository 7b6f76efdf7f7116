package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;

/** A table-valued function {@code [schema.]name(args) [[AS] alias]}. */
public record TableFunctionRef(QualifiedName name, List<Expr> args, String alias)
    implements FromItem {
  public TableFunctionRef {
    requireNonNull(name, "name");
    args = List.copyOf(args);
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof TableFunctionRef that
            && name.equals(that.name)
            && args.equals(that.args)
            && Objects.equals(alias, that.alias));
  }

  @Override
  public int hashCode() {
    int h = name.hashCode();
    h = 31 * h + args.hashCode();
    h = 31 * h + Objects.hashCode(alias);
    return h;
  }
}
