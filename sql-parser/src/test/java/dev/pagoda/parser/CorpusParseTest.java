package dev.pagoda.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.CorpusReader.Kind;
import dev.pagoda.parser.CorpusReader.SqlRecord;
import dev.pagoda.parser.CorpusReader.Stats;
import dev.pagoda.parser.ast.Statement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Done-when 1 of Step 4: every SQL text of the sqllogictest corpus meant for SQLite parses, and
 * printing each statement and parsing the print gives an equal AST.
 *
 * <p>The corpus is outside the repository ({@link CorpusReader#locate}); the test fails, never
 * skips, when it is missing. Many records repeat the same SQL, so each distinct text is checked
 * once, all of them by default; {@code -Dpagoda.corpus.limit=N} checks only the first N distinct
 * texts, {@code -Dpagoda.corpus.every=true} checks every record, repeats included.
 *
 * <p>{@code statement error} records: SQLite's verdict is taken from SQLite itself, by replaying
 * the file's statements in an in-memory sqlite-jdbc database (so the schema is the script's), and
 * preparing the failing statement. When SQLite's prepare fails with a parse-level message ({@link
 * RejectedMessages#isParseLevel}) Pagoda must throw ParseException too; otherwise the error is a
 * semantic one (no such table, a view written to ...) and the text must parse like any other.
 *
 * <p>The report (counts, failures grouped by their first error message with one example each)
 * goes to stdout; under Maven that is {@code target/surefire-reports/*CorpusParseTest-output.txt}.
 * The test fails if any text fails; {@code -Dpagoda.corpus.report=true} prints the report and
 * passes.
 */
class CorpusParseTest {
  static final String REPORT_ONLY = "pagoda.corpus.report";
  static final String LIMIT = "pagoda.corpus.limit";
  static final String EVERY = "pagoda.corpus.every";

  /** How a text fared: its statement count, or a failure key (the grouping) and a detail. */
  record Outcome(int statements, String failure, String detail) {
    static Outcome ok(int statements) {
      return new Outcome(statements, null, null);
    }

    static Outcome failed(String failure, String detail) {
      return new Outcome(0, failure, detail);
    }
  }

  /** One failure group: how many texts, and the first of them. */
  static final class Group {
    int count;
    final String example;

    Group(String example) {
      this.example = example;
    }
  }

  @Test
  void everySqliteTextOfTheCorpusParsesAndRoundTrips() throws SQLException {
    long t0 = System.nanoTime();
    Path root = CorpusReader.locate();
    List<Path> files = CorpusReader.testFiles(root);
    Stats stats = new Stats();
    Map<Path, List<SqlRecord>> byFile = new LinkedHashMap<>();
    for (Path f : files) {
      byFile.put(f, CorpusReader.read(f, stats));
    }
    Map<Kind, Integer> perKind = new EnumMap<>(Kind.class);
    Map<String, SqlRecord> distinct = new LinkedHashMap<>();
    List<SqlRecord> every = new ArrayList<>();
    List<SqlRecord> errorRecords = new ArrayList<>();
    long sqlChars = 0;
    for (List<SqlRecord> records : byFile.values()) {
      for (SqlRecord r : records) {
        perKind.merge(r.kind(), 1, Integer::sum);
        if (r.kind() == Kind.STATEMENT_ERROR) {
          errorRecords.add(r);
        } else {
          every.add(r);
          if (distinct.putIfAbsent(r.sql(), r) == null) {
            sqlChars += r.sql().length();
          }
        }
      }
    }
    long tRead = System.nanoTime();

    // SQLite's verdict on each statement-error record, in its script's schema
    Map<SqlRecord, String> sqliteVerdict = sqliteErrors(byFile);
    long tSqlite = System.nanoTime();

    List<SqlRecord> work;
    if (Boolean.getBoolean(EVERY)) {
      work = every;
    } else {
      work = new ArrayList<>(distinct.values());
      int limit = Integer.getInteger(LIMIT, Integer.MAX_VALUE);
      if (limit < work.size()) {
        work = work.subList(0, limit);
      }
    }
    List<SqlRecord> checked = work;
    Outcome[] outcomes = new Outcome[checked.size()];
    IntStream.range(0, checked.size())
        .parallel()
        .forEach(i -> outcomes[i] = check(checked.get(i).sql()));
    long tParse = System.nanoTime();

    Map<String, Group> groups = new HashMap<>();
    int failedTexts = 0;
    long statementsParsed = 0;
    int multi = 0;
    String multiExample = null;
    for (int i = 0; i < outcomes.length; i++) {
      Outcome o = outcomes[i];
      if (o.failure() == null) {
        statementsParsed += o.statements();
        if (o.statements() > 1) {
          multi++;
          if (multiExample == null) {
            multiExample = checked.get(i).where(root) + "  " + oneLine(checked.get(i).sql());
          }
        }
      } else {
        failedTexts++;
        SqlRecord r = checked.get(i);
        groups.computeIfAbsent(o.failure(), k -> new Group(example(root, r, o))).count++;
      }
    }

    // statement error records
    int errorSyntax = 0;
    int errorSemantic = 0;
    int errorFailed = 0;
    List<String> errorLines = new ArrayList<>();
    for (SqlRecord r : errorRecords) {
      String theirs = sqliteVerdict.get(r);
      Outcome o;
      if (RejectedMessages.isParseLevel(theirs)) {
        errorSyntax++;
        String ours = parseError(r.sql());
        o = ours != null
            ? Outcome.ok(0)
            : Outcome.failed(
                "statement error: SQLite's parser rejects it, Pagoda's accepts it",
                "SQLite: " + theirs);
        errorLines.add(
            String.format(
                Locale.ROOT, "  %s  syntax error in SQLite (%s), Pagoda: %s  %s",
                r.where(root), theirs, ours == null ? "parses" : ours, oneLine(r.sql())));
      } else {
        errorSemantic++;
        o = check(r.sql());
        if (o.failure() == null) {
          statementsParsed += o.statements();
        }
        errorLines.add(
            String.format(
                Locale.ROOT, "  %s  semantic error in SQLite (%s), Pagoda: %s  %s",
                r.where(root), theirs == null ? "prepares; fails when run" : theirs,
                o.failure() == null ? "parses" : o.failure(), oneLine(r.sql())));
      }
      if (o.failure() != null) {
        errorFailed++;
        groups.computeIfAbsent(o.failure(), k -> new Group(example(root, r, o))).count++;
      }
    }
    long tEnd = System.nanoTime();

    StringBuilder report = new StringBuilder();
    report.append("sqllogictest corpus: ").append(root).append('\n');
    report.append(String.format(Locale.ROOT,
        "  files %d, lines %,d, %,d bytes; records %,d (skipped for other engines %,d, control %d,"
            + " halted files %d, unknown %d)%n",
        stats.files, stats.lines, stats.bytes, stats.records, stats.skippedOtherEngine,
        stats.control, stats.halted, stats.unknown.size()));
    report.append(String.format(Locale.ROOT,
        "  SQL records for sqlite: statement ok %,d, query %,d, statement error %,d%n",
        perKind.getOrDefault(Kind.STATEMENT_OK, 0), perKind.getOrDefault(Kind.QUERY, 0),
        perKind.getOrDefault(Kind.STATEMENT_ERROR, 0)));
    report.append(String.format(Locale.ROOT,
        "  distinct SQL texts (statement ok + query) %,d, %,d chars; checked %,d%s%n",
        distinct.size(), sqlChars, checked.size(),
        Boolean.getBoolean(EVERY) ? " (every record, -D" + EVERY + ")"
            : checked.size() < distinct.size() ? " (-D" + LIMIT + ")" : " (all distinct)"));
    report.append(String.format(Locale.ROOT,
        "  parsed and round-tripped: %,d texts, %,d statements (%d texts hold several);"
            + " failed %,d texts%n",
        checked.size() - failedTexts, statementsParsed, multi, failedTexts));
    report.append(String.format(Locale.ROOT,
        "  statement error records: %d syntax errors in SQLite, %d semantic; %d not as SQLite%n",
        errorSyntax, errorSemantic, errorFailed));
    if (multiExample != null) {
      report.append("  a text holding several statements: ").append(multiExample).append('\n');
    }
    errorLines.forEach(l -> report.append(l).append('\n'));
    for (String u : stats.unknown) {
      report.append("  unknown record: ").append(u).append('\n');
    }
    report.append(String.format(Locale.ROOT,
        "  time: read %d ms, sqlite replay %d ms, parse+print+reparse %d ms (%d threads),"
            + " total %d ms%n",
        (tRead - t0) / 1_000_000, (tSqlite - tRead) / 1_000_000, (tParse - tSqlite) / 1_000_000,
        Runtime.getRuntime().availableProcessors(), (tEnd - t0) / 1_000_000));
    String grouped = groupReport(groups);
    report.append(grouped);
    System.out.print(report);
    System.out.flush();

    if (!Boolean.getBoolean(REPORT_ONLY)) {
      assertTrue(
          groups.isEmpty() && stats.unknown.isEmpty(),
          () -> (failedTexts(groups)) + " corpus texts fail (-D" + REPORT_ONLY
              + "=true prints this without failing):\n" + grouped);
    }
  }

  private static int failedTexts(Map<String, Group> groups) {
    return groups.values().stream().mapToInt(g -> g.count).sum();
  }

  private static String groupReport(Map<String, Group> groups) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "  distinct failures: %d groups, %,d texts%n", groups.size(), failedTexts(groups)));
    groups.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, Group> e) -> -e.getValue().count)
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> sb.append(String.format(Locale.ROOT, "  %7d  %s%n           e.g. %s%n",
            e.getValue().count, e.getKey(), e.getValue().example)));
    return sb.toString();
  }

  private static String example(Path root, SqlRecord r, Outcome o) {
    return r.where(root) + "  " + oneLine(r.sql())
        + (o.detail() == null || o.detail().isEmpty() ? "" : "  [" + oneLine(o.detail()) + "]");
  }

  static String oneLine(String s) {
    String t = s.replace('\n', ' ').replace('\r', ' ');
    return t.length() > 300 ? t.substring(0, 300) + "..." : t;
  }

  private static String parseError(String sql) {
    try {
      Parser.parseAll(sql);
      return null;
    } catch (ParseException e) {
      return e.getMessage();
    }
  }

  /**
   * Parses sql, prints each statement, parses the print and compares. Never throws: whatever goes
   * wrong is the outcome's failure, keyed by the first error message.
   */
  static Outcome check(String sql) {
    List<ParsedStatement> parsed;
    try {
      parsed = Parser.parseAll(sql);
    } catch (ParseException e) {
      return Outcome.failed(e.getMessage(), "at offset " + e.position());
    } catch (RuntimeException | StackOverflowError e) {
      return Outcome.failed(
          "parser threw " + e.getClass().getName(), String.valueOf(e.getMessage()));
    }
    if (parsed.isEmpty()) {
      return Outcome.failed("record holds no statement", "");
    }
    for (ParsedStatement ps : parsed) {
      Statement st = ps.statement();
      String printed;
      try {
        printed = SqlPrinter.print(st);
      } catch (RuntimeException | StackOverflowError e) {
        return Outcome.failed(
            "printer threw " + e.getClass().getName() + " on " + st.getClass().getSimpleName(),
            String.valueOf(e.getMessage()));
      }
      List<ParsedStatement> again;
      try {
        again = Parser.parseAll(printed);
      } catch (ParseException e) {
        return Outcome.failed(
            "round trip: the printed SQL does not parse: " + e.getMessage(), "printed: " + printed);
      } catch (RuntimeException | StackOverflowError e) {
        return Outcome.failed(
            "round trip: parser threw " + e.getClass().getName(), "printed: " + printed);
      }
      if (again.size() != 1 || !again.get(0).statement().equals(st)) {
        return Outcome.failed(
            "round trip: reparsed AST differs (" + st.getClass().getSimpleName() + ")",
            "printed: " + printed);
      }
    }
    return Outcome.ok(parsed.size());
  }

  /**
   * For each statement-error record: SQLite's prepare error, null if it prepares. Each file that
   * has such records is replayed in a fresh in-memory database: statement records run in order
   * (their own errors ignored), so a record is judged in the schema its script built.
   */
  private static Map<SqlRecord, String> sqliteErrors(Map<Path, List<SqlRecord>> byFile)
      throws SQLException {
    Map<SqlRecord, String> verdicts = new HashMap<>();
    for (List<SqlRecord> records : byFile.values()) {
      if (records.stream().noneMatch(r -> r.kind() == Kind.STATEMENT_ERROR)) {
        continue;
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
        for (SqlRecord r : records) {
          if (r.kind() == Kind.QUERY) {
            continue;
          }
          String error = RejectedMessages.prepareError(c, r.sql());
          if (r.kind() == Kind.STATEMENT_ERROR) {
            verdicts.put(r, error);
          }
          if (error == null) {
            try (PreparedStatement ps = c.prepareStatement(r.sql())) {
              ps.execute();
            } catch (SQLException e) {
              // the expected run-time error of a statement-error record, or a failing setup
            }
          }
        }
      }
    }
    return verdicts;
  }
}
