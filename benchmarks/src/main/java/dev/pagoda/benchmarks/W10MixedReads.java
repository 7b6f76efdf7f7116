package dev.pagoda.benchmarks;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W10, concurrent readers: eight threads, each with its own connection to one database (the
 * 100,000-row table of {@link CompareSupportData} with index {@code t_k}), each running a mix of
 * reads. One operation is one query: three of every four a point select as in {@link
 * W2PointSelect}, the fourth a range scan of about 100 rows as in {@link W3RangeScan}; each
 * answer is checked as there. The score is the operations of all eight threads together per
 * second (on a machine with fewer cores the threads share them). Pagoda, sqlite-jdbc and H2, each
 * with its default settings; nothing writes during the measurement.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W10}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(W10MixedReads.THREADS)
public class W10MixedReads {
  static final int THREADS = 8;
  static final int ROWS = 100_000;

  /** The database, created once for all threads, and its expected answers. */
  @State(Scope.Benchmark)
  public static class Shared {
    @Param({"pagoda", "sqlite", "h2"})
    public String engine;

    CompareSupport.Trial trial;
    CompareSupportData data;
    final AtomicInteger threads = new AtomicInteger();

    @Setup
    public void setUp() throws SQLException, IOException {
      data = new CompareSupportData(ROWS, 20261210);
      trial = CompareSupport.Trial.open("W10", engine, "default");
      data.load(trial.conn, true);
    }

    @TearDown
    public void tearDown() throws SQLException {
      trial.close();
    }
  }

  /** One thread's connection, statements and random keys. */
  @State(Scope.Thread)
  public static class Reader {
    Connection conn;
    PreparedStatement point;
    PreparedStatement range;
    SplittableRandom random;
    long ops;

    @Setup
    public void setUp(Shared shared) throws SQLException {
      random = new SplittableRandom(10_000 + shared.threads.getAndIncrement());
      conn = shared.trial.connect();
      point = conn.prepareStatement("SELECT k, v, name FROM t WHERE id = ?");
      range = conn.prepareStatement("SELECT v FROM t WHERE k BETWEEN ? AND ?");
    }

    @TearDown
    public void tearDown() throws SQLException {
      try {
        point.close();
        range.close();
      } finally {
        conn.close();
      }
    }
  }

  /** One read: a point select, or every fourth time a range scan. */
  @Benchmark
  public long read(Shared shared, Reader reader) throws SQLException {
    if (++reader.ops % 4 == 0) {
      return W3RangeScan.scan(reader.range, shared.data, reader.random, shared.engine);
    }
    int id = 1 + reader.random.nextInt(ROWS);
    reader.point.setInt(1, id);
    try (ResultSet rs = reader.point.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException(shared.engine + ": no row with id " + id);
      }
      CompareSupport.check(rs.getInt(1), shared.data.k[id - 1], shared.engine + " k of " + id);
      CompareSupport.check(rs.getInt(2), shared.data.v[id - 1], shared.engine + " v of " + id);
      CompareSupport.check(rs.getString(3), shared.data.name[id - 1], shared.engine + " name");
      return id;
    }
  }
}
