package dev.pagoda.benchmarks;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
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
 * Function calls over a 1,000,000-row file-backed table, Pagoda and sqlite-jdbc in the same run:
 * a built-in scalar function in a WHERE ({@code abs}), a user-defined Java scalar function in a
 * WHERE (registered with {@code Connection.createFunction} on Pagoda and {@code
 * org.sqlite.Function.create} on sqlite-jdbc, so sqlite-jdbc pays its JNI call-back per row), an
 * aggregate over every row ({@code sum}, {@code avg}) and a GROUP BY aggregate over 1,000 groups.
 *
 * <p>Engines: {@code pagoda} (the embedded API), {@code pagoda-jdbc} (the {@code jdbc:pagoda:}
 * driver) and {@code sqlite} (sqlite-jdbc). Every engine runs the same SQL from statements
 * prepared once per trial. Every answer is checked against the one computed while the data was
 * generated, so an engine that skips rows cannot look fast.
 *
 * <p>Run: {@code benchmarks/functions.sh}, or {@code java -jar benchmarks/target/benchmarks.jar
 * FunctionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FunctionBenchmark {
  static final int ROWS = 1_000_000;
  static final int GROUPS = 1_000;
  static final long LIMIT = 250_000;

  static final String SCALAR = "SELECT count(*) FROM t WHERE abs(x) < " + LIMIT;
  static final String UDF = "SELECT count(*) FROM t WHERE twice(x) > 0";
  static final String SUM = "SELECT sum(x), avg(x) FROM t";
  static final String GROUP_BY = "SELECT g, sum(x) FROM t GROUP BY g";

  @Param({"pagoda", "pagoda-jdbc", "sqlite"})
  public String engine;

  private Path dir;
  private Target target;
  private long expectedSmall;
  private long expectedPositive;
  private long expectedSum;

  @Setup
  public void setUp() throws SQLException, IOException {
    dir = Files.createTempDirectory("pagoda-functions-");
    Path file = dir.resolve("functions.db");
    target = switch (engine) {
      case "pagoda" -> new Embedded(file);
      case "pagoda-jdbc" -> new Jdbc("jdbc:pagoda:" + file, true);
      case "sqlite" -> new Jdbc("jdbc:sqlite:" + file, false);
      default -> throw new IllegalArgumentException("unknown engine: " + engine);
    };
    SplittableRandom random = new SplittableRandom(20261201);
    long[] xs = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      long x = random.nextLong(-500_000, 500_000);
      xs[i] = x;
      expectedSmall += Math.abs(x) < LIMIT ? 1 : 0;
      expectedPositive += x > 0 ? 1 : 0;
      expectedSum += x;
    }
    target.load(xs);
  }

  @TearDown
  public void tearDown() throws SQLException, IOException {
    try {
      target.close();
    } finally {
      CommitBenchmark.deleteRecursively(dir);
    }
  }

  /** A built-in scalar function evaluated for every row of a full scan. */
  @Benchmark
  public long scalarInWhere() throws SQLException {
    return check(target.count(Query.SCALAR), expectedSmall);
  }

  /** A Java function of the application's, evaluated for every row of a full scan. */
  @Benchmark
  public long userFunctionInWhere() throws SQLException {
    return check(target.count(Query.UDF), expectedPositive);
  }

  /** sum() and avg() over every row. */
  @Benchmark
  public long aggregate() throws SQLException {
    return check(target.count(Query.SUM), expectedSum);
  }

  /** sum() per group over 1,000 groups; the answer checked is the total of the sums. */
  @Benchmark
  public long groupByAggregate() throws SQLException {
    return check(target.count(Query.GROUP_BY), expectedSum);
  }

  private long check(long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(engine + ": got " + actual + ", expected " + expected);
    }
    return actual;
  }

  /** The queries, each answering one number (GROUP BY: the total of its groups' sums). */
  enum Query {
    SCALAR(FunctionBenchmark.SCALAR),
    UDF(FunctionBenchmark.UDF),
    SUM(FunctionBenchmark.SUM),
    GROUP_BY(FunctionBenchmark.GROUP_BY);

    final String sql;

    Query(String sql) {
      this.sql = sql;
    }
  }

  /** twice(x) = 2x, as the user-defined function both engines get. */
  static ScalarFunction twice() {
    return ScalarFunction.of("twice", Arity.exactly(1),
        (ctx, args) -> args.isNull(0) ? Value.NULL : Value.of(args.getLong(0) * 2));
  }

  /** An engine with table {@code t(id, x, g)} loaded and the queries prepared. */
  interface Target extends AutoCloseable {
    void load(long[] xs) throws SQLException;

    /** Runs {@code q}: its one number, or for GROUP BY the sum of its second column. */
    long count(Query q) throws SQLException;

    @Override
    void close() throws SQLException;
  }

  static final String CREATE = "CREATE TABLE t(id INTEGER PRIMARY KEY, x INTEGER, g INTEGER)";
  static final String INSERT = "INSERT INTO t(id, x, g) VALUES (?, ?, ?)";

  /** Pagoda's embedded API. */
  static final class Embedded implements Target {
    private final Database db;
    private final Connection conn;
    private final PreparedStatement[] queries = new PreparedStatement[Query.values().length];

    Embedded(Path file) {
      db = Database.open(file);
      conn = db.connect();
      conn.createFunction(twice());
    }

    @Override
    public void load(long[] xs) {
      conn.execute(CREATE);
      conn.execute("BEGIN");
      try (PreparedStatement insert = conn.prepare(INSERT)) {
        for (int i = 0; i < xs.length; i++) {
          insert.bind(1, i + 1).bind(2, xs[i]).bind(3, i % GROUPS).executeUpdate();
        }
      }
      conn.execute("COMMIT");
      for (Query q : Query.values()) {
        queries[q.ordinal()] = conn.prepare(q.sql);
      }
    }

    @Override
    public long count(Query q) {
      long total = 0;
      try (Rows rows = queries[q.ordinal()].query()) {
        while (rows.next()) {
          total += q == Query.GROUP_BY ? rows.getLong(1) : rows.getLong(0);
        }
      }
      return total;
    }

    @Override
    public void close() {
      for (PreparedStatement ps : queries) {
        if (ps != null) {
          ps.close();
        }
      }
      conn.close();
      db.close();
    }
  }

  /** A JDBC driver: Pagoda's or sqlite-jdbc. */
  static final class Jdbc implements Target {
    private final java.sql.Connection conn;
    private final java.sql.PreparedStatement[] queries =
        new java.sql.PreparedStatement[Query.values().length];

    Jdbc(String url, boolean pagoda) throws SQLException {
      conn = DriverManager.getConnection(url);
      if (pagoda) {
        conn.unwrap(Connection.class).createFunction(twice());
      } else {
        org.sqlite.Function.create(conn, "twice", new org.sqlite.Function() {
          @Override
          protected void xFunc() throws SQLException {
            result(value_long(0) * 2);
          }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
      }
    }

    @Override
    public void load(long[] xs) throws SQLException {
      try (java.sql.Statement s = conn.createStatement()) {
        s.execute(CREATE);
      }
      conn.setAutoCommit(false);
      try (java.sql.PreparedStatement insert = conn.prepareStatement(INSERT)) {
        for (int i = 0; i < xs.length; i++) {
          insert.setLong(1, i + 1);
          insert.setLong(2, xs[i]);
          insert.setLong(3, i % GROUPS);
          insert.executeUpdate();
        }
      }
      conn.commit();
      conn.setAutoCommit(true);
      for (Query q : Query.values()) {
        queries[q.ordinal()] = conn.prepareStatement(q.sql);
      }
    }

    @Override
    public long count(Query q) throws SQLException {
      long total = 0;
      try (ResultSet rs = queries[q.ordinal()].executeQuery()) {
        while (rs.next()) {
          total += q == Query.GROUP_BY ? rs.getLong(2) : rs.getLong(1);
        }
      }
      return total;
    }

    @Override
    public void close() throws SQLException {
      for (java.sql.PreparedStatement ps : queries) {
        if (ps != null) {
          ps.close();
        }
      }
      conn.close();
    }
  }
}
