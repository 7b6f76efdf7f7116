package dev.pagoda.executor;

import static java.util.Objects.requireNonNull;

import dev.pagoda.spi.Value;

/**
 * A scalar SQL function as the executor calls it: a name, an argument count range and a body
 * over already-evaluated arguments. Internal for now; shaped so that a later step can publish it
 * as a ServiceLoader SPI in {@code functions-spi}.
 */
interface ScalarFunction {
  /** Unlimited arguments, for {@link #maxArgs()}. */
  int VARIADIC = -1;

  /** The lower-case name SQL calls it by. */
  String name();

  /** The fewest arguments it takes. */
  int minArgs();

  /** The most arguments it takes, or {@link #VARIADIC}. */
  int maxArgs();

  /** True when equal arguments always give equal results (random() is not). */
  boolean deterministic();

  /**
   * Calls the function. {@code args} is owned by the caller, who may reuse the array for the
   * next call: the function must not keep it.
   */
  Value call(Value[] args);

  /** The body of a built-in. */
  @FunctionalInterface
  interface Body {
    Value apply(Value[] args);
  }

  /** A deterministic built-in taking {@code min} to {@code max} arguments. */
  static ScalarFunction of(String name, int min, int max, Body body) {
    return new Builtin(name, min, max, true, body);
  }

  /** A built-in whose result may differ between calls with equal arguments. */
  static ScalarFunction volatileOf(String name, int min, int max, Body body) {
    return new Builtin(name, min, max, false, body);
  }

  /** A built-in: its properties and body. */
  record Builtin(String name, int minArgs, int maxArgs, boolean deterministic, Body body)
      implements ScalarFunction {
    public Builtin {
      requireNonNull(name, "name");
      requireNonNull(body, "body");
    }

    @Override
    public Value call(Value[] args) {
      return body.apply(args);
    }
  }
}
