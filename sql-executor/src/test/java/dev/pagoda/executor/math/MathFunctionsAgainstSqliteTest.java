package dev.pagoda.executor.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.Value;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link MathFunctions} called directly against sqlite-jdbc's math functions
 * with the same arguments bound as parameters: storage class always, value bit for bit except
 * where noted.
 *
 * <p>Deliberate difference: SQLite hands the transcendental functions to the platform's C library
 * (glibc under sqlite-jdbc on Linux; other platforms give other last bits), Pagoda to {@link Math}
 * and the formulas in {@link Hyperbolic}. Those agree with glibc bit for bit on most arguments
 * and within {@link #ULPS} units in the last place on all; the functions whose results are exact
 * or come from the same correctly rounded operations are compared bit for bit.
 */
class MathFunctionsAgainstSqliteTest {
  private static DirectCalls calls;

  /** The last-place tolerance per function; a function not listed must match bit for bit. */
  static final Map<String, Integer> ULPS = Map.ofEntries(Map.entry("acos", 1),
      Map.entry("asin", 1), Map.entry("atan", 1), Map.entry("atanh", 1), Map.entry("cos", 1),
      Map.entry("cosh", 1), Map.entry("exp", 1), Map.entry("log", 1), Map.entry("log10", 1),
      Map.entry("log2", 1), Map.entry("sin", 1), Map.entry("sinh", 2), Map.entry("tan", 1),
      Map.entry("tanh", 1), Map.entry("atan2", 1), Map.entry("pow", 1), Map.entry("power", 1));

  static final List<String> UNARY = List.of("acos", "acosh", "asin", "asinh", "atan", "atanh",
      "ceil", "ceiling", "cos", "cosh", "degrees", "exp", "floor", "ln", "log", "log10", "log2",
      "radians", "sin", "sinh", "sqrt", "tan", "tanh", "trunc");

  static final List<String> BINARY = List.of("atan2", "log", "mod", "pow", "power");

  /** Every storage class, signs, zeros, extremes, infinities, fractions and numeric texts. */
  static final List<Value> ARGS = List.of(Value.NULL, Value.of(0L), Value.of(1L), Value.of(-1L),
      Value.of(2L), Value.of(3L), Value.of(10L), Value.of(100L), Value.of(710L), Value.of(-7L),
      Value.of(Long.MAX_VALUE), Value.of(Long.MIN_VALUE), Value.of(0.0), Value.of(-0.0),
      Value.of(0.5), Value.of(-0.5), Value.of(1.5), Value.of(-2.5), Value.of(0.1), Value.of(0.7),
      Value.of(0.9999), Value.of(1.0000001), Value.of(1e-10), Value.of(12345.678),
      Value.of(1e308), Value.of(-1e308), Value.of(1e-308), Value.of(4.9e-324),
      Value.of(Double.POSITIVE_INFINITY), Value.of(Double.NEGATIVE_INFINITY),
      Value.of(Math.PI / 2), Value.of(1e15 + 0.5), Value.of(""), Value.of("abc"), Value.of(" 4 "),
      Value.of("4abc"), Value.of("-2.5"), Value.of("1e3"), Value.of("0x10"), Value.of(".5"),
      Value.of("5."), Value.of("9223372036854775808"), Value.of("-9223372036854775808"),
      Value.of("1e400"), Value.of("Ünï"), Value.of(new byte[0]), Value.of(new byte[] {'4'}));

  /** A smaller pool for the two-argument functions. */
  static final List<Value> FEW = List.of(Value.NULL, Value.of(0L), Value.of(1L), Value.of(-1L),
      Value.of(2L), Value.of(-7L), Value.of(Long.MAX_VALUE), Value.of(Long.MIN_VALUE),
      Value.of(-0.0), Value.of(0.5), Value.of(-2.5), Value.of(1e308), Value.of(1e-308),
      Value.of(Double.POSITIVE_INFINITY), Value.of(Double.NEGATIVE_INFINITY), Value.of(""),
      Value.of("abc"), Value.of(" 8 "), Value.of("8abc"), Value.of(new byte[] {'8'}));

  @BeforeAll
  static void open() throws SQLException {
    calls = new DirectCalls(new MathFunctions());
  }

  @AfterAll
  static void close() throws SQLException {
    System.out.println("MathFunctionsAgainstSqliteTest: " + calls.compared() + " calls compared");
    calls.close();
  }

  private static List<String> differences(String f, int argc, List<Value> pool) {
    return calls.differences(f, argc, pool, ULPS.getOrDefault(f, 0));
  }

  private static void assertNoDifferences(List<String> diffs, int cases) {
    assertTrue(diffs.isEmpty(), diffs.size() + " of " + cases + " differ:\n"
        + String.join("\n", diffs));
  }

  @Test
  void unaryFunctions_overEveryArgument_matchSqlite() {
    List<String> diffs = new ArrayList<>();
    for (String f : UNARY) {
      diffs.addAll(differences(f, 1, ARGS));
    }
    assertNoDifferences(diffs, UNARY.size() * ARGS.size());
  }

  @Test
  void binaryFunctions_overArgumentPairs_matchSqlite() {
    List<String> diffs = new ArrayList<>();
    for (String f : BINARY) {
      diffs.addAll(differences(f, 2, FEW));
    }
    assertNoDifferences(diffs, BINARY.size() * FEW.size() * FEW.size());
  }

  /** Random doubles over many magnitudes, to catch last-bit differences from the C library. */
  @Test
  void randomDoubles_matchSqlite() {
    Random random = new Random(42);
    List<Value> pool = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double magnitude = Math.pow(10, random.nextInt(21) - 10);
      pool.add(Value.of((random.nextDouble() * 2 - 1) * magnitude));
    }
    List<String> diffs = new ArrayList<>();
    for (String f : UNARY) {
      diffs.addAll(differences(f, 1, pool));
    }
    List<Value> pairs = pool.subList(0, 40);
    for (String f : BINARY) {
      diffs.addAll(differences(f, 2, pairs));
    }
    assertNoDifferences(diffs, UNARY.size() * pool.size() + BINARY.size() * 1600);
  }

  @Test
  void exactCases_matchSqliteBitForBit() {
    List<String> diffs = new ArrayList<>();
    List<Value> pool = List.of(Value.of(1L), Value.of(2L), Value.of(8L), Value.of(1024L),
        Value.of(0.25), Value.of(1e-300), Value.of(Math.E), Value.of(10.0), Value.of(1000L),
        Value.of(0x1p-1000), Value.of(0x1p1000));
    for (String f : List.of("ln", "log", "log10", "log2", "exp", "sqrt")) {
      diffs.addAll(calls.differences(f, 1, pool, 0));
    }
    assertNoDifferences(diffs, pool.size() * 6);
  }

  @Test
  void pi_isSqlitesPi() {
    assertEquals(calls.sqlite("pi"), calls.pagoda("pi"));
    assertEquals("R" + Math.PI, calls.pagoda("pi"));
  }
}
