package dev.pagoda.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * W4, full scan with GROUP BY: one operation is {@code SELECT g, count(*), sum(v) FROM t GROUP BY
 * g} over the 1,000,000 rows of {@link CompareSupportData}'s table ({@code g} unindexed, 100
 * groups); every group's count and sum must be the ones inserted. Pagoda, sqlite-jdbc and H2, each
 * with its default settings.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W4}.
 */
public class W4GroupBy extends ReadWorkload {
  static final int ROWS = 1_000_000;

  private final long[] counts = new long[CompareSupportData.GROUPS];
  private final long[] sums = new long[CompareSupportData.GROUPS];

  public W4GroupBy() {
    super("W4", "SELECT g, count(*), sum(v) FROM t GROUP BY g");
  }

  @Override
  void load(Connection conn) throws SQLException {
    CompareSupportData data = new CompareSupportData(ROWS, 20261204);
    for (int i = 0; i < ROWS; i++) {
      counts[data.g[i]]++;
      sums[data.g[i]] += data.v[i];
    }
    data.load(conn, false);
  }

  /** The aggregate over every row; returns the number of groups. */
  @Benchmark
  public int groupBy() throws SQLException {
    int groups = 0;
    boolean[] seen = new boolean[CompareSupportData.GROUPS];
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        int g = rs.getInt(1);
        if (g < 0 || g >= CompareSupportData.GROUPS) {
          throw new IllegalStateException(engine + ": no group " + g);
        }
        if (seen[g]) {
          throw new IllegalStateException(engine + ": group " + g + " twice");
        }
        seen[g] = true;
        CompareSupport.check(rs.getLong(2), counts[g], engine + " count(*) of group " + g);
        CompareSupport.check(rs.getLong(3), sums[g], engine + " sum(v) of group " + g);
        groups++;
      }
    }
    return (int) CompareSupport.check(groups, CompareSupportData.GROUPS, engine + " groups");
  }
}
