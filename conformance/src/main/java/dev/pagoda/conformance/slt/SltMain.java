package dev.pagoda.conformance.slt;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The sqllogictest command: {@code SltMain [OPTIONS] PATH...} runs every {@code .test} file named
 * or found under a named folder (sorted by path), each on a fresh in-memory Pagoda database,
 * prints one line per file and then, as the last line, {@code N passed, M failed, K skipped}
 * (skipped: records the corpus leaves out for SQLite). Exit status: 0 when nothing failed, 1 when
 * something did, 2 for a usage error.
 *
 * <p>Options:
 *
 * <ul>
 *   <li>{@code --failures N} prints the first N failures (file, line, reason, SQL, expected and
 *       got values) before the totals;
 *   <li>{@code --report FILE} writes every failure, file after file as each is done, to FILE (then
 *       the totals);
 *   <li>{@code --gaps FILE} writes a Markdown table to FILE: per file the passed, failed and
 *       skipped counts and the most frequent failure reasons (see {@link SltGaps});
 *   <li>{@code --timeout SECONDS} is the time limit of one file (default 300; 0 for none). It
 *       bounds a single record too: a record still running then is interrupted, and it and the
 *       records after it count as failed ({@code time limit}).
 * </ul>
 */
public final class SltMain {
  private SltMain() {}

  /** The time limit of one file unless {@code --timeout} says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

  static final String USAGE = "usage: slt [--failures N] [--report FILE] [--gaps FILE]"
      + " [--timeout SECONDS (default 300, 0: none)] PATH...";

  /** The command's options and paths. */
  private record Options(int listed, Path report, Path gaps, Duration timeout, List<Path> paths) {}

  /** Runs the command with {@code args}, then exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command on Pagoda; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, PagodaEngine::new);
  }

  /** Runs the command with the engines {@code engines} makes; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err,
      Supplier<? extends SltEngine> engines) {
    Options o;
    List<Path> files;
    try {
      o = options(args);
      if (o == null) {
        out.println(USAGE);
        return 0;
      }
      files = testFiles(o.paths());
    } catch (IllegalArgumentException e) {
      err.println("slt: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (UncheckedIOException e) {
      err.println("slt: " + e.getMessage());
      return 2;
    }
    boolean keepAll = o.report() != null || o.gaps() != null;
    SltRunner runner = new SltRunner(engines, SltReader.forSqlite(), o.timeout(),
        keepAll ? Integer.MAX_VALUE : Math.max(o.listed(), 1));
    try (Writer report = o.report() == null ? null
        : Files.newBufferedWriter(o.report(), StandardCharsets.UTF_8)) {
      return runFiles(runner, files, o, report, out);
    } catch (IOException e) {
      err.println("slt: cannot write " + o.report() + ": " + e.getMessage());
      return 2;
    }
  }

  /** The options of {@code args}; null when help was asked for. */
  private static Options options(String[] args) {
    int listed = 0;
    Path report = null;
    Path gaps = null;
    Duration timeout = DEFAULT_TIMEOUT;
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--failures", "-f" -> listed = Integer.parseInt(value(args, ++i, a));
        case "--report" -> report = Path.of(value(args, ++i, a));
        case "--gaps" -> gaps = Path.of(value(args, ++i, a));
        case "--timeout" -> {
          double s = Double.parseDouble(value(args, ++i, a));
          if (!(s >= 0)) {
            throw new IllegalArgumentException("--timeout must be 0 or more seconds");
          }
          timeout = s == 0 ? null : Duration.ofMillis(Math.round(s * 1000));
        }
        case "--help", "-h" -> {
          return null;
        }
        default -> {
          if (a.startsWith("-")) {
            throw new IllegalArgumentException("unknown option " + a);
          }
          paths.add(Path.of(a));
        }
      }
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no PATH given");
    }
    return new Options(listed, report, gaps, timeout, paths);
  }

  /** Runs the files, printing a line for each and the totals; returns the exit status. */
  private static int runFiles(SltRunner runner, List<Path> files, Options o, Writer report,
      PrintStream out) throws IOException {
    long start = System.nanoTime();
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    List<SltFailure> listed = new ArrayList<>();
    SltGaps gaps = new SltGaps();
    for (Path file : files) {
      SltFileResult r = runOne(runner, file);
      passed += r.passed();
      failed += r.failed();
      skipped += r.skipped();
      r.failures().stream().limit(o.listed() - listed.size()).forEach(listed::add);
      if (report != null) {
        for (SltFailure f : r.failures()) {
          report.write(f.describe());
        }
        report.flush();
      }
      gaps.add(r);
      out.println(file + ": " + r.counts() + " (" + r.millis() + " ms"
          + (r.halted() ? ", halted" : "") + (r.timedOut() ? ", time limit reached" : "")
          + (r.abandoned() ? ", its last record abandoned still running" : "") + ")");
      out.flush();
    }
    if (!listed.isEmpty()) {
      out.println();
      out.println("first " + listed.size() + " failures:");
      listed.forEach(f -> out.print(f.describe()));
      out.println();
    }
    String totals = counts(passed, failed, skipped);
    if (report != null) {
      report.write("total over " + files.size() + " files: " + totals + "\n");
    }
    if (o.gaps() != null) {
      Files.writeString(o.gaps(), gaps.markdown(), StandardCharsets.UTF_8);
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    out.println("total over " + files.size() + " files in " + seconds + " s:");
    out.println(totals);
    return failed == 0 ? 0 : 1;
  }

  /** One file's result; a script that cannot be read or started is one failure. */
  private static SltFileResult runOne(SltRunner runner, Path file) {
    try {
      return runner.run(file);
    } catch (RuntimeException e) {
      SltFailure f = new SltFailure(file, 0, "", "the script could not be run: " + e, "", "");
      return new SltFileResult(file, 0, 1, 0, List.of(f), false, false, false, 0);
    }
  }

  static String counts(int passed, int failed, int skipped) {
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** The files named, and the {@code .test} files under the folders named, each sorted. */
  static List<Path> testFiles(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.getFileName().toString().endsWith(".test") && Files.isRegularFile(f))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + p, e);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new IllegalArgumentException("no such file or folder: " + p);
      }
    }
    return files;
  }
}
