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
 * W2, point select: one operation is {@code SELECT k, v, name FROM t WHERE id = ?} for a random id
 * of the 100,000 rows of {@link CompareSupportData}'s table (INTEGER PRIMARY KEY: SQLite's rowid),
 * reading the one row; its three values must be the ones inserted. Pagoda, sqlite-jdbc and H2,
 * each with its default settings.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W2}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class W2PointSelect {
  static final int ROWS = 100_000;

  @Param({"pagoda", "sqlite", "h2"})
  public String engine;

  private CompareSupport.Trial trial;
  private CompareSupportData data;
  private PreparedStatement select;
  private final SplittableRandom random = new SplittableRandom(2);

  @Setup
  public void setUp() throws SQLException, IOException {
    data = new CompareSupportData(ROWS, 20261202);
    trial = CompareSupport.Trial.open("W2", engine, "default");
    data.load(trial.conn, false);
    select = trial.conn.prepareStatement("SELECT k, v, name FROM t WHERE id = ?");
  }

  @TearDown
  public void tearDown() throws SQLException {
    try {
      select.close();
    } finally {
      trial.close();
    }
  }

  /** One primary-key lookup of a random row. */
  @Benchmark
  public int selectById() throws SQLException {
    int id = 1 + random.nextInt(ROWS);
    select.setInt(1, id);
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException(engine + ": no row with id " + id);
      }
      CompareSupport.check(rs.getInt(1), data.k[id - 1], engine + " k of " + id);
      CompareSupport.check(rs.getInt(2), data.v[id - 1], engine + " v of " + id);
      CompareSupport.check(rs.getString(3), data.name[id - 1], engine + " name of " + id);
      if (rs.next()) {
        throw new IllegalStateException(engine + ": two rows with id " + id);
      }
      return id;
    }
  }
}
