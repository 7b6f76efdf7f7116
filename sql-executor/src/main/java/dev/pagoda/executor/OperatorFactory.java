package dev.pagoda.executor;

/**
 * Opens the operator of one plan node for one run or, inside a join, for one row of the join's
 * earlier steps: {@code outer} is the row that a seek's key expressions read.
 */
@FunctionalInterface
interface OperatorFactory {
  Operator open(RunContext run, Row outer);
}
