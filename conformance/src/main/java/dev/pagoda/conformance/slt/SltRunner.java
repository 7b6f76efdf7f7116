package dev.pagoda.conformance.slt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs scripts as SQLite's {@code sqllogictest} does, each on a fresh engine ({@link
 * PagodaEngine}, a new in-memory database, unless told otherwise).
 *
 * <ul>
 *   <li>{@code statement ok} passes when every statement of its SQL runs; {@code statement error}
 *       when one fails.
 *   <li>{@code query} fails when the SQL cannot be prepared or the column count is not the type
 *       string's length; an error while it runs only ends its rows ({@link
 *       SltEngine.QueryStoppedException}), as sqllogictest ignores {@code sqlite3_step}'s error.
 *       Its values are sorted by the sort mode, then compared one by one with the lines after
 *       {@code ----} (the count must agree too) when there are at most {@code hash-threshold} of
 *       them (or the threshold is 0; a script starts at {@value #DEFAULT_HASH_THRESHOLD}), else
 *       the line {@code N values hashing to <md5>} is compared with the expected one.
 *   <li>A labelled query's hash line must equal the one of the label's first query in the file.
 *   <li>A failed record does not stop the script; {@code halt} does.
 *   <li>Each script's records run on a worker thread (a daemon). When the script's time limit
 *       passes, the counts are frozen, the engine's {@link SltEngine#interrupt()} is called, and
 *       every record not finished counts as failed with a reason starting {@code time limit}; a
 *       worker that does not stop within the grace period is abandoned.
 * </ul>
 */
public final class SltRunner {
  /** Values shown at most, per side, in a failure's expected/got. */
  private static final int SHOWN_VALUES = 40;
  /**
   * The hash threshold a script starts with, as in sqllogictest ({@code DEFAULT_HASH_THRESHOLD}):
   * scripts without a {@code hash-threshold} record (select1.test, for one) expect hashes too.
   */
  public static final int DEFAULT_HASH_THRESHOLD = 8;
  /** How long a record still running at the time limit gets to stop, unless told otherwise. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
  /**
   * The worker's stack: as deep as a main thread's usual 8 MB and more, so that deeply nested SQL
   * fails (or not) as it did when the records ran on the calling thread.
   */
  private static final long WORKER_STACK_BYTES = 64L << 20;

  private final Supplier<? extends SltEngine> engines;
  private final SltReader reader;
  private final Duration timeLimit;
  private final int keptFailures;
  private final Duration grace;

  /**
   * @param engines makes the fresh engine of each script
   * @param reader reads scripts (its engine name decides skipif/onlyif)
   * @param timeLimit per script, bounding each record too; null (or zero) for none
   * @param keptFailures failures kept per script for the report (all are counted)
   */
  public SltRunner(Supplier<? extends SltEngine> engines, SltReader reader, Duration timeLimit,
      int keptFailures) {
    this(engines, reader, timeLimit, keptFailures, DEFAULT_GRACE);
  }

  /**
   * @param grace how long a record still running at the time limit gets, after the engine's
   *     {@link SltEngine#interrupt()}, to stop before its worker thread is abandoned
   * @see #SltRunner(Supplier, SltReader, Duration, int)
   */
  public SltRunner(Supplier<? extends SltEngine> engines, SltReader reader, Duration timeLimit,
      int keptFailures, Duration grace) {
    this.engines = engines;
    this.reader = reader;
    this.timeLimit = timeLimit == null || timeLimit.isZero() ? null : timeLimit;
    this.keptFailures = keptFailures;
    this.grace = grace;
  }

  /** Pagoda, engine name {@code sqlite}, no time limit, 1000 failures kept per script. */
  public static SltRunner forPagoda() {
    return new SltRunner(PagodaEngine::new, SltReader.forSqlite(), null, 1000);
  }

  /** Reads and runs one script. */
  public SltFileResult run(Path file) {
    List<SltRecord> records;
    try {
      records = reader.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return run(file, records);
  }

  /** Runs the records of one script ({@code file} only names it in the results). */
  public SltFileResult run(Path file, List<SltRecord> records) {
    return new FileRun(file).run(records);
  }

  /**
   * The run of one script. The records run on a worker thread; the calling thread waits for it
   * until the time limit. The counts and failures are shared: the worker adds each record's
   * outcome under this object's lock, unless the run is {@code frozen} (the time limit passed), so
   * the caller can take the counts when it gives up on the worker.
   */
  private final class FileRun {
    private final Path file;
    // worker-only state
    /** label -> the hash line of its first query, and that query's line. */
    private final Map<String, String> labelHashes = new HashMap<>();
    private final Map<String, Integer> labelLines = new HashMap<>();
    /** sqllogictest's default, until a {@code hash-threshold} record changes it. */
    private int threshold = DEFAULT_HASH_THRESHOLD;
    // shared state, guarded by this
    private final List<SltFailure> failures = new ArrayList<>();
    private int passed;
    private int failed;
    private int skipped;
    /** Records whose outcome is in the counts: the next record to run is records[done]. */
    private int done;
    private boolean halted;
    private boolean frozen;
    private Throwable crash;

    FileRun(Path file) {
      this.file = file;
    }

    SltFileResult run(List<SltRecord> records) {
      long start = System.nanoTime();
      SltEngine engine = engines.get();
      Thread worker = new Thread(null, () -> work(engine, records),
          "slt " + file.getFileName(), WORKER_STACK_BYTES);
      worker.setDaemon(true);
      worker.start();
      boolean finished = timeLimit == null
          ? awaitEnd(worker)
          : awaitUntil(worker, start + timeLimit.toNanos());
      boolean abandoned = false;
      if (!finished) {
        synchronized (this) {
          frozen = true;
        }
        try {
          engine.interrupt();
        } catch (RuntimeException e) {
          // the hook is best effort: the worker is abandoned if it does not stop
        }
        abandoned = !awaitUntil(worker, System.nanoTime() + grace.toNanos());
      }
      synchronized (this) {
        frozen = true;
        if (!finished) {
          notRun(records.subList(done, records.size()), timeLimit == null
              ? "time limit: the run was interrupted before this record finished"
              : "time limit: the script's limit of " + seconds(timeLimit)
                  + " was reached before this record finished");
        } else if (crash != null) {
          notRun(records.subList(done, records.size()), "not run: the runner's worker died: "
              + crash);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new SltFileResult(file, passed, failed, skipped, failures, halted, !finished,
            abandoned, millis);
      }
    }

    /** The worker: runs the records in order, then closes the engine. */
    private void work(SltEngine engine, List<SltRecord> records) {
      try {
        for (int i = 0; i < records.size(); i++) {
          SltRecord r = records.get(i);
          if (r instanceof SltRecord.Halt) {
            synchronized (this) {
              if (!frozen) {
                halted = true;
              }
            }
            break;
          }
          Outcome o = runRecord(engine, r);
          synchronized (this) {
            if (frozen) {
              return;
            }
            count(o);
            done = i + 1;
          }
        }
      } catch (Throwable e) {
        synchronized (this) {
          crash = e;
        }
      } finally {
        try {
          engine.close();
        } catch (RuntimeException e) {
          synchronized (this) {
            if (!frozen) {
              // the counts stand; a database that cannot close is the engine's own failure
              count(Outcome.failed(new SltFailure(file, 0, "", "closing the database failed: "
                  + message(e), "", "")));
            }
          }
        }
      }
    }

    /** Adds one record's outcome to the counts; the caller holds the lock. */
    private void count(Outcome o) {
      switch (o.kind) {
        case PASSED -> passed++;
        case SKIPPED -> skipped++;
        case FAILED -> fail(o.failure);
        case NONE -> {}
      }
    }

    /** Counts the records from the first not run up to a halt as failed with {@code reason}. */
    private void notRun(List<SltRecord> rest, String reason) {
      for (SltRecord r : rest) {
        if (r instanceof SltRecord.Halt) {
          return;
        }
        if (r instanceof SltRecord.Skipped) {
          skipped++;
        } else if (!(r instanceof SltRecord.HashThreshold)) {
          fail(new SltFailure(file, r.line(), sqlOf(r), reason, expectedOf(r), "not finished"));
        }
      }
    }

    private void fail(SltFailure f) {
      failed++;
      if (failures.size() < keptFailures) {
        failures.add(f);
      }
    }

    private Outcome runRecord(SltEngine engine, SltRecord r) {
      if (r instanceof SltRecord.Statement s) {
        return statement(engine, s);
      } else if (r instanceof SltRecord.Query q) {
        return query(engine, q);
      } else if (r instanceof SltRecord.HashThreshold h) {
        threshold = h.threshold();
        return Outcome.NOTHING;
      } else if (r instanceof SltRecord.Skipped) {
        return Outcome.SKIP;
      } else if (r instanceof SltRecord.Malformed m) {
        return failed(m.line(), m.text(), m.reason(), "", "");
      }
      throw new AssertionError("not a runnable record: " + r);
    }

    private Outcome statement(SltEngine engine, SltRecord.Statement s) {
      String error = null;
      try {
        engine.statement(s.sql());
      } catch (RuntimeException | StackOverflowError | AssertionError e) {
        error = message(e);
      }
      if (s.expectError() && error == null) {
        return failed(s.line(), s.sql(), "statement succeeded but an error was expected",
            "an error", "ok");
      } else if (!s.expectError() && error != null) {
        return failed(s.line(), s.sql(), "statement failed: " + error, "ok", "error: " + error);
      }
      return Outcome.PASS;
    }

    private Outcome query(SltEngine engine, SltRecord.Query q) {
      List<String> values;
      String expectedText = q.expected() == null ? "" : shown(q.expected());
      String stopped = "";
      try {
        values = engine.query(q.sql(), q.types());
      } catch (SltEngine.QueryStoppedException e) {
        // sqllogictest ignores the error that ends sqlite3_step: the rows so far are the result
        values = e.values();
        stopped = " (the query stopped early with an error: " + message(e) + ")";
      } catch (SltEngine.ColumnCountException e) {
        return failed(q.line(), q.sql(), e.getMessage(), expectedText, "");
      } catch (RuntimeException | StackOverflowError | AssertionError e) {
        return failed(q.line(), q.sql(), "query failed: " + message(e), expectedText,
            "error: " + message(e));
      }
      values = ResultFormat.sort(values, q.types().length(), q.sortMode());
      boolean byHash = threshold > 0 && values.size() > threshold;
      String hashLine = byHash || q.label() != null ? ResultFormat.hashLine(values) : null;
      if (q.label() != null) {
        // like sqllogictest, the first use of a label sets its hash, right or wrong
        String first = labelHashes.putIfAbsent(q.label(), hashLine);
        if (first == null) {
          labelLines.put(q.label(), q.line());
        } else if (!first.equals(hashLine)) {
          return failed(q.line(), q.sql(), "labeled result [" + q.label() + "] does not agree "
              + "with the first use at line " + labelLines.get(q.label()) + stopped, first,
              hashLine);
        }
      }
      List<String> expected = q.expected();
      if (expected == null) {
        return Outcome.PASS;
      }
      if (byHash) {
        String want = expected.isEmpty() ? "" : expected.get(0);
        if (expected.size() != 1 || !want.equals(hashLine)) {
          return failed(q.line(), q.sql(), "wrong result hash" + stopped,
              String.join("\n", expected), hashLine);
        }
      } else if (!expected.equals(values)) {
        String reason = expected.size() == values.size()
            ? "wrong result"
            : "wrong number of values: expected " + expected.size() + ", got " + values.size();
        return failed(q.line(), q.sql(), reason + stopped, shown(expected), shown(values));
      }
      return Outcome.PASS;
    }

    private Outcome failed(int line, String sql, String reason, String expected, String got) {
      return Outcome.failed(new SltFailure(file, line, sql, reason, expected, got));
    }
  }

  /** What one record came to. */
  private static final class Outcome {
    enum Kind { PASSED, FAILED, SKIPPED, NONE }

    static final Outcome PASS = new Outcome(Kind.PASSED, null);
    static final Outcome SKIP = new Outcome(Kind.SKIPPED, null);
    /** A control record: nothing to count. */
    static final Outcome NOTHING = new Outcome(Kind.NONE, null);

    final Kind kind;
    final SltFailure failure;

    private Outcome(Kind kind, SltFailure failure) {
      this.kind = kind;
      this.failure = failure;
    }

    static Outcome failed(SltFailure f) {
      return new Outcome(Kind.FAILED, f);
    }
  }

  /** Waits for {@code worker} to end; true unless the waiting thread is interrupted. */
  private static boolean awaitEnd(Thread worker) {
    try {
      worker.join();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !worker.isAlive();
    }
  }

  /**
   * Waits for {@code worker} to end, until {@code deadline} ({@link System#nanoTime()}); true when
   * it ended. An interrupt of the waiting thread counts as the deadline.
   */
  private static boolean awaitUntil(Thread worker, long deadline) {
    try {
      while (worker.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        worker.join(Math.max(1, left / 1_000_000));
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !worker.isAlive();
    }
  }

  /** {@code 300 s}, {@code 0.25 s}. */
  static String seconds(Duration d) {
    long ms = d.toMillis();
    return (ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0)) + " s";
  }

  private static String sqlOf(SltRecord r) {
    if (r instanceof SltRecord.Statement s) {
      return s.sql();
    } else if (r instanceof SltRecord.Query q) {
      return q.sql();
    } else if (r instanceof SltRecord.Malformed m) {
      return m.text();
    }
    return "";
  }

  /** What a record expects, as a failure shows it. */
  private static String expectedOf(SltRecord r) {
    if (r instanceof SltRecord.Statement s) {
      return s.expectError() ? "an error" : "ok";
    } else if (r instanceof SltRecord.Query q && q.expected() != null) {
      return shown(q.expected());
    }
    return "";
  }

  /** The first values, one a line, and how many more there are. */
  private static String shown(List<String> values) {
    if (values.size() <= SHOWN_VALUES) {
      return String.join("\n", values);
    }
    return String.join("\n", values.subList(0, SHOWN_VALUES)) + "\n... "
        + (values.size() - SHOWN_VALUES) + " more";
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
