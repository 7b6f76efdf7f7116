package dev.pagoda;

import static dev.pagoda.Sql.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.ResultCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections on separate threads (Step 3's concurrency test): in WAL mode readers keep their
 * snapshot for the whole transaction and never wait for the writer; writers take turns (waiting up
 * to the busy timeout); BUSY_SNAPSHOT comes only to a transaction that read, then tried to write
 * after another connection committed.
 */
class ConcurrencyTest {
  private static final int ACCOUNTS = 10;
  private static final long START_BALANCE = 1000;

  @TempDir Path dir;

  /** Every amount of the ledger, in rowid order, read by one statement. */
  private static List<long[]> ledger(Connection c) {
    List<long[]> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepare("SELECT account, amount FROM ledger");
        Rows r = ps.query()) {
      while (r.next()) {
        rows.add(new long[] {r.getLong(0), r.getLong(1)});
      }
    }
    return rows;
  }

  private static long total(List<long[]> rows) {
    long sum = 0;
    for (long[] row : rows) {
      sum += row[1];
    }
    return sum;
  }

  /**
   * 8 reader threads and 2 writer threads, each on its own connection, for about two seconds: a
   * writer moves money between two accounts (a debit and a credit row in one transaction); a
   * reader reads the ledger twice in one transaction. Every snapshot must hold the invariant total,
   * both reads of a transaction the same rows, and only the writers may see BUSY (never a reader,
   * never BUSY_SNAPSHOT: a writer's transaction writes before it reads).
   */
  @Test
  @Timeout(60)
  void eightReadersTwoWriters_everySnapshotBalances() throws Exception {
    Path file = dir.resolve("bank.db");
    try (Database db = Database.open(file)) {
      try (Connection setup = db.connect()) {
        setup.execute("CREATE TABLE ledger(account INTEGER, amount INTEGER)");
        for (int a = 0; a < ACCOUNTS; a++) {
          setup.execute("INSERT INTO ledger VALUES (" + a + ", " + START_BALANCE + ")");
        }
        assertEquals(List.of("wal"), column(setup, "PRAGMA journal_mode"));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      AtomicLong transfers = new AtomicLong();
      AtomicLong snapshots = new AtomicLong();
      AtomicLong writerBusy = new AtomicLong();
      AtomicLong maxRowsSeen = new AtomicLong();
      ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(10);
      List<Future<?>> jobs = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int seed = w;
        jobs.add(pool.submit(() -> {
          Random rnd = new Random(seed);
          try (Connection c = db.connect();
              PreparedStatement insert = c.prepare("INSERT INTO ledger VALUES (?, ?)")) {
            while (System.nanoTime() < deadline) {
              int from = rnd.nextInt(ACCOUNTS);
              int to = (from + 1 + rnd.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
              long amount = 1 + rnd.nextInt(50);
              try {
                c.execute("BEGIN");
                insert.bind(1, from).bind(2, -amount).executeUpdate();
                insert.bind(1, to).bind(2, amount).executeUpdate();
                c.execute("COMMIT");
                transfers.incrementAndGet();
              } catch (PagodaException e) {
                if (e.code() == ResultCode.BUSY) {
                  writerBusy.incrementAndGet();
                } else {
                  failures.merge("writer: " + e, 1, Integer::sum);
                }
                if (!c.isAutoCommit()) {
                  c.execute("ROLLBACK");
                }
              }
            }
          }
          return null;
        }));
      }
      for (int r = 0; r < 8; r++) {
        jobs.add(pool.submit(() -> {
          try (Connection c = db.connect()) {
            while (System.nanoTime() < deadline) {
              try {
                c.execute("BEGIN");
                List<long[]> first = ledger(c);
                List<long[]> second = ledger(c);
                c.execute("COMMIT");
                snapshots.incrementAndGet();
                maxRowsSeen.accumulateAndGet(first.size(), Math::max);
                if (total(first) != ACCOUNTS * START_BALANCE) {
                  failures.merge("unbalanced snapshot: total " + total(first), 1, Integer::sum);
                }
                if (first.size() != second.size() || first.size() % 2 != 0) {
                  failures.merge("snapshot moved within a transaction: " + first.size() + " then "
                      + second.size() + " rows", 1, Integer::sum);
                }
              } catch (PagodaException e) {
                failures.merge("reader: " + e, 1, Integer::sum);
                if (!c.isAutoCommit()) {
                  c.execute("ROLLBACK");
                }
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> j : jobs) {
        j.get(45, TimeUnit.SECONDS); // a deadlock fails here
      }
      pool.shutdown();
      try (Connection c = db.connect()) {
        List<long[]> all = ledger(c);
        assertEquals(ACCOUNTS * START_BALANCE, total(all));
        assertEquals(ACCOUNTS + 2 * transfers.get(), all.size(), "every acknowledged transfer is there");
        assertEquals(List.of("ok"), column(c, "PRAGMA integrity_check"));
      }
      System.out.printf("ConcurrencyTest: %d transfers committed, %d writer BUSY, %d reader snapshots"
          + " checked (up to %d rows each)%n", transfers.get(), writerBusy.get(), snapshots.get(),
          maxRowsSeen.get());
      assertEquals(java.util.Map.of(), failures);
      assertTrue(transfers.get() > 0 && snapshots.get() > 0);
    }
  }

  @Test
  void wal_aReadTransactionKeepsItsSnapshot_andDoesNotBlockTheWriter() {
    try (Database db = Database.open(dir.resolve("snap.db"));
        Connection a = db.connect();
        Connection b = db.connect()) {
      a.execute("CREATE TABLE t(x)");
      a.execute("INSERT INTO t VALUES (1)");
      b.setBusyTimeout(0);
      a.execute("BEGIN");
      assertEquals(List.of("1"), column(a, "SELECT x FROM t"));
      b.execute("INSERT INTO t VALUES (2)"); // commits at once: the reader does not block it
      assertEquals(List.of("1"), column(a, "SELECT x FROM t"), "a still reads its snapshot");
      assertEquals(List.of("1", "2"), column(b, "SELECT x FROM t"));
      a.execute("COMMIT");
      assertEquals(List.of("1", "2"), column(a, "SELECT x FROM t"));
    }
  }

  @Test
  void wal_writingAfterAnotherCommit_isBusySnapshot_untilTheTransactionRestarts() {
    try (Database db = Database.open(dir.resolve("busysnap.db"));
        Connection a = db.connect();
        Connection b = db.connect()) {
      a.execute("CREATE TABLE t(x)");
      a.execute("BEGIN");
      assertEquals(List.of(), column(a, "SELECT x FROM t"));
      b.execute("INSERT INTO t VALUES (1)");
      PagodaException e = assertThrows(PagodaException.class,
          () -> a.execute("INSERT INTO t VALUES (2)"));
      assertEquals(ResultCode.BUSY_SNAPSHOT, e.code());
      assertFalse(a.isAutoCommit(), "the transaction stays open, as in SQLite");
      a.execute("ROLLBACK");
      a.execute("BEGIN");
      a.execute("INSERT INTO t VALUES (2)");
      a.execute("COMMIT");
      assertEquals(List.of("1", "2"), column(b, "SELECT x FROM t"));
    }
  }

  @Test
  void wal_secondWriter_getsBusy_afterTheTimeout() {
    try (Database db = Database.open(dir.resolve("writers.db"));
        Connection a = db.connect();
        Connection b = db.connect()) {
      a.execute("CREATE TABLE t(x)");
      a.execute("BEGIN IMMEDIATE");
      b.setBusyTimeout(50);
      long t0 = System.nanoTime();
      PagodaException e = assertThrows(PagodaException.class,
          () -> b.execute("INSERT INTO t VALUES (1)"));
      assertEquals(ResultCode.BUSY, e.code());
      assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(40), "it waited");
      assertEquals(List.of(), column(b, "SELECT x FROM t"), "b still reads");
      a.execute("COMMIT");
      b.execute("INSERT INTO t VALUES (1)");
    }
  }

  @Test
  void samePathOpenedTwice_sharesOneFileState() throws Exception {
    Path file = dir.resolve("twice.db");
    Path sameFileOtherName = dir.resolve(".").resolve("twice.db");
    Path link = dir.resolve("link.db");
    try (Database one = Database.open(file);
        Connection a = one.connect()) {
      a.execute("CREATE TABLE t(x)");
      java.nio.file.Files.createSymbolicLink(link, file);
      try (Database two = Database.open(sameFileOtherName);
          Database three = Database.open(link);
          Connection b = two.connect();
          Connection c = three.connect()) {
        b.setBusyTimeout(0);
        a.execute("BEGIN IMMEDIATE");
        a.execute("INSERT INTO t VALUES (1)");
        PagodaException busy = assertThrows(PagodaException.class,
            () -> b.execute("INSERT INTO t VALUES (2)"));
        assertEquals(ResultCode.BUSY, busy.code(), "one writer across both Database objects");
        assertEquals(List.of(), column(c, "SELECT x FROM t"), "c reads the last commit");
        a.execute("COMMIT");
        b.execute("INSERT INTO t VALUES (2)");
        assertEquals(List.of("1", "2"), column(c, "SELECT x FROM t"));
      }
      a.execute("INSERT INTO t VALUES (3)"); // closing the others left the file open
      assertEquals(List.of("1", "2", "3"), column(a, "SELECT x FROM t"));
    }
    assertFalse(java.nio.file.Files.exists(Path.of(file + "-wal")), "the last close ends the WAL");
    try (Database again = Database.open(link); Connection c = again.connect()) {
      assertEquals(List.of("1", "2", "3"), column(c, "SELECT x FROM t"));
    }
  }
}
