package dev.pagoda.benchmarks;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * W1, bulk insert: one operation inserts 100,000 rows into the empty table {@code t} of {@link
 * CompareSupportData} (no secondary index) in one transaction, {@code setAutoCommit(false)}, one
 * prepared {@code INSERT} executed per row with its five parameters bound (no {@code addBatch}),
 * {@code commit()}. Every INSERT must report one row; after the operation (not timed) the table
 * must hold rows 1..100,000, and before the next one (not timed) {@code DELETE FROM t} empties it
 * again, so every operation starts from the same empty table in a file of the same size (the freed
 * pages are reused). Pagoda and sqlite-jdbc only, under each {@code durability}; see {@link
 * CompareSupport}.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class W1BulkInsert {
  static final int ROWS = 100_000;

  @Param({"pagoda", "sqlite"})
  public String engine;

  @Param({"full", "wal-normal"})
  public String durability;

  private CompareSupport.Trial trial;
  private CompareSupportData data;
  private PreparedStatement insert;
  private PreparedStatement clear;

  @Setup
  public void setUp() throws SQLException, IOException {
    data = new CompareSupportData(ROWS, 20261201);
    trial = CompareSupport.Trial.open("W1", engine, durability);
    CompareSupport.execute(trial.conn, CompareSupportData.CREATE);
    trial.conn.setAutoCommit(false);
    insert = trial.conn.prepareStatement(CompareSupportData.INSERT);
    clear = trial.conn.prepareStatement("DELETE FROM t");
  }

  @TearDown
  public void tearDown() throws SQLException {
    try {
      insert.close();
      clear.close();
    } finally {
      trial.close();
    }
  }

  /** Empties the table before each operation (not timed). */
  @Setup(Level.Invocation)
  public void empty() throws SQLException {
    clear.executeUpdate();
    trial.conn.commit();
  }

  /** Checks the table after each operation (not timed): rows 1..100,000. */
  @TearDown(Level.Invocation)
  public void verify() throws SQLException {
    long[] countAndMax =
        CompareSupport.queryLongs(trial.conn, "SELECT count(*), max(id) FROM t", 2);
    trial.conn.commit();
    CompareSupport.check(countAndMax[0], ROWS, engine + " rows after bulk insert");
    CompareSupport.check(countAndMax[1], ROWS, engine + " largest id after bulk insert");
  }

  /** 100,000 single-row INSERTs and one commit. */
  @Benchmark
  public void insert100kRows() throws SQLException {
    for (int id = 1; id <= ROWS; id++) {
      data.bind(insert, id);
      CompareSupport.updateOne(insert, "insert");
    }
    trial.conn.commit();
  }
}
