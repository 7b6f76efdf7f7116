package dev.pagoda.benchmarks;

import java.io.IOException;
import java.sql.PreparedStatement;
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
 * W6, updates by primary key in one transaction: one operation is 1,000 executions of the prepared
 * {@code UPDATE t SET v = v + 1 WHERE id = ?}, each for a random id of {@link
 * CompareSupportData}'s 100,000-row table, then {@code commit()} (the connection is in manual
 * commit mode, {@code setAutoCommit(false)}, on every engine). Every UPDATE must report one row
 * changed; at the end of the trial the sum of {@code v} must have grown by exactly the number of
 * updates made. Pagoda and sqlite-jdbc only, under each {@code durability}; see {@link
 * CompareSupport}.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W6}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class W6UpdateByKey {
  static final int ROWS = 100_000;
  static final int UPDATES = 1_000;

  @Param({"pagoda", "sqlite"})
  public String engine;

  @Param({"full", "wal-normal"})
  public String durability;

  private CompareSupport.Trial trial;
  private PreparedStatement update;
  private long sumBefore;
  private long updates;
  private final SplittableRandom random = new SplittableRandom(6);

  @Setup
  public void setUp() throws SQLException, IOException {
    CompareSupportData data = new CompareSupportData(ROWS, 20261206);
    sumBefore = data.sumV();
    trial = CompareSupport.Trial.open("W6", engine, durability);
    data.load(trial.conn, false);
    trial.conn.setAutoCommit(false);
    update = trial.conn.prepareStatement("UPDATE t SET v = v + 1 WHERE id = ?");
  }

  @TearDown
  public void tearDown() throws SQLException {
    try {
      update.close();
      trial.conn.setAutoCommit(true);
      long sum = CompareSupport.queryLongs(trial.conn, "SELECT sum(v) FROM t", 1)[0];
      CompareSupport.check(sum - sumBefore, updates, engine + " " + durability + " updates kept");
      System.out.printf("  [W6 %s %s] verified %d updates%n", engine, durability, updates);
    } finally {
      trial.close();
    }
  }

  /** 1,000 single-row UPDATEs by primary key and one commit. */
  @Benchmark
  public void update1000Rows() throws SQLException {
    for (int i = 0; i < UPDATES; i++) {
      update.setInt(1, 1 + random.nextInt(ROWS));
      CompareSupport.updateOne(update, "update");
    }
    trial.conn.commit();
    updates += UPDATES;
  }
}
