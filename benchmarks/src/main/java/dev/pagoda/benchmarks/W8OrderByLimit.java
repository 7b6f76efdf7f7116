package dev.pagoda.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * W8, ORDER BY an unindexed column with LIMIT: one operation is {@code SELECT id, v FROM t ORDER
 * BY v DESC LIMIT 10} over the 100,000 rows of {@link CompareSupportData}'s table; the ten values
 * of {@code v} must be the ten largest inserted, in order, and each {@code id} the row that holds
 * its {@code v}. Pagoda, sqlite-jdbc and H2, each with its default settings.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W8}.
 */
public class W8OrderByLimit extends ReadWorkload {
  static final int ROWS = 100_000;
  static final int LIMIT = 10;

  private CompareSupportData data;
  private int[] top;

  public W8OrderByLimit() {
    super("W8", "SELECT id, v FROM t ORDER BY v DESC LIMIT " + LIMIT);
  }

  @Override
  void load(Connection conn) throws SQLException {
    data = new CompareSupportData(ROWS, 20261208);
    top = data.topV(LIMIT);
    data.load(conn, false);
  }

  /** The ten rows with the largest {@code v}. */
  @Benchmark
  public long topTen() throws SQLException {
    int n = 0;
    long sum = 0;
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        if (n == LIMIT) {
          throw new IllegalStateException(engine + ": more than " + LIMIT + " rows");
        }
        int id = rs.getInt(1);
        int v = rs.getInt(2);
        CompareSupport.check(v, top[n], engine + " v of row " + n);
        if (id < 1 || id > ROWS || data.v[id - 1] != v) {
          throw new IllegalStateException(engine + ": row " + id + " does not hold v = " + v);
        }
        sum += v;
        n++;
      }
    }
    CompareSupport.check(n, LIMIT, engine + " rows");
    return sum;
  }
}
