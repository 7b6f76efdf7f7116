package com.example.pagoda.plugin;

import dev.pagoda.spi.Collation;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import java.util.List;

/**
 * The provider the engine finds through {@link java.util.ServiceLoader}: declared in this module's
 * {@code module-info.java} (for the module path) and in {@code
 * META-INF/services/dev.pagoda.spi.FunctionProvider} (for the class path). It must stay public
 * with a public no-argument constructor.
 *
 * <ul>
 *   <li>{@code regexp(pattern, text)}, which SQL also reads as {@code text REGEXP pattern};
 *   <li>{@code COLLATE natsort}: text with its runs of digits ordered by number ("a2" before
 *       "a10").
 * </ul>
 */
public final class ExampleFunctions implements FunctionProvider {
  private static final Regexp REGEXP = new Regexp();
  private static final Collation NATSORT = new NaturalOrder();

  @Override
  public String providerName() {
    return "example-function-plugin";
  }

  @Override
  public List<ScalarFunction> scalarFunctions() {
    return List.of(REGEXP);
  }

  @Override
  public List<Collation> collations() {
    return List.of(NATSORT);
  }
}
