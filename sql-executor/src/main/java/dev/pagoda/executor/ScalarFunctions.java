package dev.pagoda.executor;

import dev.pagoda.spi.SqlException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of built-in scalar functions, by lower-case name. Each family of built-ins lists
 * its functions in its own class ({@link CoreFunctions}, {@link StringFunctions}, {@link
 * NumericFunctions}).
 */
final class ScalarFunctions {
  private ScalarFunctions() {}

  private static final Map<String, ScalarFunction> BUILTINS = new HashMap<>();

  static {
    register(CoreFunctions.all());
    register(StringFunctions.all());
    register(NumericFunctions.all());
  }

  private static void register(List<ScalarFunction> functions) {
    for (ScalarFunction f : functions) {
      if (BUILTINS.put(f.name(), f) != null) {
        throw new AssertionError("two built-ins named " + f.name());
      }
    }
  }

  /**
   * The function {@code name} called with {@code argc} arguments.
   *
   * @throws SqlException "no such function" or "wrong number of arguments", as SQLite words them
   */
  static ScalarFunction resolve(String name, int argc) {
    ScalarFunction f = BUILTINS.get(name);
    if (f == null) {
      throw SqlException.error("no such function: " + name);
    }
    if (argc < f.minArgs() || (f.maxArgs() != ScalarFunction.VARIADIC && argc > f.maxArgs())) {
      throw SqlException.error("wrong number of arguments to function " + name + "()");
    }
    return f;
  }
}
