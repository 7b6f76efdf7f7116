package dev.pagoda.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * W5, two-table join on indexed keys with a selective filter: one operation is {@code SELECT
 * c.name, o.amount FROM orders o JOIN customers c ON c.id = o.cust WHERE c.region = ?} for a
 * random region, over {@code customers(id INTEGER PRIMARY KEY, region INTEGER, name VARCHAR(40))}
 * (10,000 rows, 1,000 regions, index on {@code region}) and {@code orders(id INTEGER PRIMARY KEY,
 * cust INTEGER, amount INTEGER)} (100,000 rows, random customers, index on {@code cust}): about
 * ten customers with about ten orders each, so about 100 rows a query. The number of rows and the
 * sum of {@code amount} must be the ones inserted. Pagoda, sqlite-jdbc and H2, each with its
 * default settings.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar W5}.
 */
public class W5Join extends ReadWorkload {
  static final int CUSTOMERS = 10_000;
  static final int REGIONS = 1_000;
  static final int ORDERS = 100_000;
  static final String QUERY = "SELECT c.name, o.amount FROM orders o JOIN customers c"
      + " ON c.id = o.cust WHERE c.region = ?";

  private final long[] rowsOfRegion = new long[REGIONS];
  private final long[] amountOfRegion = new long[REGIONS];
  private final SplittableRandom random = new SplittableRandom(5);

  public W5Join() {
    super("W5", QUERY);
  }

  @Override
  void load(Connection conn) throws SQLException {
    CompareSupport.execute(conn,
        "CREATE TABLE customers(id INTEGER PRIMARY KEY, region INTEGER, name VARCHAR(40))",
        "CREATE INDEX customers_region ON customers(region)",
        "CREATE TABLE orders(id INTEGER PRIMARY KEY, cust INTEGER, amount INTEGER)",
        "CREATE INDEX orders_cust ON orders(cust)");
    SplittableRandom gen = new SplittableRandom(20261205);
    int[] regionOf = new int[CUSTOMERS + 1];
    conn.setAutoCommit(false);
    try (PreparedStatement insert =
        conn.prepareStatement("INSERT INTO customers(id, region, name) VALUES (?, ?, ?)")) {
      for (int id = 1; id <= CUSTOMERS; id++) {
        regionOf[id] = gen.nextInt(REGIONS);
        insert.setInt(1, id);
        insert.setInt(2, regionOf[id]);
        insert.setString(3, "customer " + id);
        CompareSupport.updateOne(insert, "insert customer");
      }
    }
    try (PreparedStatement insert =
        conn.prepareStatement("INSERT INTO orders(id, cust, amount) VALUES (?, ?, ?)")) {
      for (int id = 1; id <= ORDERS; id++) {
        int cust = 1 + gen.nextInt(CUSTOMERS);
        int amount = gen.nextInt(10_000);
        rowsOfRegion[regionOf[cust]]++;
        amountOfRegion[regionOf[cust]] += amount;
        insert.setInt(1, id);
        insert.setInt(2, cust);
        insert.setInt(3, amount);
        CompareSupport.updateOne(insert, "insert order");
      }
    }
    conn.commit();
    conn.setAutoCommit(true);
  }

  /** The orders of one random region's customers: about 100 rows. */
  @Benchmark
  public long ordersOfRegion() throws SQLException {
    int region = random.nextInt(REGIONS);
    select.setInt(1, region);
    long count = 0;
    long sum = 0;
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        if (rs.getString(1) == null) {
          throw new IllegalStateException(engine + ": a joined row without a customer name");
        }
        count++;
        sum += rs.getInt(2);
      }
    }
    CompareSupport.check(count, rowsOfRegion[region], engine + " rows of region " + region);
    return CompareSupport.check(sum, amountOfRegion[region], engine + " amount of " + region);
  }
}
