package dev.pagoda.jdbc.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pagoda.jdbc.PagodaConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HikariCP, unchanged, pools Pagoda connections to one file: eight threads share four connections
 * for a fixed number of mixed read and write transactions, and every snapshot and the final counts
 * are consistent.
 */
class HikariPoolTest {
  private static final int THREADS = 8;
  private static final int OPS_PER_THREAD = 60;

  /** The Pagoda connections behind the pool's proxies: more than four means one was evicted. */
  private final Set<Connection> physical = ConcurrentHashMap.newKeySet();

  @TempDir Path dir;

  private HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:pagoda:" + dir.resolve("pool.db") + "?busy_timeout=60000");
    config.setMaximumPoolSize(4);
    config.setAutoCommit(true);
    config.setPoolName("pagoda-test");
    return new HikariDataSource(config);
  }

  @Test
  void eightThreadsFourConnections_mixedTransactions_countsAddUp() throws Exception {
    try (HikariDataSource pool = pool()) {
      try (Connection c = pool.getConnection();
          Statement st = c.createStatement()) {
        st.execute("CREATE TABLE counter(id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
        st.execute("CREATE TABLE log(id INTEGER PRIMARY KEY, thread INTEGER, op INTEGER)");
        st.execute("INSERT INTO counter VALUES (1, 0)");
      }
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      List<Future<Integer>> committed = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        committed.add(threads.submit(() -> work(pool, thread)));
      }
      int expected = 0;
      for (Future<Integer> f : committed) {
        expected += f.get();
      }
      threads.shutdown();
      try (Connection c = pool.getConnection()) {
        assertEquals(expected, counter(c));
        assertEquals(expected, logRows(c));
      }
      assertEquals(4, pool.getHikariPoolMXBean().getTotalConnections());
      assertEquals(4, physical.size(), "no connection was evicted and replaced");
    }
  }

  /** One thread's operations; returns how many write transactions it committed. */
  private int work(HikariDataSource pool, int thread) throws SQLException {
    int committed = 0;
    for (int op = 0; op < OPS_PER_THREAD; op++) {
      try (Connection c = pool.getConnection()) {
        physical.add(c.unwrap(PagodaConnection.class));
        c.setAutoCommit(false);
        if (op % 3 == 0) {
          // a reader's snapshot: the counter and the log always agree
          assertEquals(counter(c), logRows(c), "snapshot of thread " + thread);
          c.commit();
        } else {
          try (PreparedStatement up = c.prepareStatement("UPDATE counter SET n = n + 1");
              PreparedStatement log = c.prepareStatement("INSERT INTO log(thread, op) VALUES (?, ?)")) {
            up.executeUpdate();
            log.setInt(1, thread);
            log.setInt(2, op);
            log.executeUpdate();
          }
          if (op % 10 == 1) {
            c.rollback();
          } else {
            c.commit();
            committed++;
          }
        }
        c.setAutoCommit(true);
      }
    }
    return committed;
  }

  private static long counter(Connection c) throws SQLException {
    return single(c, "SELECT n FROM counter WHERE id = 1");
  }

  private static long logRows(Connection c) throws SQLException {
    return single(c, "SELECT count(*) FROM log");
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
