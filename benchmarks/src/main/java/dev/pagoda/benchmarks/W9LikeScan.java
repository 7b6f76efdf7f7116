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
 * W9, full scan with a LIKE filter: one operation is {@code SELECT count(*) FROM t WHERE name LIKE
 * '%abc%'} over the 1,000,000 rows of {@link CompareSupportData}'s table (names of 20 random
 * lower-case letters, about one in a thousand matches); the count must be the one inserted.
 * Pagoda, sqlite-jdbc and H2, each with its default settings.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W9}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class W9LikeScan {
  static final int ROWS = 1_000_000;

  @Param({"pagoda", "sqlite", "h2"})
  public String engine;

  private CompareSupport.Trial trial;
  private PreparedStatement select;
  private long expected;

  @Setup
  public void setUp() throws SQLException, IOException {
    CompareSupportData data = new CompareSupportData(ROWS, 20261209);
    expected = data.countNamesContaining("abc");
    trial = CompareSupport.Trial.open("W9", engine, "default");
    data.load(trial.conn, false);
    select = trial.conn.prepareStatement("SELECT count(*) FROM t WHERE name LIKE '%abc%'");
  }

  @TearDown
  public void tearDown() throws SQLException {
    try {
      select.close();
    } finally {
      trial.close();
    }
  }

  /** Counts the names that contain {@code abc}. */
  @Benchmark
  public long countLike() throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException(engine + ": count(*) returned no row");
      }
      return CompareSupport.check(rs.getLong(1), expected, engine + " names like '%abc%'");
    }
  }
}
