package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pagoda.spi.ResultCode;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Interrupting the thread that runs a statement stops it with SQLITE_INTERRUPT. */
class InterruptTest {
  @Test
  void longJoin_interrupted_failsWithInterrupt_connectionStillWorks() throws Exception {
    try (Database db = Database.openInMemory(); Connection c = db.connect()) {
      c.execute("CREATE TABLE t(x)");
      c.execute("WITH v(x) AS (VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10))"
          + " INSERT INTO t SELECT a.x * 100 + b.x * 10 + d.x FROM v a, v b, v d");
      assertInterrupted(c, "SELECT count(*) FROM t a, t b, t d");
      assertEquals(List.of("1000"), Sql.column(c, "SELECT count(*) FROM t"));
    }
  }

  @Test
  void recursiveCteReadingNoTable_interrupted_failsWithInterrupt() throws Exception {
    try (Database db = Database.openInMemory(); Connection c = db.connect()) {
      assertInterrupted(c, "WITH RECURSIVE cnt(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM cnt"
          + " WHERE x < 1000000000000) SELECT count(*) FROM cnt");
      assertEquals(List.of("3"), Sql.column(c, "SELECT 1 + 2"));
    }
  }

  /** Runs {@code sql} (which would run for hours) on a worker, interrupts it, checks the error. */
  private static void assertInterrupted(Connection c, String sql) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    Thread worker = new Thread(() -> {
      started.countDown(); // query() may already run the statement (an aggregate's first row)
      try (PreparedStatement ps = c.prepare(sql);
          Rows rows = ps.query()) {
        rows.next(); // runs until interrupted
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    worker.start();
    started.await();
    Thread.sleep(100);
    worker.interrupt();
    worker.join(60_000);
    assertFalse(worker.isAlive(), "the statement did not stop");
    PagodaException e = (PagodaException) failure.get();
    assertEquals(ResultCode.INTERRUPT, e.code());
    assertEquals("interrupted", e.getMessage());
  }
}
