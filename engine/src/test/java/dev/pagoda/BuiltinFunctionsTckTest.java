package dev.pagoda;

import dev.pagoda.executor.BuiltinFunctions;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.SqlFunction;
import dev.pagoda.tck.FunctionProviderTck;
import java.util.Locale;
import java.util.Set;

/** Pagoda's own built-in functions meet the TCK that every plug-in meets. */
class BuiltinFunctionsTckTest extends FunctionProviderTck {
  /** Functions SQL reaches through a keyword (SQLite's CTIME_KW), never as {@code name(...)}. */
  private static final Set<String> KEYWORDS =
      Set.of("current_time", "current_date", "current_timestamp");

  @Override
  protected FunctionProvider provider() {
    return new BuiltinFunctions();
  }

  @Override
  protected boolean callableByName(SqlFunction f) {
    return !KEYWORDS.contains(f.name().toLowerCase(Locale.ROOT));
  }
}
