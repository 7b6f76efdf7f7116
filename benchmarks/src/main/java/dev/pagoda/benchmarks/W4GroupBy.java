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
 * W4, full scan with GROUP BY: one operation is {@code SELECT g, count(*), sum(v) FROM t GROUP BY
 * g} over the 1,000,000 rows of {@link CompareSupportData}'s table ({@code g} unindexed, 100
 * groups); every group's count and sum must be the ones inserted. Pagoda, sqlite-jdbc and H2, each
 * with its default settings.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W4}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class W4GroupBy {
  static final int ROWS = 1_000_000;

  @Param({"pagoda", "sqlite", "h2"})
  public String engine;

  private CompareSupport.Trial trial;
  private PreparedStatement select;
  private final long[] counts = new long[CompareSupportData.GROUPS];
  private final long[] sums = new long[CompareSupportData.GROUPS];

  @Setup
  public void setUp() throws SQLException, IOException {
    CompareSupportData data = new CompareSupportData(ROWS, 20261204);
    for (int i = 0; i < ROWS; i++) {
      counts[data.g[i]]++;
      sums[data.g[i]] += data.v[i];
    }
    trial = CompareSupport.Trial.open("W4", engine, "default");
    data.load(trial.conn, false);
    select = trial.conn.prepareStatement("SELECT g, count(*), sum(v) FROM t GROUP BY g");
  }

  @TearDown
  public void tearDown() throws SQLException {
    try {
      select.close();
    } finally {
      trial.close();
    }
  }

  /** The aggregate over every row; returns the number of groups. */
  @Benchmark
  public int groupBy() throws SQLException {
    int groups = 0;
    boolean[] seen = new boolean[CompareSupportData.GROUPS];
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        int g = rs.getInt(1);
        if (g < 0 || g >= CompareSupportData.GROUPS) {
          throw new IllegalStateException(engine + ": no group " + g);
        }
        if (seen[g]) {
          throw new IllegalStateException(engine + ": group " + g + " twice");
        }
        seen[g] = true;
        CompareSupport.check(rs.getLong(2), counts[g], engine + " count(*) of group " + g);
        CompareSupport.check(rs.getLong(3), sums[g], engine + " sum(v) of group " + g);
        groups++;
      }
    }
    return (int) CompareSupport.check(groups, CompareSupportData.GROUPS, engine + " groups");
  }
}
