package dev.pagoda.benchmarks;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The join index probe: a scan of a 10,000-row outer table driving, for each outer row, a seek
 * into an index of a 100,000-row inner table and a read of each matching inner row. The score is
 * nanoseconds per outer row ({@code @OperationsPerInvocation(OUTER_ROWS)}).
 *
 * <ul>
 *   <li>{@link #singleColumnKey}: {@code SELECT count(*), sum(i.v) FROM outer_rows o JOIN
 *       inner_rows i ON i.k = o.k} over the index {@code inner_k} on {@code inner_rows(k)}
 *   <li>{@link #twoColumnKey}: {@code ... ON i.k1 = o.k1 AND i.k2 = o.k2} over the index {@code
 *       inner_k12} on {@code inner_rows(k1, k2)}
 * </ul>
 *
 * <p>Both keys draw from 50,000 values, uniformly on both sides, so an outer row matches about
 * two inner rows (none for about one in seven) and every probe descends the index. The setup
 * fails unless EXPLAIN QUERY PLAN shows exactly the plan measured: the outer table scanned, the
 * inner one searched by its index with every key column bound; and each run's count and sum are
 * checked against the ones computed in Java.
 *
 * <p>{@code storage}: {@code memory} (an in-memory database) or {@code file} (a file in a new
 * directory under {@code java.io.tmpdir}, deleted at the end; Pagoda's default page cache of
 * about 2 MB, which holds neither the inner table nor its indexes, so probes also read pages
 * through the file system cache).
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar JoinProbeBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JoinProbeBenchmark {
  static final int OUTER_ROWS = 10_000;
  static final int INNER_ROWS = 100_000;
  static final int K1_VALUES = 500;
  static final int K2_VALUES = 100;
  static final int KEY_VALUES = K1_VALUES * K2_VALUES;

  static final String SINGLE =
      "SELECT count(*), sum(i.v) FROM outer_rows o JOIN inner_rows i ON i.k = o.k";
  static final String TWO_COLUMNS =
      "SELECT count(*), sum(i.v) FROM outer_rows o JOIN inner_rows i"
          + " ON i.k1 = o.k1 AND i.k2 = o.k2";
  static final List<String> SINGLE_PLAN = List.of("SCAN o", "SEARCH i USING INDEX inner_k (k=?)");
  static final List<String> TWO_COLUMNS_PLAN =
      List.of("SCAN o", "SEARCH i USING INDEX inner_k12 (k1=? AND k2=?)");

  @Param({"memory", "file"})
  public String storage;

  private Path dir;
  private Database db;
  private Connection conn;
  private PreparedStatement single;
  private PreparedStatement twoColumns;
  private final long[] expectedSingle = new long[2];
  private final long[] expectedTwoColumns = new long[2];

  @Setup
  public void setUp() throws IOException {
    switch (storage) {
      case "memory" -> db = Database.openInMemory();
      case "file" -> {
        dir = Files.createTempDirectory("pagoda-join-probe-");
        db = Database.open(dir.resolve("join.db"));
      }
      default -> throw new IllegalArgumentException("unknown storage: " + storage);
    }
    conn = db.connect();
    load(new SplittableRandom(20261203));
    single = conn.prepare(SINGLE);
    twoColumns = conn.prepare(TWO_COLUMNS);
    requirePlan(SINGLE, SINGLE_PLAN);
    requirePlan(TWO_COLUMNS, TWO_COLUMNS_PLAN);
  }

  /**
   * Fills both tables (indexes built after the rows) and computes the expected answers: per key,
   * how many inner rows have it and the sum of their {@code v}.
   */
  private void load(SplittableRandom random) {
    conn.execute("CREATE TABLE outer_rows(k INTEGER, k1 INTEGER, k2 INTEGER)");
    conn.execute("CREATE TABLE inner_rows(k INTEGER, k1 INTEGER, k2 INTEGER, v INTEGER)");
    Map<Long, long[]> byKey = new HashMap<>();
    Map<Long, long[]> byPair = new HashMap<>();
    conn.execute("BEGIN");
    try (PreparedStatement insert = conn.prepare("INSERT INTO inner_rows VALUES (?, ?, ?, ?)")) {
      for (int r = 0; r < INNER_ROWS; r++) {
        long k = random.nextInt(KEY_VALUES);
        long k1 = random.nextInt(K1_VALUES);
        long k2 = random.nextInt(K2_VALUES);
        long v = random.nextInt(1_000_000);
        insert.bind(1, k).bind(2, k1).bind(3, k2).bind(4, v).executeUpdate();
        add(byKey, k, v);
        add(byPair, k1 * K2_VALUES + k2, v);
      }
    }
    try (PreparedStatement insert = conn.prepare("INSERT INTO outer_rows VALUES (?, ?, ?)")) {
      for (int r = 0; r < OUTER_ROWS; r++) {
        long k = random.nextInt(KEY_VALUES);
        long k1 = random.nextInt(K1_VALUES);
        long k2 = random.nextInt(K2_VALUES);
        insert.bind(1, k).bind(2, k1).bind(3, k2).executeUpdate();
        addMatches(expectedSingle, byKey.get(k));
        addMatches(expectedTwoColumns, byPair.get(k1 * K2_VALUES + k2));
      }
    }
    conn.execute("CREATE INDEX inner_k ON inner_rows(k)");
    conn.execute("CREATE INDEX inner_k12 ON inner_rows(k1, k2)");
    conn.execute("COMMIT");
  }

  private static void add(Map<Long, long[]> matches, long key, long v) {
    long[] m = matches.computeIfAbsent(key, x -> new long[2]);
    m[0]++;
    m[1] += v;
  }

  private static void addMatches(long[] expected, long[] matches) {
    if (matches != null) {
      expected[0] += matches[0];
      expected[1] += matches[1];
    }
  }

  /** Fails unless EXPLAIN QUERY PLAN of {@code sql} has exactly {@code expected} as its lines. */
  private void requirePlan(String sql, List<String> expected) {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement eqp = conn.prepare("EXPLAIN QUERY PLAN " + sql);
        Rows rows = eqp.query()) {
      while (rows.next()) {
        lines.add(rows.getString(3));
      }
    }
    System.out.println("EXPLAIN QUERY PLAN " + sql + ": " + lines);
    if (!lines.equals(expected)) {
      throw new IllegalStateException(
          "not the join index probe: " + sql + " plans as " + lines + ", expected " + expected);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    try {
      single.close();
      twoColumns.close();
      conn.close();
      db.close();
    } finally {
      CommitBenchmark.deleteRecursively(dir);
    }
  }

  /** The join on {@code i.k = o.k}, probing {@code inner_k} once per outer row. */
  @Benchmark
  @OperationsPerInvocation(OUTER_ROWS)
  public long singleColumnKey() {
    return run(single, expectedSingle, SINGLE);
  }

  /** The join on {@code (k1, k2)}, probing {@code inner_k12} once per outer row. */
  @Benchmark
  @OperationsPerInvocation(OUTER_ROWS)
  public long twoColumnKey() {
    return run(twoColumns, expectedTwoColumns, TWO_COLUMNS);
  }

  private static long run(PreparedStatement query, long[] expected, String sql) {
    try (Rows rows = query.query()) {
      if (!rows.next()) {
        throw new IllegalStateException(sql + " returned no row");
      }
      long count = rows.getLong(0);
      long sum = rows.getLong(1);
      if (count != expected[0] || sum != expected[1]) {
        throw new IllegalStateException(sql + ": got count " + count + " and sum " + sum
            + ", expected " + expected[0] + " and " + expected[1]);
      }
      return sum;
    }
  }
}
