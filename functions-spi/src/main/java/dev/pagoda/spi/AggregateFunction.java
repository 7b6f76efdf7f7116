package dev.pagoda.spi;

/**
 * A function folding many rows into one value, like {@code sqlite3_create_function} with {@code
 * xStep} and {@code xFinal}. For each group the engine asks for a new {@link Accumulator}, steps
 * it once per row (rows whose FILTER is false are not stepped; for {@code DISTINCT} only the
 * first of equal argument lists is), then finishes it once.
 *
 * <p>An aggregate that also implements {@link Accumulator#inverse} and {@link
 * Accumulator#value} and says so with {@link #isWindowCapable()} can run as a window aggregate
 * over a sliding frame, like {@code sqlite3_create_window_function}.
 *
 * <pre>{@code
 * AggregateFunction product = new AggregateFunction() {
 *   public String name() { return "product"; }
 *   public Arity arity() { return Arity.exactly(1); }
 *   public Accumulator newAccumulator(FunctionContext ctx) {
 *     return new Accumulator() {
 *       double p = 1;
 *       public void step(Arguments args) { if (!args.isNull(0)) p *= args.getDouble(0); }
 *       public Value finish() { return Value.of(p); }
 *     };
 *   }
 * };
 * }</pre>
 */
public non-sealed interface AggregateFunction extends SqlFunction {
  /** A fresh state for one group (or one window partition). */
  Accumulator newAccumulator(FunctionContext ctx);

  /** True when every accumulator implements {@link Accumulator#inverse} and value(). */
  default boolean isWindowCapable() {
    return false;
  }

  /** The running state of one group. Used by one thread; it may keep whatever it needs. */
  interface Accumulator {
    /** Adds one row's arguments. */
    void step(Arguments args);

    /** The result after the last row; called once. An empty group gets no step before it. */
    Value finish();

    /** The result so far, when run as a window aggregate; the accumulator goes on after it. */
    default Value value() {
      throw new UnsupportedOperationException("not a window aggregate");
    }

    /** Removes the effect of an earlier {@link #step} with these arguments (window frames). */
    default void inverse(Arguments args) {
      throw new UnsupportedOperationException("not a window aggregate");
    }
  }
}
