package dev.pagoda.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/** The TCK catches what it claims to: each check is run against a provider that breaks it. */
class FunctionProviderTckSelfTest {
  /** A provider breaking a rule in each of its parts. Public for the constructor check. */
  public static final class Broken implements FunctionProvider {
    @Override
    public List<ScalarFunction> scalarFunctions() {
      return List.of(
          ScalarFunction.of("twice", Arity.range(1, 2), (ctx, a) -> a.get(0)),
          ScalarFunction.of("twice", Arity.exactly(2), (ctx, a) -> a.get(0)),
          ScalarFunction.of("no_nulls", Arity.exactly(1),
              (ctx, a) -> Value.of(a.getText(0).length())),
          ScalarFunction.of("java_null", Arity.exactly(1), (ctx, a) -> null),
          ScalarFunction.of("counter", Arity.exactly(0), new Counter()));
    }

    @Override
    public List<AggregateFunction> aggregateFunctions() {
      return List.of(new AggregateFunction() {
        @Override
        public String name() {
          return "bad name";
        }

        @Override
        public Arity arity() {
          return Arity.exactly(1);
        }

        @Override
        public Accumulator newAccumulator(FunctionContext ctx) {
          return new Accumulator() {
            @Override
            public void step(dev.pagoda.spi.Arguments args) {}

            @Override
            public Value finish() {
              throw new IllegalStateException("no rows");
            }
          };
        }
      });
    }

    @Override
    public List<Collation> collations() {
      return List.of(Collation.of("always_after", (a, b) -> (a.length() + b.length()) % 2 == 0 ? 1 : -1));
    }
  }

  /** Claims to be deterministic but counts its calls. */
  private static final class Counter implements ScalarFunction.Body {
    private long calls;

    @Override
    public Value apply(FunctionContext ctx, dev.pagoda.spi.Arguments args) {
      return Value.of(++calls);
    }
  }

  private static final class BrokenTck extends FunctionProviderTck {
    @Override
    protected FunctionProvider provider() {
      return new Broken();
    }
  }

  @Test
  void declarations_ofBrokenProvider_fail() {
    List<String> failed = failures(new BrokenTck().declarations());
    assertEquals(List.of(
        "function names are identifiers",
        "no two functions share a name with overlapping arities"), failed);
  }

  @Test
  void declarations_ofWellFormedProvider_pass() {
    FunctionProviderTck tck = new FunctionProviderTck() {
      @Override
      protected FunctionProvider provider() {
        return new WellFormed();
      }
    };
    assertEquals(List.of(), failures(tck.declarations()));
  }

  @Test
  void registration_ofUnregisteredProvider_fails() {
    List<String> failed = failures(new BrokenTck().registration());
    assertTrue(failed.contains("ServiceLoader.load(FunctionProvider.class) finds it"), failed::toString);
    assertTrue(failed.contains("a " + Registration.SERVICES + " file names it (class path)"),
        failed::toString);
  }

  @Test
  void directChecks_catchNonSqlExceptionsJavaNullAndNondeterminism() {
    List<String> failed = failures(new BrokenTck().scalarFunctions());
    assertTrue(failed.contains("scalar no_nulls/1 > direct call with 1 NULL arguments"),
        failed::toString);
    assertTrue(failed.contains("scalar java_null/1 > direct call with [1]"), failed::toString);
    assertTrue(failed.contains("scalar counter/0 > deterministic: [] twice gives one result"),
        failed::toString);
    assertTrue(!failed.contains("scalar no_nulls/1 > direct call with [1]"), failed::toString);
  }

  @Test
  void aggregateChecks_catchAnEmptyGroupThatThrows() {
    List<String> failed = failures(new BrokenTck().aggregateFunctions());
    assertTrue(failed.contains("aggregate bad name/1 > direct: an empty group finishes"),
        failed::toString);
  }

  @Test
  void collationChecks_catchAnOrderThatIsNotAntisymmetric() {
    List<String> failed = failures(new BrokenTck().collations());
    assertTrue(failed.contains(
        "collation always_after > antisymmetric: sign(compare(a, b)) == -sign(compare(b, a))"),
        failed::toString);
    assertTrue(failed.contains("collation always_after > reflexive: compare(a, a) == 0"),
        failed::toString);
  }

  /** One well-formed function, collation and aggregate. */
  public static final class WellFormed implements FunctionProvider {
    @Override
    public List<ScalarFunction> scalarFunctions() {
      return List.of(
          ScalarFunction.of("one_of", Arity.exactly(1), (ctx, a) -> a.get(0)),
          ScalarFunction.of("one_of", Arity.range(2, 3), (ctx, a) -> a.get(1)));
    }

    @Override
    public List<Collation> collations() {
      return List.of(Collation.of("plain", String::compareTo));
    }
  }

  /** Runs every test under {@code nodes}; the display paths of those that failed, in order. */
  private static List<String> failures(Stream<DynamicNode> nodes) {
    List<String> failed = new ArrayList<>();
    nodes.forEach(n -> run(n, "", failed));
    return failed;
  }

  private static void run(DynamicNode node, String prefix, List<String> failed) {
    String name = prefix + node.getDisplayName();
    if (node instanceof DynamicContainer c) {
      c.getChildren().forEach(child -> run(child, name + " > ", failed));
      return;
    }
    try {
      ((DynamicTest) node).getExecutable().execute();
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError e) {
        throw e;
      }
      failed.add(name);
    }
  }
}
