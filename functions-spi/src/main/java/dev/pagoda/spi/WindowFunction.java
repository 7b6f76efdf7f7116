package dev.pagoda.spi;

/**
 * An aggregate that can also run over a sliding window frame, like one made with {@code
 * sqlite3_create_window_function}: besides {@code step} and {@code finish}, its accumulator can
 * report its {@code value} so far and take a row back out with {@code inverse} as the frame moves
 * on. As a plain aggregate (no OVER clause) it runs like any other.
 *
 * <pre>{@code
 * WindowFunction sumInt = new WindowFunction() {
 *   public String name() { return "sumint"; }
 *   public Arity arity() { return Arity.exactly(1); }
 *   public WindowAccumulator newAccumulator(FunctionContext ctx) {
 *     return new WindowAccumulator() {
 *       long s;
 *       public void step(Arguments a) { s += a.getLong(0); }
 *       public void inverse(Arguments a) { s -= a.getLong(0); }
 *       public Value value() { return Value.of(s); }
 *       public Value finish() { return Value.of(s); }
 *     };
 *   }
 * };
 * }</pre>
 */
public interface WindowFunction extends AggregateFunction {
  @Override
  WindowAccumulator newAccumulator(FunctionContext ctx);

  @Override
  default boolean isWindowCapable() {
    return true;
  }

  /** An accumulator whose frame can shrink from the front. */
  interface WindowAccumulator extends Accumulator {
    @Override
    Value value();

    @Override
    void inverse(Arguments args);
  }
}
