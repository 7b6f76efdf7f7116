package dev.pagoda.parser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads the sqllogictest corpus in {@code shared/sqllogictest} (outside the repository; never
 * copied into it) and extracts the SQL of every record meant for SQLite.
 *
 * <p>The format (the corpus README, and {@code sqllogictest.c}): records are runs of non-blank
 * lines; lines starting with {@code #} are invisible (they neither separate records nor belong to
 * them). A record may open with {@code skipif <engine>} / {@code onlyif <engine>} lines (anything
 * after the engine name is a comment); then comes {@code statement ok}, {@code statement error},
 * {@code query <types> [sort] [label]} (SQL up to a {@code ----} line, then the expected values),
 * {@code hash-threshold N} or {@code halt} (stop reading the script, when it applies to SQLite).
 */
final class CorpusReader {
  private CorpusReader() {}

  /** The system property that names the corpus directory, overriding the search. */
  static final String DIR_PROPERTY = "pagoda.corpus.dir";

  enum Kind {
    STATEMENT_OK,
    STATEMENT_ERROR,
    QUERY
  }

  /** One SQL-bearing record meant for SQLite. {@code line} is 1-based, of the command line. */
  record SqlRecord(Path file, int line, Kind kind, String sql) {
    String where(Path root) {
      return root.relativize(file) + ":" + line;
    }
  }

  /** Counts over the files read, for the report. */
  static final class Stats {
    int files;
    long lines;
    long bytes;
    /** Every record, control lines included, whatever engine it is for. */
    int records;
    /** Records left out because a skipif/onlyif condition excludes SQLite. */
    int skippedOtherEngine;
    /** Control records that apply to SQLite: hash-threshold and halt. */
    int control;
    /** Files whose reading stopped at a {@code halt} meant for SQLite. */
    int halted;
    /** Records whose command the reader does not know; reported, never silently dropped. */
    final List<String> unknown = new ArrayList<>();
  }

  /**
   * The corpus directory: {@code -Dpagoda.corpus.dir}, else the first {@code shared/sqllogictest}
   * found walking up from the working directory (the module directory under Maven), else {@code
   * /work/shared/sqllogictest} (where this workplace keeps it, for clones made elsewhere). When
   * there is none the test is skipped, saying why on stdout and in the skip reason: the corpus is
   * outside the repository and a clone may be made where it is not.
   */
  static Path locate() {
    String configured = System.getProperty(DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path p = Paths.get(configured).toAbsolutePath().normalize();
      if (!Files.isDirectory(p)) {
        fail("-D" + DIR_PROPERTY + "=" + configured + " is not a directory");
      }
      return p;
    }
    Path start = Paths.get("").toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("sqllogictest");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    Path workplace = Paths.get("/work/shared/sqllogictest");
    if (Files.isDirectory(workplace)) {
      return workplace;
    }
    String why = "sqllogictest corpus not found: no shared/sqllogictest in " + start
        + " or any parent directory, nor at " + workplace + "; set -D" + DIR_PROPERTY
        + "=<dir> to point at it";
    System.out.println("SKIPPED: " + why);
    Assumptions.assumeTrue(false, why);
    throw new AssertionError(why);
  }

  /** Every {@code .test} file under root, sorted by path so that runs are reproducible. */
  static List<Path> testFiles(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> files =
          s.filter(p -> p.getFileName().toString().endsWith(".test") && Files.isRegularFile(p))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        fail("no .test files under " + root);
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SQL records of one file meant for SQLite, in file order; counts go to stats. */
  static List<SqlRecord> read(Path file, Stats stats) {
    List<String> lines;
    try {
      // readAllLines ends lines at \n, \r\n and \r: some corpus files use CRLF
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      stats.bytes += Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stats.files++;
    stats.lines += lines.size();
    List<SqlRecord> out = new ArrayList<>();
    int i = 0;
    int n = lines.size();
    while (i < n) {
      // one record: the next run of non-blank lines, comment lines dropped
      List<String> rec = new ArrayList<>();
      int firstLine = -1;
      while (i < n && isBlank(lines.get(i))) {
        i++;
      }
      while (i < n && !isBlank(lines.get(i))) {
        String l = lines.get(i);
        if (!l.startsWith("#")) {
          if (firstLine < 0) {
            firstLine = i;
          }
          rec.add(l);
        }
        i++;
      }
      if (rec.isEmpty()) {
        continue;
      }
      stats.records++;
      boolean applies = true;
      int k = 0;
      int commandLine = firstLine;
      while (k < rec.size()
          && (rec.get(k).startsWith("skipif") || rec.get(k).startsWith("onlyif"))) {
        String[] w = words(rec.get(k));
        String engine = w.length > 1 ? w[1] : "";
        if (w[0].equals("skipif") && engine.equals("sqlite")) {
          applies = false;
        } else if (w[0].equals("onlyif") && !engine.equals("sqlite")) {
          applies = false;
        }
        k++;
        commandLine++;
      }
      if (k == rec.size()) {
        stats.unknown.add(file + ":" + (firstLine + 1) + ": conditions without a command");
        continue;
      }
      if (!applies) {
        stats.skippedOtherEngine++;
        continue;
      }
      String[] command = words(rec.get(k));
      List<String> body = rec.subList(k + 1, rec.size());
      switch (command[0]) {
        case "statement" -> {
          Kind kind = command.length > 1 && command[1].equals("error")
              ? Kind.STATEMENT_ERROR
              : Kind.STATEMENT_OK;
          if (command.length < 2 || !(command[1].equals("ok") || command[1].equals("error"))) {
            stats.unknown.add(file + ":" + (commandLine + 1) + ": " + rec.get(k));
          }
          out.add(new SqlRecord(file, commandLine + 1, kind, String.join("\n", body)));
        }
        case "query" -> {
          int end = body.indexOf("----");
          List<String> sql = end < 0 ? body : body.subList(0, end);
          out.add(new SqlRecord(file, commandLine + 1, Kind.QUERY, String.join("\n", sql)));
        }
        case "hash-threshold" -> stats.control++;
        case "halt" -> {
          stats.control++;
          stats.halted++;
          return out;
        }
        default -> stats.unknown.add(file + ":" + (commandLine + 1) + ": " + rec.get(k));
      }
    }
    return out;
  }

  private static boolean isBlank(String line) {
    return line.isBlank();
  }

  /** The whitespace-separated words of line. */
  private static String[] words(String line) {
    List<String> w = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int from = i;
      while (i < n && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i > from) {
        w.add(line.substring(from, i));
      }
    }
    return w.isEmpty() ? new String[] {""} : w.toArray(new String[0]);
  }
}
