package dev.pagoda.spi;

/**
 * How many arguments a function takes: from {@link #min()} to {@link #max()}, or any number from
 * {@code min} when {@link #isVariadic()}. SQLite's {@code nArg} of -1 is {@code Arity.atLeast(0)}.
 *
 * <pre>{@code
 * Arity.exactly(2)     // regexp(pattern, text)
 * Arity.range(1, 2)    // round(x [, digits])
 * Arity.atLeast(1)     // concat(x, ...)
 * }</pre>
 */
public record Arity(int min, int max) {
  /** The {@link #max()} of a variadic arity. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  public Arity {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("bad arity " + min + ".." + max);
    }
  }

  public static Arity exactly(int n) {
    return new Arity(n, n);
  }

  public static Arity range(int min, int max) {
    return new Arity(min, max);
  }

  public static Arity atLeast(int min) {
    return new Arity(min, UNBOUNDED);
  }

  public boolean isVariadic() {
    return max == UNBOUNDED;
  }

  /** True when a call with {@code argc} arguments fits. */
  public boolean accepts(int argc) {
    return argc >= min && argc <= max;
  }

  /** True when some argument count fits both. */
  public boolean overlaps(Arity other) {
    return min <= other.max && other.min <= max;
  }

  @Override
  public String toString() {
    return isVariadic() ? min + "+" : min == max ? Integer.toString(min) : min + ".." + max;
  }
}
