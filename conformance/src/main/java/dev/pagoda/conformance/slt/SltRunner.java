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
 *   <li>{@code query} fails when the SQL fails or the column count is not the type string's
 *       length; its values are sorted by the sort mode, then compared one by one with the lines
 *       after {@code ----} (the count must agree too) when there are at most {@code
 *       hash-threshold} of them (or the threshold is 0), else the line {@code N values hashing to
 *       <md5>} is compared with the expected one.
 *   <li>A labelled query's hash line must equal the one of the label's first query in the file.
 *   <li>A failed record does not stop the script; {@code halt} does.
 * </ul>
 */
public final class SltRunner {
  /** Values shown at most, per side, in a failure's expected/got. */
  private static final int SHOWN_VALUES = 40;

  private final Supplier<? extends SltEngine> engines;
  private final SltReader reader;
  private final Duration timeLimit;
  private final int keptFailures;

  /**
   * @param engines makes the fresh engine of each script
   * @param reader reads scripts (its engine name decides skipif/onlyif)
   * @param timeLimit per script, checked between records; null for none
   * @param keptFailures failures kept per script for the report (all are counted)
   */
  public SltRunner(Supplier<? extends SltEngine> engines, SltReader reader, Duration timeLimit,
      int keptFailures) {
    this.engines = engines;
    this.reader = reader;
    this.timeLimit = timeLimit;
    this.keptFailures = keptFailures;
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

  /** The state of one script's run. */
  private final class FileRun {
    private final Path file;
    private final List<SltFailure> failures = new ArrayList<>();
    /** label -> the hash line of its first query, and that query's line. */
    private final Map<String, String> labelHashes = new HashMap<>();
    private final Map<String, Integer> labelLines = new HashMap<>();
    private int passed;
    private int failed;
    private int skipped;
    private int threshold;

    FileRun(Path file) {
      this.file = file;
    }

    SltFileResult run(List<SltRecord> records) {
      long start = System.nanoTime();
      long deadline = timeLimit == null ? Long.MAX_VALUE : start + timeLimit.toNanos();
      boolean halted = false;
      boolean timedOut = false;
      SltEngine engine = engines.get();
      try {
        for (int i = 0; i < records.size(); i++) {
          SltRecord r = records.get(i);
          if (timeLimit != null && System.nanoTime() - deadline > 0) {
            timedOut = true;
            notRun(records.subList(i, records.size()));
            break;
          }
          if (r instanceof SltRecord.Halt) {
            halted = true;
            break;
          }
          runRecord(engine, r);
        }
      } finally {
        try {
          engine.close();
        } catch (RuntimeException e) {
          // the counts stand; a database that cannot close is the engine's own failure
          fail(0, "", "closing the database failed: " + message(e), "", "");
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new SltFileResult(file, passed, failed, skipped, failures, halted, timedOut, millis);
    }

    private void notRun(List<SltRecord> rest) {
      for (SltRecord r : rest) {
        if (r instanceof SltRecord.Halt) {
          return;
        }
        if (r instanceof SltRecord.Skipped) {
          skipped++;
        } else if (!(r instanceof SltRecord.HashThreshold)) {
          fail(r.line(), sqlOf(r), "not run: the script's time limit of " + timeLimit
              + " was reached", "", "");
        }
      }
    }

    private void runRecord(SltEngine engine, SltRecord r) {
      if (r instanceof SltRecord.Statement s) {
        statement(engine, s);
      } else if (r instanceof SltRecord.Query q) {
        query(engine, q);
      } else if (r instanceof SltRecord.HashThreshold h) {
        threshold = h.threshold();
      } else if (r instanceof SltRecord.Skipped) {
        skipped++;
      } else if (r instanceof SltRecord.Malformed m) {
        fail(m.line(), m.text(), m.reason(), "", "");
      } else {
        throw new AssertionError("not a runnable record: " + r);
      }
    }

    private void statement(SltEngine engine, SltRecord.Statement s) {
      String error = null;
      try {
        engine.statement(s.sql());
      } catch (RuntimeException | StackOverflowError e) {
        error = message(e);
      }
      if (s.expectError() && error == null) {
        fail(s.line(), s.sql(), "statement succeeded but an error was expected", "", "");
      } else if (!s.expectError() && error != null) {
        fail(s.line(), s.sql(), "statement failed: " + error, "", "");
      } else {
        passed++;
      }
    }

    private void query(SltEngine engine, SltRecord.Query q) {
      List<String> values;
      try {
        values = engine.query(q.sql(), q.types());
      } catch (SltEngine.ColumnCountException e) {
        fail(q.line(), q.sql(), e.getMessage(), "", "");
        return;
      } catch (RuntimeException | StackOverflowError e) {
        fail(q.line(), q.sql(), "query failed: " + message(e), "", "");
        return;
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
          fail(q.line(), q.sql(), "labeled result [" + q.label() + "] does not agree with the "
              + "first use at line " + labelLines.get(q.label()), first, hashLine);
          return;
        }
      }
      List<String> expected = q.expected();
      if (expected != null) {
        if (byHash) {
          String want = expected.isEmpty() ? "" : expected.get(0);
          if (expected.size() != 1 || !want.equals(hashLine)) {
            fail(q.line(), q.sql(), "wrong result hash", String.join("\n", expected), hashLine);
            return;
          }
        } else if (!expected.equals(values)) {
          String reason = expected.size() == values.size()
              ? "wrong result"
              : "wrong number of values: expected " + expected.size() + ", got " + values.size();
          fail(q.line(), q.sql(), reason, shown(expected), shown(values));
          return;
        }
      }
      passed++;
    }

    private void fail(int line, String sql, String reason, String expected, String got) {
      failed++;
      if (failures.size() < keptFailures) {
        failures.add(new SltFailure(file, line, sql, reason, expected, got));
      }
    }
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
