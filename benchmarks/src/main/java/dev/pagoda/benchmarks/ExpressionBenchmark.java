package dev.pagoda.benchmarks;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The evaluation of a typical WHERE over every row of a 10,000-row in-memory table: the score is
 * nanoseconds per row ({@code @OperationsPerInvocation(ROWS)}).
 *
 * <p>The executor's compiled expressions ({@code Evaluator}, evaluated against a {@code Row}) are
 * package-private to {@code dev.pagoda.executor}, so they cannot be driven from here over an
 * array of rows. Each predicate is instead compiled once, in a statement prepared per trial
 * ({@code SELECT count(*) FROM t WHERE <predicate>}), and every operation is one run of it through
 * the embedded API: a full scan that decodes the columns the predicate reads and evaluates it
 * for each row. {@link #scanBaseline} is the same scan with the cheapest predicate that still
 * decodes a column and is true for every row, so the other scores minus its score is roughly what
 * the predicate itself costs.
 *
 * <ul>
 *   <li>{@link #comparisons}: {@code a > 10 AND b < 500 AND c = 'x'} (integers and a text
 *       equality; about 89%, 50% and 33% of the rows pass each term, so AND often evaluates all
 *       three)
 *   <li>{@link #arithmeticInListLike}: {@code price * qty > ? AND status IN ('a', 'b') AND name
 *       LIKE 'ab%'} (REAL times INTEGER against a bound parameter, an IN list of texts, a LIKE
 *       prefix pattern)
 * </ul>
 *
 * <p>Every count is checked against the one computed in Java while the rows were generated.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar ExpressionBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpressionBenchmark {
  static final int ROWS = 10_000;
  static final long PRODUCT_LIMIT = 250;

  static final String CREATE =
      "CREATE TABLE t(a INTEGER, b INTEGER, c TEXT, price REAL, qty INTEGER, status TEXT,"
          + " name TEXT)";
  static final String INSERT = "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)";
  static final String BASELINE = "SELECT count(*) FROM t WHERE a >= 0";
  static final String COMPARISONS = "SELECT count(*) FROM t WHERE a > 10 AND b < 500 AND c = 'x'";
  static final String ARITHMETIC_IN_LIST_LIKE =
      "SELECT count(*) FROM t WHERE price * qty > ? AND status IN ('a', 'b')"
          + " AND name LIKE 'ab%'";

  private static final String[] LETTERS = {"x", "y", "z"};
  private static final String[] STATUSES = {"a", "b", "c", "d", "e"};

  private Database db;
  private Connection conn;
  private PreparedStatement baseline;
  private PreparedStatement comparisons;
  private PreparedStatement arithmeticInListLike;
  private long expectedComparisons;
  private long expectedArithmeticInListLike;

  @Setup
  public void setUp() {
    db = Database.openInMemory();
    conn = db.connect();
    conn.execute(CREATE);
    SplittableRandom random = new SplittableRandom(20261203);
    conn.execute("BEGIN");
    try (PreparedStatement insert = conn.prepare(INSERT)) {
      for (int i = 0; i < ROWS; i++) {
        long a = random.nextInt(100);
        long b = random.nextInt(1000);
        String c = LETTERS[random.nextInt(LETTERS.length)];
        // Quarters are exact in binary, so the product is the same double in SQL and in Java.
        double price = random.nextInt(400) / 4.0;
        long qty = 1 + random.nextInt(10);
        String status = STATUSES[random.nextInt(STATUSES.length)];
        String name = randomName(random);
        insert.bind(1, a).bind(2, b).bind(3, c).bind(4, price).bind(5, qty).bind(6, status)
            .bind(7, name).executeUpdate();
        expectedComparisons += a > 10 && b < 500 && c.equals("x") ? 1 : 0;
        expectedArithmeticInListLike +=
            price * qty > PRODUCT_LIMIT && (status.equals("a") || status.equals("b"))
                && name.startsWith("ab") ? 1 : 0;
      }
    }
    conn.execute("COMMIT");
    baseline = conn.prepare(BASELINE);
    comparisons = conn.prepare(COMPARISONS);
    arithmeticInListLike = conn.prepare(ARITHMETIC_IN_LIST_LIKE);
    arithmeticInListLike.bind(1, PRODUCT_LIMIT);
    if (expectedComparisons == 0 || expectedArithmeticInListLike == 0) {
      throw new IllegalStateException("a predicate matches no row: the data are wrong");
    }
  }

  /** Four lower-case letters from {@code a}, {@code b}, {@code c}: about one in nine is ab%. */
  private static String randomName(SplittableRandom random) {
    char[] name = new char[4];
    for (int i = 0; i < name.length; i++) {
      name[i] = (char) ('a' + random.nextInt(3));
    }
    return new String(name);
  }

  @TearDown
  public void tearDown() {
    baseline.close();
    comparisons.close();
    arithmeticInListLike.close();
    conn.close();
    db.close();
  }

  /** The scan with {@code a >= 0}: one column decoded and compared, every row passes. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long scanBaseline() {
    return check(count(baseline), ROWS, BASELINE);
  }

  /** {@code a > 10 AND b < 500 AND c = 'x'} for every row. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long comparisons() {
    return check(count(comparisons), expectedComparisons, COMPARISONS);
  }

  /** {@code price * qty > ? AND status IN ('a', 'b') AND name LIKE 'ab%'} for every row. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long arithmeticInListLike() {
    return check(
        count(arithmeticInListLike), expectedArithmeticInListLike, ARITHMETIC_IN_LIST_LIKE);
  }

  private static long count(PreparedStatement query) {
    try (Rows rows = query.query()) {
      if (!rows.next()) {
        throw new IllegalStateException("count(*) returned no row");
      }
      return rows.getLong(0);
    }
  }

  private static long check(long actual, long expected, String sql) {
    if (actual != expected) {
      throw new IllegalStateException(sql + ": got " + actual + ", expected " + expected);
    }
    return actual;
  }
}
