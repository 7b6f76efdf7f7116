package dev.pagoda.tck;

import static java.util.Objects.requireNonNull;

import dev.pagoda.spi.Value;
import java.util.List;

/**
 * One call of a scalar function for {@link FunctionProviderTck} to check: the arguments, and
 * either the value expected back or the exact error message expected.
 *
 * <pre>{@code
 * Sample.of("regexp", Value.of(1), Value.of("^a.c$"), Value.of("abc"))
 * Sample.error("regexp", "unmatched '(' in pattern", Value.of("("), Value.of("x"))
 * }</pre>
 *
 * @param function the function's name
 * @param args the arguments, bound as statement parameters for the SQL call
 * @param expected the value expected back, or null when an error is expected
 * @param error the error message expected, or null when a value is expected
 */
public record Sample(String function, List<Value> args, Value expected, String error) {
  public Sample {
    requireNonNull(function, "function");
    args = List.copyOf(args);
    if ((expected == null) == (error == null)) {
      throw new IllegalArgumentException("a sample expects either a value or an error");
    }
  }

  /** A call of {@code function} with {@code args} that returns {@code expected}. */
  public static Sample of(String function, Value expected, Value... args) {
    return new Sample(function, List.of(args), expected, null);
  }

  /** A call of {@code function} with {@code args} that fails with exactly {@code message}. */
  public static Sample error(String function, String message, Value... args) {
    return new Sample(function, List.of(args), null, message);
  }

  @Override
  public String toString() {
    return function + args.toString().replace('[', '(').replace(']', ')')
        + (expected != null ? " = " + expected : " fails: " + error);
  }
}
