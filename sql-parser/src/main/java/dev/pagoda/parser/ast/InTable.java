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

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof InTable that
            && expr.equals(that.expr)
            && not == that.not
            && table.equals(that.table)
            && args.equals(that.args));
  }

  @Override
  public int hashCode() {
    int h = expr.hashCode();
    h = 31 * h + (not ? 1231 : 1237);
    h = 31 * h + table.hashCode();
    h = 31 * h + args.hashCode();
    return h;
  }
}
