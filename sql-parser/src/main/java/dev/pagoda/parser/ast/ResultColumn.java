package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/** One item of a SELECT's result list. */
public sealed interface ResultColumn {
  /** {@code *}. */
  record Star() implements ResultColumn {}

  /** {@code table.*}. */
  record TableStar(String table) implements ResultColumn {
    public TableStar {
      requireNonNull(table, "table");
    }
  }

  /**
   * {@code expr [[AS] alias]}. Without an alias SQLite names the column after its source text:
   * {@code span} is that text (from the expression's first token up to the next token, trimmed, so
   * a trailing comment is kept, as in SQLite). span is null when there is an alias, or when the
   * node is built by hand.
   */
  record ExprColumn(Expr expr, String alias, String span) implements ResultColumn {
    public ExprColumn {
      requireNonNull(expr, "expr");
    }

    public ExprColumn(Expr expr, String alias) {
      this(expr, alias, null);
    }
    /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
    @Override
    public boolean equals(Object o) {
      return o == this
          || (o instanceof ExprColumn that
              && expr.equals(that.expr)
              && Objects.equals(alias, that.alias)
              && Objects.equals(span, that.span));
    }

    @Override
    public int hashCode() {
      int h = expr.hashCode();
      h = 31 * h + Objects.hashCode(alias);
      h = 31 * h + Objects.hashCode(span);
      return h;
    }
  }
}
