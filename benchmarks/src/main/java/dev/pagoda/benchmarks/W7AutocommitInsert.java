package dev.pagoda.benchmarks;

import java.io.IOException;
import java.sql.PreparedStatement;
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
 * W7, autocommit single-row inserts: one operation is one execution of the prepared {@code INSERT
 * INTO t(id, k, g, v, name) VALUES (?, ?, ?, ?, ?)} in autocommit mode, a whole write transaction
 * with its commit, into {@link CompareSupportData}'s table (empty at the start of the trial, ids
 * 1, 2, 3 ...). Every INSERT must report one row; at the end of the trial the table must hold
 * exactly the rows inserted. Pagoda and sqlite-jdbc only, under each {@code durability}: {@code
 * default} is each engine's own (printed at setup: Pagoda WAL with synchronous FULL, SQLite
 * DELETE with FULL), the others as in {@link CompareSupport}.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W7}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class W7AutocommitInsert {
  static final String NAME = "autocommitinsertrow!";

  @Param({"pagoda", "sqlite"})
  public String engine;

  @Param({"default", "full", "wal-normal"})
  public String durability;

  private CompareSupport.Trial trial;
  private PreparedStatement insert;
  /** The id of the last row inserted; rows 1..lastId are in the table. */
  private int lastId;

  @Setup
  public void setUp() throws SQLException, IOException {
    trial = CompareSupport.Trial.open("W7", engine, durability);
    CompareSupport.execute(trial.conn, CompareSupportData.CREATE);
    insert = trial.conn.prepareStatement(CompareSupportData.INSERT);
  }

  @TearDown
  public void tearDown() throws SQLException {
    try {
      insert.close();
      long[] countAndMax =
          CompareSupport.queryLongs(trial.conn, "SELECT count(*), max(id) FROM t", 2);
      CompareSupport.check(countAndMax[0], lastId, engine + " " + durability + " rows kept");
      CompareSupport.check(countAndMax[1], lastId, engine + " " + durability + " largest id");
      System.out.printf("  [W7 %s %s] verified %d rows%n", engine, durability, lastId);
    } finally {
      trial.close();
    }
  }

  /** One INSERT of one row, committed on its own. */
  @Benchmark
  public void insertRow() throws SQLException {
    int id = ++lastId;
    insert.setInt(1, id);
    insert.setInt(2, id % 1000);
    insert.setInt(3, id % CompareSupportData.GROUPS);
    insert.setInt(4, id);
    insert.setString(5, NAME);
    CompareSupport.updateOne(insert, "insert");
  }
}
