package dev.pagoda.tck;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlFunction;
import dev.pagoda.spi.TableFunction;
import dev.pagoda.spi.Value;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The technology compatibility kit for {@link FunctionProvider}s: extend it in your plug-in's
 * tests, return your provider from {@link #provider()}, and JUnit runs every check against it,
 * each function, collation and table-valued function reported on its own.
 *
 * <pre>{@code
 * class RegexpFunctionsTest extends FunctionProviderTck {
 *   protected FunctionProvider provider() { return new RegexpFunctions(); }
 *
 *   protected List<Sample> samples() {
 *     return List.of(Sample.of("regexp", Value.of(1), Value.of("^a.c$"), Value.of("abc")));
 *   }
 * }
 * }</pre>
 *
 * <p>What it checks:
 *
 * <ul>
 *   <li>declarations: names are bare SQL identifiers, no two functions of one name accept the
 *       same argument count, no duplicate collation or table-valued function names, arities
 *       are at most {@value Declarations#MAX_ARGS} or variadic, the class is public with a
 *       public no-argument constructor;
 *   <li>registration: {@code ServiceLoader} finds the provider, a {@code META-INF/services} file
 *       names it, and a module-info beside it provides it;
 *   <li>each scalar function: called directly and from SQL with its least and most argument
 *       counts (two more than the least for a variadic one), with {@link #sampleArguments} and
 *       with NULLs, it returns a value or throws {@code SqlException}, nothing else; with one
 *       argument too few or too many SQL reports "wrong number of arguments to function
 *       NAME()"; a deterministic one gives equal results for equal arguments;
 *   <li>each aggregate: over an empty group and over three rows, directly and from SQL; a
 *       window-capable one's inverse undoes a step;
 *   <li>each collation: reflexive, antisymmetric and transitive over {@link
 *       #collationSamples()}, and {@code ORDER BY x COLLATE name} sorts by it;
 *   <li>each table-valued function: a direct scan reads its rows;
 *   <li>each of your {@link #samples()} and {@link #aggregateSamples()}: the expected value or
 *       error, directly and from SQL (a scalar sample also over several rows of one statement,
 *       so auxiliary data is reused).
 * </ul>
 *
 * <p>The SQL checks open in-memory databases, so the provider must be registered on the test's
 * class path for the engine to load it, which the registration checks verify.
 */
public abstract class FunctionProviderTck {
  /** The provider under test; a new instance or a shared one. */
  protected abstract FunctionProvider provider();

  /** Scalar calls with their expected results; none by default. */
  protected List<Sample> samples() {
    return List.of();
  }

  /** Aggregate runs with their expected results; none by default. */
  protected List<AggregateSample> aggregateSamples() {
    return List.of();
  }

  /**
   * Arguments for calling {@code f} with {@code argc} of them, when any values will do; the
   * checks also call with NULLs. By default the integer 1 for each, which reads as 1, 1.0 and
   * '1'. Override for functions that reject that (the result may still be a SqlException).
   */
  protected List<Value> sampleArguments(SqlFunction f, int argc) {
    return Collections.nCopies(argc, Value.of(1));
  }

  /**
   * Whether SQL calls {@code f} as {@code name(...)}; true by default. Only a built-in that SQL
   * reaches through a keyword ({@code CURRENT_TIME}, which SQLite parses as a keyword, so that
   * {@code current_time(1)} is a syntax error) returns false: its SQL call checks are left out
   * and only the direct ones run.
   */
  protected boolean callableByName(SqlFunction f) {
    return true;
  }

  /** Arguments for a scan of table-valued function {@code t}; integer 1s by default. */
  protected List<Value> sampleArguments(TableFunction t, int argc) {
    return Collections.nCopies(argc, Value.of(1));
  }

  /** The strings each collation must order totally, and ORDER BY sorts. */
  protected List<String> collationSamples() {
    return List.of("", " ", "a", "A", "b", "B", "ab", "aB", "a b", "z", "Z", "0", "1", "2",
        "9", "10", "01", "a2", "a10", "a02", "é", "e", "E", "ß", "ss", "\u00c9", "e\u0301",
        "\uD83D\uDE00", "日本");
  }

  @TestFactory
  Stream<DynamicNode> declarations() {
    return Declarations.all(provider());
  }

  @TestFactory
  Stream<DynamicNode> registration() {
    return Registration.all(provider().getClass());
  }

  @TestFactory
  Stream<DynamicNode> scalarFunctions() {
    return provider().scalarFunctions().stream()
        .map(f -> dynamicContainer("scalar " + f.name() + "/" + f.arity(),
            ScalarChecks.of(this, f)));
  }

  @TestFactory
  Stream<DynamicNode> aggregateFunctions() {
    return provider().aggregateFunctions().stream()
        .map(f -> dynamicContainer("aggregate " + f.name() + "/" + f.arity(),
            AggregateChecks.of(this, f)));
  }

  @TestFactory
  Stream<DynamicNode> collations() {
    return provider().collations().stream()
        .map(c -> dynamicContainer("collation " + c.name(), CollationChecks.of(c, collationSamples())));
  }

  @TestFactory
  Stream<DynamicNode> tableFunctions() {
    return provider().tableFunctions().stream()
        .map(t -> dynamicContainer("table-valued " + t.name() + "/" + t.arity(),
            TableChecks.of(this, t)));
  }

  @TestFactory
  Stream<DynamicNode> samplesGiveTheirResults() {
    FunctionProvider p = provider();
    return Stream.concat(
        samples().stream().map(s -> SampleChecks.scalar(p, s)),
        aggregateSamples().stream().map(s -> SampleChecks.aggregate(p, s)));
  }

  /**
   * Whether a function of the provider of {@code f}'s name takes {@code argc} (so a call with
   * that count is not an error); {@code f} itself does not, as argc lies outside its arity.
   */
  boolean acceptsElsewhere(SqlFunction f, int argc) {
    return Declarations.functions(provider()).stream()
        .anyMatch(g -> g.name().equalsIgnoreCase(f.name()) && g.arity().accepts(argc));
  }
}
