package dev.pagoda.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * W3, index range scan: one operation is {@code SELECT v FROM t WHERE k BETWEEN ? AND ?} over ten
 * consecutive values of the indexed, non-unique column {@code k} (index {@code t_k}; about ten rows
 * per value, so about 100 rows a query) of {@link CompareSupportData}'s 100,000-row table, reading
 * every row; the number of rows and the sum of {@code v} must be the ones inserted. Pagoda,
 * sqlite-jdbc and H2, each with its default settings.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W3}.
 */
public class W3RangeScan extends ReadWorkload {
  static final int ROWS = 100_000;
  static final int WIDTH = 10;

  private CompareSupportData data;
  private final SplittableRandom random = new SplittableRandom(3);

  public W3RangeScan() {
    super("W3", "SELECT v FROM t WHERE k BETWEEN ? AND ?");
  }

  @Override
  void load(Connection conn) throws SQLException {
    data = new CompareSupportData(ROWS, 20261203);
    data.load(conn, true);
  }

  /** One range of ten values of {@code k}: about 100 rows. */
  @Benchmark
  public long rangeOfK() throws SQLException {
    return scan(select, data, random, engine);
  }

  /**
   * Runs {@code select} (a {@code WHERE k BETWEEN ? AND ?} query of {@code v}) for a random range
   * of {@link #WIDTH} values, checks the row count and sum of {@code v}, returns the sum.
   */
  static long scan(
      PreparedStatement select, CompareSupportData data, SplittableRandom random, String engine)
      throws SQLException {
    int lo = random.nextInt(data.keyValues() - WIDTH + 1);
    int hi = lo + WIDTH - 1;
    select.setInt(1, lo);
    select.setInt(2, hi);
    long count = 0;
    long sum = 0;
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        count++;
        sum += rs.getInt(1);
      }
    }
    CompareSupport.check(count, data.countK(lo, hi), engine + " rows with k in " + lo + ".." + hi);
    return CompareSupport.check(sum, data.sumK(lo, hi), engine + " sum(v), k in " + lo + ".." + hi);
  }
}
