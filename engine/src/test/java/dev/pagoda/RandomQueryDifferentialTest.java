package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagoda.random.RandomQueries;
import dev.pagoda.random.RandomSchema;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random queries over random tables ({@link RandomSchema}, {@link RandomQueries}), each run on
 * Pagoda and on SQLite (sqlite-jdbc) and compared value by value and storage class by storage
 * class: in order when the query's ORDER BY makes the order total, else as multisets. A query that
 * fails must fail on both, with the same message.
 *
 * <p>Deterministic from a seed: {@code -Drandom.seed=N} (default {@value #DEFAULT_SEED}) and
 * {@code -Drandom.count=N} (default {@value #DEFAULT_COUNT} queries), printed at the start. A new
 * random schema is built every {@value #QUERIES_PER_SCHEMA} queries. A failure names the seed, the
 * query number and the SQL; {@code -Drandom.seed=S -Drandom.count=Q} with the failing query's
 * number Q replays it as the last query.
 *
 * <p>The default seed's queries all agree. Other seeds still find, now and then, differences not
 * fixed yet: a REAL from stored data that needs 17 digits, turned into text (see
 * REAL_TEXT_17_DIGITS in {@link RandomQueries}); min() and max() over values that compare equal
 * but differ (0 and 0.0: the one kept follows the order rows are met in); and a LEFT JOIN ...
 * USING whose WHERE reads the right table's USING column (seed 3, query 11204).
 */
class RandomQueryDifferentialTest {
  static final long DEFAULT_SEED = 20261201L;
  static final int DEFAULT_COUNT = 12_000;
  static final int QUERIES_PER_SCHEMA = 400;

  @Test
  void randomQueries_sameAsSqlite() throws SQLException {
    long seed = Long.getLong("random.seed", DEFAULT_SEED);
    int count = Integer.getInteger("random.count", DEFAULT_COUNT);
    System.out.println("RandomQueryDifferentialTest: random.seed=" + seed + " random.count=" + count);
    long start = System.nanoTime();
    List<String> failures = run(seed, count);
    System.out.printf("RandomQueryDifferentialTest: %d queries in %.1f s, %d failed%n", count,
        (System.nanoTime() - start) / 1e9, failures.size());
    assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())),
        failures.size() + " of " + count + " queries differ (seed " + seed + ")");
  }

  /** Runs {@code count} queries from {@code seed}; returns a description of each difference. */
  static List<String> run(long seed, int count) throws SQLException {
    Random random = new Random(seed);
    List<String> failures = new ArrayList<>();
    int done = 0;
    while (done < count) {
      RandomSchema schema = new RandomSchema(random);
      try (Database db = Database.openInMemory();
          Connection pagoda = db.connect();
          java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
        for (String sql : schema.statements) {
          String theirs = execute(sqlite, sql);
          String ours = execute(pagoda, sql);
          if (!ours.equals(theirs)) {
            failures.add("seed " + seed + " schema before query " + (done + 1) + ": " + sql
                + "\n  pagoda: " + ours + "\n  sqlite: " + theirs);
          }
        }
        RandomQueries queries = new RandomQueries(random, schema);
        for (int i = 0; i < QUERIES_PER_SCHEMA && done < count; i++) {
          done++;
          RandomQueries.Query q = queries.next();
          List<String> theirs = sqliteRows(sqlite, q.sql());
          List<String> ours = pagodaRows(pagoda, q.sql());
          boolean same;
          if (q.ordered()) {
            // NEG_ZERO_TIES: ORDER BY x, quote(x) cannot tell -0.0 from 0.0 (they are equal and
            // quote both as 0.0), so the order is checked with -0.0 read as 0.0 and the values
            // exactly, as multisets.
            same = negativeZeroAsZero(ours).equals(negativeZeroAsZero(theirs))
                && sorted(ours).equals(sorted(theirs));
          } else {
            same = sorted(ours).equals(sorted(theirs));
          }
          if (!same) {
            failures.add("seed " + seed + " query " + done + (q.ordered() ? " (ordered)" : "")
                + ": " + q.sql() + "\n  schema: " + String.join("; ", schema.statements)
                + "\n  pagoda: " + ours + "\n  sqlite: " + theirs);
          }
        }
      }
    }
    return failures;
  }

  private static List<String> sorted(List<String> rows) {
    List<String> out = new ArrayList<>(rows);
    Collections.sort(out);
    return out;
  }

  private static List<String> negativeZeroAsZero(List<String> rows) {
    List<String> out = new ArrayList<>();
    for (String r : rows) {
      out.add(r.replace("|R-0.0|", "|R0.0|").replace("|R-0.0|", "|R0.0|")
          .replaceFirst("^R-0\\.0\\|", "R0.0|"));
    }
    return out;
  }

  private static String execute(java.sql.Connection sqlite, String sql) {
    try (Statement s = sqlite.createStatement()) {
      s.execute(sql);
      return "ok";
    } catch (SQLException e) {
      return "error:" + ExprOracle.sqliteMessage(e.getMessage());
    }
  }

  private static String execute(Connection pagoda, String sql) {
    try {
      pagoda.execute(sql);
      return "ok";
    } catch (PagodaException e) {
      return "error:" + e.getMessage();
    }
  }

  private static List<String> pagodaRows(Connection pagoda, String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = pagoda.prepare(sql); Rows rows = ps.query()) {
      while (rows.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.columnCount(); i++) {
          sb.append(SqlOracle.render(rows.get(i))).append('|');
        }
        out.add(sb.toString());
      }
    } catch (PagodaException e) {
      return new ArrayList<>(List.of("error:" + e.getMessage()));
    }
    return out;
  }


  private static List<String> sqliteRows(java.sql.Connection sqlite, String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          String cell = SqlOracle.render(SqlOracle.value(rs.getObject(i)));
          sb.append(cell).append('|');
        }
        out.add(sb.toString());
      }
    } catch (SQLException e) {
      return new ArrayList<>(List.of("error:" + ExprOracle.sqliteMessage(e.getMessage())));
    }
    return out;
  }
}
