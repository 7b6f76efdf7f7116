package dev.pagoda.executor;

import static java.util.Objects.requireNonNull;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.Value;
import java.util.Set;

/**
 * Built-in scalar functions written over an array of arguments: each becomes an SPI {@link
 * ScalarFunction}, so the built-ins are found through the same {@link BuiltinFunctions provider}
 * path as a plug-in's. When the executor calls one it hands over its {@link ArgumentBuffer}'s
 * array, so no copy is made.
 */
final class Builtin {
  private Builtin() {}

  /** Unlimited arguments, for the {@code max} of {@link #of}. */
  static final int VARIADIC = -1;

  private static final Set<FunctionFlag> PURE =
      Set.of(FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS);
  private static final Set<FunctionFlag> VOLATILE = Set.of(FunctionFlag.INNOCUOUS);

  /** The body of a built-in over its evaluated arguments; it must not keep the array. */
  @FunctionalInterface
  interface Body {
    Value apply(Value[] args);
  }

  /** The body of a built-in that reads its call's context (the connection's counters). */
  @FunctionalInterface
  interface ContextBody {
    Value apply(FunctionContext ctx, Value[] args);
  }

  /** A deterministic built-in taking {@code min} to {@code max} (or {@link #VARIADIC}) arguments. */
  static ScalarFunction of(String name, int min, int max, Body body) {
    return new Scalar(name, arity(min, max), PURE, (ctx, a) -> body.apply(a));
  }

  /** A built-in whose result may differ between calls with equal arguments. */
  static ScalarFunction volatileOf(String name, int min, int max, Body body) {
    return new Scalar(name, arity(min, max), VOLATILE, (ctx, a) -> body.apply(a));
  }

  /** A non-deterministic built-in that reads its context. */
  static ScalarFunction withContext(String name, int min, int max, ContextBody body) {
    return new Scalar(name, arity(min, max), VOLATILE, body);
  }

  private static Arity arity(int min, int max) {
    return max == VARIADIC ? Arity.atLeast(min) : Arity.range(min, max);
  }

  /** A built-in scalar function. */
  record Scalar(String name, Arity arity, Set<FunctionFlag> flags, ContextBody body)
      implements ScalarFunction {
    Scalar {
      requireNonNull(name, "name");
      requireNonNull(body, "body");
    }

    @Override
    public Value call(FunctionContext ctx, Arguments args) {
      return body.apply(ctx, args instanceof ArgumentBuffer b ? b.values() : copy(args));
    }

    private static Value[] copy(Arguments args) {
      Value[] out = new Value[args.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = args.get(i);
      }
      return out;
    }
  }
}
