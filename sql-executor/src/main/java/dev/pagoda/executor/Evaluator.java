package dev.pagoda.executor;

import dev.pagoda.spi.Value;

/** A compiled expression: evaluated once per row, never re-reading the AST. */
@FunctionalInterface
interface Evaluator {
  Value eval(Row row);
}
