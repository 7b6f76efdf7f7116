package dev.pagoda.benchmarks;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
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
 * What the single-connection read workloads (W2, W3, W4, W5, W8, W9) share: one database per
 * engine, each with its default settings, filled once by the subclass's {@link #load}, and one
 * prepared query that every operation runs and checks. JMH reads the run options and the {@code
 * engine} parameter from here for every subclass.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public abstract class ReadWorkload {
  @Param({"pagoda", "sqlite", "h2"})
  public String engine;

  /** The query of every operation, prepared on the trial's connection by {@link #setUp}. */
  PreparedStatement select;

  private final String name;
  private final String sql;
  private CompareSupport.Trial trial;

  /**
   * @param name the workload's short name ({@code "W2"}), naming its temporary directory
   * @param sql the query each operation runs
   */
  ReadWorkload(String name, String sql) {
    this.name = name;
    this.sql = sql;
  }

  /**
   * Creates and fills the workload's tables on {@code conn} (autocommit on), and records the
   * answers the operations check against.
   */
  abstract void load(Connection conn) throws SQLException;

  @Setup
  public final void setUp() throws SQLException, IOException {
    trial = CompareSupport.Trial.open(name, engine, "default");
    load(trial.conn);
    select = trial.conn.prepareStatement(sql);
  }

  @TearDown
  public final void tearDown() throws SQLException {
    try {
      if (select != null) {
        select.close();
      }
    } finally {
      trial.close();
    }
  }
}
