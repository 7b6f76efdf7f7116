package dev.pagoda.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * W9, full scan with a LIKE filter: one operation is {@code SELECT count(*) FROM t WHERE name LIKE
 * '%abc%'} over the 1,000,000 rows of {@link CompareSupportData}'s table (names of 20 random
 * lower-case letters, about one in a thousand matches); the count must be the one inserted.
 * Pagoda, sqlite-jdbc and H2, each with its default settings.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W9}.
 */
public class W9LikeScan extends ReadWorkload {
  static final int ROWS = 1_000_000;

  private long expected;

  public W9LikeScan() {
    super("W9", "SELECT count(*) FROM t WHERE name LIKE '%abc%'");
  }

  @Override
  void load(Connection conn) throws SQLException {
    CompareSupportData data = new CompareSupportData(ROWS, 20261209);
    expected = data.countNamesContaining("abc");
    data.load(conn, false);
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
