package dev.pagoda.spi;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A function computing one value from one row's arguments, like one made with {@code
 * sqlite3_create_function}. The engine calls it from the statement's thread only; one instance
 * may serve many connections at once, so keep per-call state in {@link FunctionContext}, not in
 * fields.
 *
 * <p>A NULL argument is passed like any other: SQLite's convention that most functions return
 * NULL for a NULL argument is the function's to follow. Errors are {@link SqlException}s, whose
 * message reaches the SQL caller.
 *
 * <pre>{@code
 * ScalarFunction half = ScalarFunction.of("half", Arity.exactly(1),
 *     (ctx, args) -> args.isNull(0) ? Value.NULL : Value.of(args.getDouble(0) / 2));
 * }</pre>
 */
public non-sealed interface ScalarFunction extends SqlFunction {
  /** Computes the result; never returns Java null (return {@link Value#NULL}). */
  Value call(FunctionContext ctx, Arguments args);

  /** The body of a scalar function, for {@link #of}. */
  @FunctionalInterface
  interface Body {
    Value apply(FunctionContext ctx, Arguments args);
  }

  /** A deterministic function. */
  static ScalarFunction of(String name, Arity arity, Body body) {
    return of(name, arity, Set.of(FunctionFlag.DETERMINISTIC), body);
  }

  /** A function with the given flags (an empty set for a non-deterministic one). */
  static ScalarFunction of(String name, Arity arity, Set<FunctionFlag> flags, Body body) {
    requireNonNull(name, "name");
    requireNonNull(arity, "arity");
    Set<FunctionFlag> copy = Set.copyOf(flags);
    requireNonNull(body, "body");
    return new ScalarFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Arity arity() {
        return arity;
      }

      @Override
      public Set<FunctionFlag> flags() {
        return copy;
      }

      @Override
      public Value call(FunctionContext ctx, Arguments args) {
        return body.apply(ctx, args);
      }

      @Override
      public String toString() {
        return name + "/" + arity;
      }
    };
  }
}
