package dev.pagoda.executor;

/** Opens the operator of one plan node for one run (or, inside a join, for one outer row). */
@FunctionalInterface
interface OperatorFactory {
  Operator open(RunContext run);
}
