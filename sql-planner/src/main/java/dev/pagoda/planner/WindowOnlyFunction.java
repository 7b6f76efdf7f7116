package dev.pagoda.planner;

import dev.pagoda.spi.AggregateFunction;

/**
 * An aggregate that exists only as a window function, like SQLite's built-in row_number(),
 * rank(), lag() or first_value() (SQLITE_FUNC_WINDOW): a call without an OVER clause is a
 * "misuse of window function", and it takes no FILTER clause. The executor computes such
 * functions from the whole partition rather than through {@link #newAccumulator}. This marker is
 * engine-internal; plug-ins write ordinary aggregates or {@link dev.pagoda.spi.WindowFunction}s.
 */
public interface WindowOnlyFunction extends AggregateFunction {}
