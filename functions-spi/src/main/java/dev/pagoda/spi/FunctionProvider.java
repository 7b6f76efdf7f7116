package dev.pagoda.spi;

import java.util.List;

/**
 * A bundle of functions and collations, found with {@link java.util.ServiceLoader}. Pagoda's own
 * built-ins come through this very interface. To publish one, implement it with a public
 * no-argument constructor and declare it both ways, so it loads from the module path and the
 * class path:
 *
 * <pre>{@code
 * // module-info.java
 * provides dev.pagoda.spi.FunctionProvider with com.example.RegexpFunctions;
 *
 * // META-INF/services/dev.pagoda.spi.FunctionProvider
 * com.example.RegexpFunctions
 * }</pre>
 *
 * Two providers that both define a function of one name with overlapping arities, or two
 * collations of one name, are a configuration error: the engine refuses to open and names both.
 * A connection's own registrations ({@code Connection.createFunction}) may replace a provided
 * function, as {@code sqlite3_create_function} may.
 */
public interface FunctionProvider {
  /** A name for error messages and {@code PRAGMA function_list}; the class name by default. */
  default String providerName() {
    return getClass().getName();
  }

  default List<ScalarFunction> scalarFunctions() {
    return List.of();
  }

  default List<AggregateFunction> aggregateFunctions() {
    return List.of();
  }

  default List<TableFunction> tableFunctions() {
    return List.of();
  }

  default List<Collation> collations() {
    return List.of();
  }
}
