package dev.pagoda.planner;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.Value;
import java.util.List;

/**
 * The names and arities of SQLite's core functions, for planner tests (the planner alone has no
 * built-ins: they live in the executor). The bodies are never run here.
 */
public final class TestFunctions implements FunctionProvider {
  @Override
  public List<ScalarFunction> scalarFunctions() {
    return List.of(scalar("abs", Arity.exactly(1)), scalar("coalesce", Arity.atLeast(2)),
        scalar("max", Arity.atLeast(2)), scalar("min", Arity.atLeast(2)),
        scalar("length", Arity.exactly(1)), scalar("lower", Arity.exactly(1)),
        scalar("upper", Arity.exactly(1)), scalar("substr", Arity.range(2, 3)),
        scalar("typeof", Arity.exactly(1)), scalar("round", Arity.range(1, 2)),
        scalar("like", Arity.range(2, 3)), scalar("glob", Arity.exactly(2)),
        scalar("ifnull", Arity.exactly(2)), scalar("nullif", Arity.exactly(2)),
        scalar("random", Arity.exactly(0)), scalar("current_date", Arity.exactly(0)),
        scalar("current_time", Arity.exactly(0)), scalar("current_timestamp", Arity.exactly(0)));
  }

  @Override
  public List<AggregateFunction> aggregateFunctions() {
    return List.of(aggregate("count", Arity.range(0, 1)), aggregate("sum", Arity.exactly(1)),
        aggregate("avg", Arity.exactly(1)), aggregate("total", Arity.exactly(1)),
        aggregate("min", Arity.exactly(1)), aggregate("max", Arity.exactly(1)),
        aggregate("group_concat", Arity.range(1, 2)), aggregate("string_agg", Arity.exactly(2)));
  }

  private static ScalarFunction scalar(String name, Arity arity) {
    return ScalarFunction.of(name, arity, (ctx, args) -> Value.NULL);
  }

  private static AggregateFunction aggregate(String name, Arity arity) {
    return new AggregateFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Arity arity() {
        return arity;
      }

      @Override
      public Accumulator newAccumulator(FunctionContext ctx) {
        throw new UnsupportedOperationException("planner tests never run an aggregate");
      }
    };
  }
}
