package dev.pagoda.executor;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's core built-in functions, registered through {@link java.util.ServiceLoader} like any
 * plug-in: the scalar functions of {@link CoreFunctions}, {@link StringFunctions} and {@link
 * NumericFunctions}, and the aggregates of {@link Aggregators}.
 */
public final class BuiltinFunctions implements FunctionProvider {
  private static final List<ScalarFunction> SCALARS = scalars();
  private static final List<AggregateFunction> AGGREGATES = Aggregators.all();

  /** For {@link java.util.ServiceLoader}. */
  public BuiltinFunctions() {}

  private static List<ScalarFunction> scalars() {
    List<ScalarFunction> all = new ArrayList<>(CoreFunctions.all());
    all.addAll(StringFunctions.all());
    all.addAll(NumericFunctions.all());
    return List.copyOf(all);
  }

  @Override
  public String providerName() {
    return "pagoda core";
  }

  @Override
  public List<ScalarFunction> scalarFunctions() {
    return SCALARS;
  }

  @Override
  public List<AggregateFunction> aggregateFunctions() {
    return AGGREGATES;
  }
}
