package dev.pagoda.spi;

import java.util.Set;

/**
 * What every SQL function declares: the name SQL calls it by, how many arguments it takes, and
 * its {@link FunctionFlag flags}. Names compare ASCII case-insensitively, as SQLite's do; two
 * functions may share a name when their arities do not overlap.
 */
public sealed interface SqlFunction permits ScalarFunction, AggregateFunction {
  /** The name, in any case; SQL matches it ignoring ASCII case. */
  String name();

  Arity arity();

  /** The flags; by default {@link FunctionFlag#DETERMINISTIC} alone. */
  default Set<FunctionFlag> flags() {
    return Set.of(FunctionFlag.DETERMINISTIC);
  }

  default boolean isDeterministic() {
    return flags().contains(FunctionFlag.DETERMINISTIC);
  }
}
