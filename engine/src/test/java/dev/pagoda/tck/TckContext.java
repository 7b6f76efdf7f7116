package dev.pagoda.tck;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.DetachedContext;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.Value;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The contexts the TCK calls functions through directly, outside SQL: {@link
 * FunctionContext#detached} with the clock at 2000-01-01T00:00:00Z in UTC, so auxiliary data is
 * kept and dropped as the engine does. One context stands for one call site.
 */
public final class TckContext {
  /** The statement time of every TCK context. */
  public static final Instant TIME = Instant.parse("2000-01-01T00:00:00Z");

  private TckContext() {}

  /** A fresh context: a new call site. */
  public static DetachedContext create() {
    return FunctionContext.detached(TIME, ZoneOffset.UTC);
  }

  /** Calls {@code f} through {@code ctx}, telling the context the call's arguments first. */
  static Value call(DetachedContext ctx, ScalarFunction f, Arguments args) {
    ctx.arguments(args);
    return f.call(ctx, args);
  }
}
