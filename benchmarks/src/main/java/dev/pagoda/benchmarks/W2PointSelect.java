package dev.pagoda.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * W2, point select: one operation is {@code SELECT k, v, name FROM t WHERE id = ?} for a random id
 * of the 100,000 rows of {@link CompareSupportData}'s table (INTEGER PRIMARY KEY: SQLite's rowid),
 * reading the one row; its three values must be the ones inserted. Pagoda, sqlite-jdbc and H2,
 * each with its default settings.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W2}.
 */
public class W2PointSelect extends ReadWorkload {
  static final int ROWS = 100_000;

  private CompareSupportData data;
  private final SplittableRandom random = new SplittableRandom(2);

  public W2PointSelect() {
    super("W2", "SELECT k, v, name FROM t WHERE id = ?");
  }

  @Override
  void load(Connection conn) throws SQLException {
    data = new CompareSupportData(ROWS, 20261202);
    data.load(conn, false);
  }

  /** One primary-key lookup of a random row. */
  @Benchmark
  public int selectById() throws SQLException {
    int id = 1 + random.nextInt(ROWS);
    select.setInt(1, id);
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException(engine + ": no row with id " + id);
      }
      CompareSupport.check(rs.getInt(1), data.k[id - 1], engine + " k of " + id);
      CompareSupport.check(rs.getInt(2), data.v[id - 1], engine + " v of " + id);
      CompareSupport.check(rs.getString(3), data.name[id - 1], engine + " name of " + id);
      if (rs.next()) {
        throw new IllegalStateException(engine + ": two rows with id " + id);
      }
      return id;
    }
  }
}
