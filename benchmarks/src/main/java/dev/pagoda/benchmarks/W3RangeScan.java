package dev.pagoda.benchmarks;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W3, index range scan: one operation is {@code SELECT v FROM t WHERE k BETWEEN ? AND ?} over ten
 * consecutive values of the indexed, non-unique column {@code k} (index {@code t_k}; about ten rows
 * per value, so about 100 rows a query) of {@link CompareSupportData}'s 100,000-row table, reading
 * every row; the number of rows and the sum of {@code v} must be the ones inserted. Pagoda,
 * sqlite-jdbc and H2, each with its default settings.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class W3RangeScan {
  static final int ROWS = 100_000;
  static final int WIDTH = 10;

  @Param({"pagoda", "sqlite", "h2"})
  public String engine;

  private CompareSupport.Trial trial;
  private CompareSupportData data;
  private PreparedStatement select;
  private final SplittableRandom random = new SplittableRandom(3);

  @Setup
  public void setUp() throws SQLException, IOException {
    data = new CompareSupportData(ROWS, 20261203);
    trial = CompareSupport.Trial.open("W3", engine, "default");
    data.load(trial.conn, true);
    select = trial.conn.prepareStatement("SELECT v FROM t WHERE k BETWEEN ? AND ?");
  }

  @TearDown
  public void tearDown() throws SQLException {
    try {
      select.close();
    } finally {
      trial.close();
    }
  }

  /** One range of ten values of {@code k}: about 100 rows. */
  @Benchmark
  public long rangeOfK() throws SQLException {
    return scan(select, data, random, engine);
  }

  /**
   * Runs {@code select} (a {@code WHERE k BETWEEN ? AND ?} query of {@code v}) for a random range
   * of {@link #WIDTH} values, checks the row count and sum of {@code v}, returns the sum.
   */
  static long scan(
      PreparedStatement select, CompareSupportData data, SplittableRandom random, String engine)
      throws SQLException {
    int lo = random.nextInt(data.keyValues() - WIDTH + 1);
    int hi = lo + WIDTH - 1;
    select.setInt(1, lo);
    select.setInt(2, hi);
    long count = 0;
    long sum = 0;
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        count++;
        sum += rs.getInt(1);
      }
    }
    CompareSupport.check(count, data.countK(lo, hi), engine + " rows with k in " + lo + ".." + hi);
    return CompareSupport.check(sum, data.sumK(lo, hi), engine + " sum(v), k in " + lo + ".." + hi);
  }
}
