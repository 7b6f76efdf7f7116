package dev.pagoda.benchmarks;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * W8, ORDER BY an unindexed column with LIMIT: one operation is {@code SELECT id, v FROM t ORDER
 * BY v DESC LIMIT 10} over the 100,000 rows of {@link CompareSupportData}'s table; the ten values
 * of {@code v} must be the ten largest inserted, in order, and each {@code id} the row that holds
 * its {@code v}. Pagoda, sqlite-jdbc and H2, each with its default settings.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W8}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class W8OrderByLimit {
  static final int ROWS = 100_000;
  static final int LIMIT = 10;

  @Param({"pagoda", "sqlite", "h2"})
  public String engine;

  private CompareSupport.Trial trial;
  private CompareSupportData data;
  private PreparedStatement select;
  private int[] top;

  @Setup
  public void setUp() throws SQLException, IOException {
    data = new CompareSupportData(ROWS, 20261208);
    top = data.topV(LIMIT);
    trial = CompareSupport.Trial.open("W8", engine, "default");
    data.load(trial.conn, false);
    select = trial.conn.prepareStatement("SELECT id, v FROM t ORDER BY v DESC LIMIT " + LIMIT);
  }

  @TearDown
  public void tearDown() throws SQLException {
    try {
      select.close();
    } finally {
      trial.close();
    }
  }

  /** The ten rows with the largest {@code v}. */
  @Benchmark
  public long topTen() throws SQLException {
    int n = 0;
    long sum = 0;
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        if (n == LIMIT) {
          throw new IllegalStateException(engine + ": more than " + LIMIT + " rows");
        }
        int id = rs.getInt(1);
        int v = rs.getInt(2);
        CompareSupport.check(v, top[n], engine + " v of row " + n);
        if (id < 1 || id > ROWS || data.v[id - 1] != v) {
          throw new IllegalStateException(engine + ": row " + id + " does not hold v = " + v);
        }
        sum += v;
        n++;
      }
    }
    CompareSupport.check(n, LIMIT, engine + " rows");
    return sum;
  }
}
