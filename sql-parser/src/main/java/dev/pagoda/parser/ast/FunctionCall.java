package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;

/**
 * {@code name([DISTINCT] args [ORDER BY orderBy]) [FILTER (WHERE filter)] [OVER ...]} or, when
 * {@code star}, {@code name(*) [FILTER ...] [OVER ...]}. The name is dequoted, in its original case;
 * {@code filter} and {@code over} are null when not written.
 */
public record FunctionCall(
    String name,
    boolean distinct,
    List<Expr> args,
    boolean star,
    List<OrderingTerm> orderBy,
    Expr filter,
    Over over)
    implements Expr {
  public FunctionCall {
    requireNonNull(name, "name");
    args = List.copyOf(args);
    orderBy = List.copyOf(orderBy);
    if (star && (distinct || !args.isEmpty() || !orderBy.isEmpty())) {
      throw new IllegalArgumentException("f(*) takes nothing else");
    }
  }

  /** A plain call: no FILTER, no OVER. */
  public FunctionCall(
      String name, boolean distinct, List<Expr> args, boolean star, List<OrderingTerm> orderBy) {
    this(name, distinct, args, star, orderBy, null, null);
  }

  public static FunctionCall of(String name, Expr... args) {
    return new FunctionCall(name, false, List.of(args), false, List.of());
  }

  /** {@code name(*)}, as in {@code count(*)}. */
  public static FunctionCall star(String name) {
    return new FunctionCall(name, false, List.of(), true, List.of());
  }

  /** This call with a FILTER clause and an OVER clause (either may be null). */
  public FunctionCall withWindow(Expr filter, Over over) {
    return new FunctionCall(name, distinct, args, star, orderBy, filter, over);
  }

  /** True when the call has an OVER clause, i.e. is a window function call. */
  public boolean isWindowCall() {
    return over != null;
  }

  /**
   * Component-wise, as a record's; written out because the generated one takes several stack
   * frames per level, too many for the deepest trees SQLite accepts.
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof FunctionCall that
            && name.equals(that.name)
            && distinct == that.distinct
            && args.equals(that.args)
            && star == that.star
            && orderBy.equals(that.orderBy)
            && Objects.equals(filter, that.filter)
            && Objects.equals(over, that.over));
  }

  @Override
  public int hashCode() {
    int h = name.hashCode();
    h = 31 * h + (distinct ? 1231 : 1237);
    h = 31 * h + args.hashCode();
    h = 31 * h + (star ? 1231 : 1237);
    h = 31 * h + orderBy.hashCode();
    h = 31 * h + Objects.hashCode(filter);
    h = 31 * h + Objects.hashCode(over);
    return h;
  }
}
