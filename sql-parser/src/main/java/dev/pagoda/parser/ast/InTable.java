package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code expr [NOT] IN [schema.]table} or, with arguments, {@code IN tablefunc(args)}; SQLite
 * treats {@code IN f()} like {@code IN f}, so empty args mean a plain table.
 */
public record InTable(Expr expr, boolean not, QualifiedName table, List<Expr> args)
    implements Expr {
  public InTable {
    requireNonNull(expr, "expr");
    requireNonNull(table, "table");
    args = List.copyOf(args);
  }
}
