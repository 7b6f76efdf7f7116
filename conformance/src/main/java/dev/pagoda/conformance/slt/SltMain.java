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
import java.util.stream.Stream;

/**
 * The sqllogictest command: {@code SltMain [OPTIONS] PATH...} runs every {@code .test} file named
 * or found under a named folder (sorted by path), each on a fresh in-memory Pagoda database,
 * prints one line per file and then, as the last line, {@code N passed, M failed, K skipped}
 * (skipped: records the corpus leaves out for SQLite). Exit status: 0 when nothing failed, 1 when
 * something did, 2 for a usage error.
 *
 * <p>Options: {@code --failures N} lists the first N failures (file, line, reason, SQL, expected
 * and got values); {@code --report FILE} writes every failure kept (up to 1000 per file) to FILE;
 * {@code --timeout SECONDS} is the time limit of one file, checked between records (the records
 * not run count as failed).
 */
public final class SltMain {
  private SltMain() {}

  static final String USAGE =
      "usage: slt [--failures N] [--report FILE] [--timeout SECONDS] PATH...";

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    int listed = 0;
    Path report = null;
    Duration timeout = null;
    List<Path> paths = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--failures", "-f" -> listed = Integer.parseInt(value(args, ++i, a));
          case "--report" -> report = Path.of(value(args, ++i, a));
          case "--timeout" -> timeout = Duration.ofMillis(
              Math.round(Double.parseDouble(value(args, ++i, a)) * 1000));
          case "--help", "-h" -> {
            out.println(USAGE);
            return 0;
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
    } catch (IllegalArgumentException e) {
      err.println("slt: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    List<Path> files;
    try {
      files = testFiles(paths);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      err.println("slt: " + e.getMessage());
      return 2;
    }
    SltRunner runner = new SltRunner(PagodaEngine::new, SltReader.forSqlite(), timeout, 1000);
    long start = System.nanoTime();
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    List<SltFailure> failures = new ArrayList<>();
    for (Path file : files) {
      SltFileResult r;
      try {
        r = runner.run(file);
      } catch (RuntimeException e) {
        SltFailure f = new SltFailure(file, 0, "", "the script could not be run: " + e, "", "");
        r = new SltFileResult(file, 0, 1, 0, List.of(f), false, false, 0);
      }
      passed += r.passed();
      failed += r.failed();
      skipped += r.skipped();
      failures.addAll(r.failures());
      out.println(file + ": " + r.counts() + " (" + r.millis() + " ms"
          + (r.halted() ? ", halted" : "") + (r.timedOut() ? ", time limit reached" : "") + ")");
      out.flush();
    }
    if (listed > 0 && !failures.isEmpty()) {
      out.println();
      out.println("first " + Math.min(listed, failures.size()) + " failures:");
      failures.stream().limit(listed).forEach(f -> out.print(f.describe()));
      out.println();
    }
    if (report != null) {
      try (Writer w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
        for (SltFailure f : failures) {
          w.write(f.describe());
        }
      } catch (IOException e) {
        err.println("slt: cannot write " + report + ": " + e.getMessage());
      }
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    out.println("total over " + files.size() + " files in " + seconds + " s:");
    out.println(counts(passed, failed, skipped));
    return failed == 0 ? 0 : 1;
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
