package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code name([DISTINCT] args [ORDER BY orderBy])} or, when {@code star}, {@code name(*)}. The name
 * is dequoted, in its original case.
 */
public record FunctionCall(
    String name, boolean distinct, List<Expr> args, boolean star, List<OrderingTerm> orderBy)
    implements Expr {
  public FunctionCall {
    requireNonNull(name, "name");
    args = List.copyOf(args);
    orderBy = List.copyOf(orderBy);
    if (star && (distinct || !args.isEmpty() || !orderBy.isEmpty())) {
      throw new IllegalArgumentException("f(*) takes nothing else");
    }
  }

  public static FunctionCall of(String name, Expr... args) {
    return new FunctionCall(name, false, List.of(args), false, List.of());
  }

  /** {@code name(*)}, as in {@code count(*)}. */
  public static FunctionCall star(String name) {
    return new FunctionCall(name, false, List.of(), true, List.of());
  }
}
