package dev.pagoda.benchmarks;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Commit latency of small write transactions on a file-backed database, Pagoda and sqlite-jdbc in
 * the same run, under each journal mode and synchronous level: one autocommit single-row INSERT
 * per operation, and one explicit {@code BEGIN}, ten single-row INSERTs, {@code COMMIT} per
 * operation. Throughput is the reciprocal of the time per operation.
 *
 * <p>Engines: {@code pagoda} is the embedded API ({@link Database#open(Path, Database.Options)}
 * with the journal mode and synchronous level as options), {@code pagoda-jdbc} the {@code
 * jdbc:pagoda:} driver and {@code sqlite} sqlite-jdbc, both set up with {@code PRAGMA
 * journal_mode} and {@code PRAGMA synchronous} on the connection. Every engine runs the same
 * statements, all prepared once per trial and reused (the INSERT, {@code BEGIN}, {@code COMMIT}),
 * with both parameters bound on every INSERT and no batching; all keep their default WAL
 * autocheckpoint (1000 pages). The settings are read back after setup and the trial fails unless
 * they are the ones asked for; at teardown the table must hold exactly the rows inserted (ids
 * 1..n), or the trial fails, so an engine that drops writes cannot look fast. Each trial uses a
 * fresh database in a new temporary directory ({@code java.io.tmpdir}; pass {@code -jvmArgsAppend
 * -Djava.io.tmpdir=...} to measure another disk), deleted afterwards.
 *
 * <p>Run: {@code benchmarks/commit.sh} (builds the jar, runs this quickly, prints a table), or
 * {@code java -jar benchmarks/target/benchmarks.jar CommitBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CommitBenchmark {
  /** About 100 bytes of text: the {@code v} of every row. */
  static final String TEXT = "commit-benchmark row payload ".repeat(4).substring(0, 100);

  static final String CREATE = "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)";
  static final String INSERT = "INSERT INTO t(id, v) VALUES (?, ?)";

  @Param({"pagoda", "pagoda-jdbc", "sqlite"})
  public String engine;

  @Param({"wal", "delete"})
  public String journalMode;

  @Param({"off", "normal", "full", "extra"})
  public String synchronous;

  private Path dir;
  private Target target;
  /** The id of the last row inserted; rows 1..lastId are in the table. */
  private long lastId;

  @Setup
  public void setUp() throws SQLException, IOException {
    dir = Files.createTempDirectory("pagoda-commit-");
    Path file = dir.resolve("commit.db");
    target = switch (engine) {
      case "pagoda" -> new Embedded(file, journalMode, synchronous);
      case "pagoda-jdbc" -> new Jdbc("jdbc:pagoda:" + file, journalMode, synchronous);
      case "sqlite" -> new Jdbc("jdbc:sqlite:" + file, journalMode, synchronous);
      default -> throw new IllegalArgumentException("unknown engine: " + engine);
    };
    List<String> settings = target.settings();
    List<String> expected = List.of(journalMode, String.valueOf(level(synchronous)));
    if (!settings.equals(expected)) {
      throw new IllegalStateException(
          engine + ": journal_mode, synchronous are " + settings + ", expected " + expected);
    }
  }

  @TearDown
  public void tearDown() throws SQLException, IOException {
    try {
      long[] countAndMax = target.countAndMaxId();
      if (countAndMax[0] != lastId || countAndMax[1] != lastId) {
        throw new IllegalStateException(engine + " " + journalMode + "/" + synchronous + ": "
            + lastId + " rows inserted, but the table holds " + countAndMax[0]
            + " rows with largest id " + countAndMax[1]);
      }
      System.out.printf("  [%s %s/%s] verified %d rows%n", engine, journalMode, synchronous,
          lastId);
    } finally {
      try {
        target.close();
      } finally {
        deleteRecursively(dir);
      }
    }
  }

  /** One autocommit INSERT of one row: a whole write transaction, commit included. */
  @Benchmark
  public void autocommitInsert() throws SQLException {
    target.insert(++lastId);
  }

  /** {@code BEGIN}, ten single-row INSERTs, {@code COMMIT}. */
  @Benchmark
  public void transaction10() throws SQLException {
    target.begin();
    for (int i = 0; i < 10; i++) {
      target.insert(++lastId);
    }
    target.commit();
  }

  /** {@code PRAGMA synchronous}'s number for a level name. */
  static int level(String synchronous) {
    return switch (synchronous) {
      case "off" -> 0;
      case "normal" -> 1;
      case "full" -> 2;
      case "extra" -> 3;
      default -> throw new IllegalArgumentException("unknown synchronous level: " + synchronous);
    };
  }

  /** An engine with table {@code t} and its statements prepared. */
  interface Target extends AutoCloseable {
    /** {@code PRAGMA journal_mode} and {@code PRAGMA synchronous} as the engine reports them. */
    List<String> settings() throws SQLException;

    void insert(long id) throws SQLException;

    void begin() throws SQLException;

    void commit() throws SQLException;

    /** The number of rows in {@code t} and the largest id, by reading every row. */
    long[] countAndMaxId() throws SQLException;

    @Override
    void close() throws SQLException;
  }

  /** Pagoda's embedded API. */
  static final class Embedded implements Target {
    private final Database db;
    private final Connection conn;
    private final PreparedStatement insert;
    private final PreparedStatement begin;
    private final PreparedStatement commit;

    Embedded(Path file, String journalMode, String synchronous) {
      db = Database.open(file,
          Database.Options.defaults().withJournalMode(journalMode).withSynchronous(synchronous));
      conn = db.connect();
      conn.execute(CREATE);
      insert = conn.prepare(INSERT);
      begin = conn.prepare("BEGIN");
      commit = conn.prepare("COMMIT");
    }

    @Override
    public List<String> settings() {
      return List.of(pragma("PRAGMA journal_mode"), pragma("PRAGMA synchronous"));
    }

    private String pragma(String sql) {
      try (PreparedStatement ps = conn.prepare(sql);
          Rows rows = ps.query()) {
        return rows.next() ? rows.getString(0) : "";
      }
    }

    @Override
    public void insert(long id) {
      insert.bind(1, id).bind(2, TEXT).executeUpdate();
    }

    @Override
    public void begin() {
      begin.executeUpdate();
    }

    @Override
    public void commit() {
      commit.executeUpdate();
    }

    @Override
    public long[] countAndMaxId() {
      long count = 0;
      long max = 0;
      try (PreparedStatement ps = conn.prepare("SELECT id FROM t");
          Rows rows = ps.query()) {
        while (rows.next()) {
          count++;
          max = Math.max(max, rows.getLong(0));
        }
      }
      return new long[] {count, max};
    }

    @Override
    public void close() {
      try {
        conn.close();
      } finally {
        db.close();
      }
    }
  }

  /** A JDBC driver: Pagoda's or sqlite-jdbc, driven identically. */
  static final class Jdbc implements Target {
    private final java.sql.Connection conn;
    private final java.sql.PreparedStatement insert;
    private final java.sql.PreparedStatement begin;
    private final java.sql.PreparedStatement commit;

    Jdbc(String url, String journalMode, String synchronous) throws SQLException {
      conn = DriverManager.getConnection(url);
      try (Statement s = conn.createStatement()) {
        s.execute("PRAGMA journal_mode=" + journalMode);
        s.execute("PRAGMA synchronous=" + synchronous);
        s.execute(CREATE);
      }
      insert = conn.prepareStatement(INSERT);
      begin = conn.prepareStatement("BEGIN");
      commit = conn.prepareStatement("COMMIT");
    }

    @Override
    public List<String> settings() throws SQLException {
      return List.of(pragma("PRAGMA journal_mode"), pragma("PRAGMA synchronous"));
    }

    private String pragma(String sql) throws SQLException {
      try (Statement s = conn.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        return rs.next() ? rs.getString(1) : "";
      }
    }

    @Override
    public void insert(long id) throws SQLException {
      insert.setLong(1, id);
      insert.setString(2, TEXT);
      insert.executeUpdate();
    }

    @Override
    public void begin() throws SQLException {
      begin.executeUpdate();
    }

    @Override
    public void commit() throws SQLException {
      commit.executeUpdate();
    }

    @Override
    public long[] countAndMaxId() throws SQLException {
      long count = 0;
      long max = 0;
      try (Statement s = conn.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM t")) {
        while (rs.next()) {
          count++;
          max = Math.max(max, rs.getLong(1));
        }
      }
      return new long[] {count, max};
    }

    @Override
    public void close() throws SQLException {
      conn.close();
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
