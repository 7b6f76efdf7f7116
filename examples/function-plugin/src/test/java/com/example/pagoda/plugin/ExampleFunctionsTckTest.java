package com.example.pagoda.plugin;

import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.Value;
import dev.pagoda.tck.FunctionProviderTck;
import dev.pagoda.tck.Sample;
import java.util.List;

/**
 * The plug-in against the TCK: every generic check on regexp() and natsort, and these samples,
 * both called directly and from SQL.
 */
class ExampleFunctionsTckTest extends FunctionProviderTck {
  @Override
  protected FunctionProvider provider() {
    return new ExampleFunctions();
  }

  @Override
  protected List<Sample> samples() {
    return List.of(
        Sample.of("regexp", Value.of(1), Value.of("^a.c$"), Value.of("abc")),
        Sample.of("regexp", Value.of(0), Value.of("^a.c$"), Value.of("abcd")),
        Sample.of("regexp", Value.of(1), Value.of("b"), Value.of("abc")),
        Sample.of("regexp", Value.of(0), Value.of("^b"), Value.of("abc")),
        Sample.of("regexp", Value.of(1), Value.of("\\d+"), Value.of("a42")),
        Sample.of("regexp", Value.of(1), Value.of("^1\\.5$"), Value.of(1.5)),
        Sample.of("regexp", Value.of(1), Value.of(4), Value.of(42)),
        Sample.of("regexp", Value.NULL, Value.NULL, Value.of("abc")),
        Sample.of("regexp", Value.NULL, Value.of("a"), Value.NULL),
        Sample.error("regexp", "invalid regular expression: Unclosed group near index 1",
            Value.of("("), Value.of("x")));
  }
}
