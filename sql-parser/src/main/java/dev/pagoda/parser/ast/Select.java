package dev.pagoda.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * A SELECT statement, subquery or VALUES list. The fields up to {@code offset} are those of one
 * {@code SELECT} core plus the statement's ORDER BY and LIMIT; unwritten parts are null or empty.
 *
 * <p>A VALUES core has {@code values} non-empty (each row the same width) and no columns. A
 * compound SELECT keeps its first core in this record's core fields and the others, in order, in
 * {@code compounds}; those inner {@code Select}s are cores only (no with, compounds, ORDER BY or
 * LIMIT): ORDER BY, LIMIT and WITH belong to the whole statement. {@code LIMIT a, b} is stored as
 * limit b offset a.
 *
 * <p>{@code windows} is the core's {@code WINDOW name AS (...), ...} clause (written after HAVING),
 * empty when absent; each core of a compound has its own.
 */
public record Select(
    boolean distinct,
    List<ResultColumn> columns,
    FromItem from,
    Expr where,
    List<Expr> groupBy,
    Expr having,
    List<NamedWindow> windows,
    List<OrderingTerm> orderBy,
    Expr limit,
    Expr offset,
    List<List<Expr>> values,
    List<CompoundTerm> compounds,
    WithClause with)
    implements Statement {
  public Select {
    columns = List.copyOf(columns);
    groupBy = List.copyOf(groupBy);
    windows = List.copyOf(windows);
    orderBy = List.copyOf(orderBy);
    values = values.stream().map(List::copyOf).toList();
    compounds = List.copyOf(compounds);
    if (columns.isEmpty() == values.isEmpty()) {
      throw new IllegalArgumentException("a core has either result columns or VALUES rows");
    }
    if (offset != null && limit == null) {
      throw new IllegalArgumentException("OFFSET without LIMIT");
    }
    if (!values.isEmpty() && !windows.isEmpty()) {
      throw new IllegalArgumentException("a VALUES core has no WINDOW clause");
    }
  }

  /** A SELECT without a WINDOW clause (the record's shape before window support). */
  public Select(
      boolean distinct,
      List<ResultColumn> columns,
      FromItem from,
      Expr where,
      List<Expr> groupBy,
      Expr having,
      List<OrderingTerm> orderBy,
      Expr limit,
      Expr offset,
      List<List<Expr>> values,
      List<CompoundTerm> compounds,
      WithClause with) {
    this(distinct, columns, from, where, groupBy, having, List.of(), orderBy, limit, offset, values,
        compounds, with);
  }

  /** {@code SELECT columns [FROM from] [WHERE where]}. */
  public static Select of(List<ResultColumn> columns, FromItem from, Expr where) {
    return core(false, columns, from, where, List.of(), null);
  }

  /** One SELECT core with no ORDER BY, LIMIT, compound or WITH. */
  public static Select core(
      boolean distinct,
      List<ResultColumn> columns,
      FromItem from,
      Expr where,
      List<Expr> groupBy,
      Expr having) {
    return new Select(
        distinct, columns, from, where, groupBy, having, List.of(), null, null, List.of(),
        List.of(), null);
  }

  /** {@code VALUES (..), (..)}. */
  public static Select ofValues(List<List<Expr>> rows) {
    return new Select(
        false, List.of(), null, null, List.of(), null, List.of(), null, null, rows, List.of(),
        null);
  }

  /** True when this core is a VALUES list. */
  public boolean isValues() {
    return !values.isEmpty();
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Select that
            && distinct == that.distinct
            && columns.equals(that.columns)
            && Objects.equals(from, that.from)
            && Objects.equals(where, that.where)
            && groupBy.equals(that.groupBy)
            && Objects.equals(having, that.having)
            && windows.equals(that.windows)
            && orderBy.equals(that.orderBy)
            && Objects.equals(limit, that.limit)
            && Objects.equals(offset, that.offset)
            && values.equals(that.values)
            && compounds.equals(that.compounds)
            && Objects.equals(with, that.with));
  }

  @Override
  public int hashCode() {
    int h = (distinct ? 1231 : 1237);
    h = 31 * h + columns.hashCode();
    h = 31 * h + Objects.hashCode(from);
    h = 31 * h + Objects.hashCode(where);
    h = 31 * h + groupBy.hashCode();
    h = 31 * h + Objects.hashCode(having);
    h = 31 * h + windows.hashCode();
    h = 31 * h + orderBy.hashCode();
    h = 31 * h + Objects.hashCode(limit);
    h = 31 * h + Objects.hashCode(offset);
    h = 31 * h + values.hashCode();
    h = 31 * h + compounds.hashCode();
    h = 31 * h + Objects.hashCode(with);
    return h;
  }
}
