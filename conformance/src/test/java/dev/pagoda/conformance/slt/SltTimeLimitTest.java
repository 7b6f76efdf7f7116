package dev.pagoda.conformance.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-script time limit bounds a single record: a query that never returns. */
class SltTimeLimitTest {
  private static final String SCRIPT = """
      statement ok
      GOOD

      query I nosort
      BLOCK
      ----
      1

      skipif sqlite
      statement ok
      X

      statement ok
      GOOD

      query I nosort
      SELECT 1
      ----
      1
      """;

  /**
   * Statements pass; the query {@code BLOCK} waits on a latch that {@link #interrupt()} opens
   * only when {@code hearsInterrupt}, and ignores thread interrupts either way.
   */
  static final class BlockingEngine implements SltEngine {
    final CountDownLatch release = new CountDownLatch(1);
    final boolean hearsInterrupt;
    final AtomicBoolean interrupted = new AtomicBoolean();
    final AtomicBoolean closed = new AtomicBoolean();

    BlockingEngine(boolean hearsInterrupt) {
      this.hearsInterrupt = hearsInterrupt;
    }

    @Override
    public void statement(String sql) {}

    @Override
    public List<String> query(String sql, String types) {
      if (sql.equals("BLOCK")) {
        while (true) {
          try {
            release.await();
            throw new IllegalStateException("interrupted");
          } catch (InterruptedException e) {
            // deaf to Thread.interrupt, like a busy loop in an engine
          }
        }
      }
      return List.of("1");
    }

    @Override
    public void interrupt() {
      interrupted.set(true);
      if (hearsInterrupt) {
        release.countDown();
      }
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  private static SltFileResult run(BlockingEngine engine) {
    SltRunner runner = new SltRunner(() -> engine, SltReader.forSqlite(),
        Duration.ofMillis(300), 100, Duration.ofMillis(300));
    return assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> runner.run(Path.of("inline.test"), SltReader.forSqlite().parse(SCRIPT)));
  }

  @Test
  void run_queryNeverReturns_abandonedAndRestFailedWithTimeLimit() {
    BlockingEngine engine = new BlockingEngine(false);

    SltFileResult r = run(engine);

    assertTrue(r.timedOut());
    assertTrue(r.abandoned());
    assertTrue(engine.interrupted.get());
    assertFalse(engine.closed.get(), "the engine of an abandoned worker is not closed under it");
    assertEquals(1, r.passed());
    assertEquals(3, r.failed());
    assertEquals(1, r.skipped());
    assertEquals(List.of(4, 13, 16), r.failures().stream().map(SltFailure::line).toList());
    assertTrue(r.failures().stream().allMatch(f -> f.reason().startsWith("time limit")),
        r.failures().toString());
    assertEquals("1", r.failures().get(0).expected());
    assertTrue(r.millis() < 5000, r.millis() + " ms");
    engine.release.countDown();
  }

  @Test
  void run_interruptStopsQuery_workerEndsAndItsLateFailureIsNotCounted() throws Exception {
    BlockingEngine engine = new BlockingEngine(true);

    SltFileResult r = run(engine);

    assertTrue(r.timedOut());
    assertFalse(r.abandoned());
    assertEquals(1, r.passed());
    assertEquals(3, r.failed());
    assertTrue(r.failures().get(0).reason().startsWith("time limit"), r.failures().toString());
    // the worker stopped, and closed its engine, within the grace period
    for (int i = 0; i < 100 && !engine.closed.get(); i++) {
      Thread.sleep(10);
    }
    assertTrue(engine.closed.get());
  }

  @Test
  void run_noTimeLimit_zeroMeansNone() {
    SltRunner runner = new SltRunner(() -> new BlockingEngine(true), SltReader.forSqlite(),
        Duration.ZERO, 100);

    SltFileResult r = runner.run(Path.of("inline.test"),
        SltReader.forSqlite().parse("statement ok\nGOOD\n\nquery I\nSELECT 1\n----\n1\n"));

    assertFalse(r.timedOut());
    assertEquals(2, r.passed());
  }

  @Test
  void main_timeoutOption_boundsABlockedQueryAndSaysSo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("block.test");
    Files.writeString(file, SCRIPT, StandardCharsets.UTF_8);
    Path report = dir.resolve("report.txt");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    BlockingEngine engine = new BlockingEngine(true);

    int status = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> SltMain.run(
        new String[] {"--timeout", "0.3", "--report", report.toString(), file.toString()}, ps, ps,
        () -> engine));

    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(1, status, text);
    assertTrue(text.contains("time limit reached"), text);
    assertTrue(text.endsWith("1 passed, 3 failed, 1 skipped\n"), text);
    String reportText = Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(reportText.contains(file + ":4: time limit"), reportText);
  }
}
