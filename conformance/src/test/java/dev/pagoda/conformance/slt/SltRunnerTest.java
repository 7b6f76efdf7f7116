package dev.pagoda.conformance.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The runner's verdicts, on a scripted engine and on Pagoda. */
class SltRunnerTest {
  /** Answers queries from a map (SQL -> values); statements fail when their SQL says FAIL. */
  static class ScriptedEngine implements SltEngine {
    private final Map<String, List<String>> answers;

    ScriptedEngine(Map<String, List<String>> answers) {
      this.answers = answers;
    }

    @Override
    public void statement(String sql) {
      if (sql.contains("FAIL")) {
        throw new IllegalStateException("scripted failure");
      }
    }

    @Override
    public List<String> query(String sql, String types) {
      List<String> v = answers.get(sql);
      if (v == null) {
        throw new IllegalStateException("no answer for " + sql);
      }
      return v;
    }

    @Override
    public void close() {}
  }

  private static SltFileResult runScripted(String script, Map<String, List<String>> answers) {
    SltRunner runner =
        new SltRunner(() -> new ScriptedEngine(answers), SltReader.forSqlite(), null, 100);
    return runner.run(Path.of("inline.test"), SltReader.forSqlite().parse(script));
  }

  @Test
  void run_statements_okAndErrorVerdicts() {
    SltFileResult r = runScripted(
        """
        statement ok
        GOOD

        statement ok
        FAIL

        statement error
        FAIL

        statement error
        GOOD
        """, Map.of());

    assertEquals(2, r.passed());
    assertEquals(2, r.failed());
    assertEquals(List.of(4, 10), r.failures().stream().map(SltFailure::line).toList());
    assertTrue(r.failures().get(0).reason().startsWith("statement failed: scripted failure"));
    assertEquals("statement succeeded but an error was expected", r.failures().get(1).reason());
  }

  @Test
  void run_hashThreshold_switchesToHashes() {
    List<String> six = List.of("1", "2", "3", "4", "5", "6");
    String hash = ResultFormat.hashLine(six);
    SltFileResult r = runScripted(
        "query I nosort\nQ\n----\n1\n2\n3\n4\n5\n6\n\nhash-threshold 5\n\n"
            + "query I nosort\nQ\n----\n" + hash + "\n\n"
            + "query I nosort\nQ\n----\n1\n2\n3\n4\n5\n6\n", Map.of("Q", six));

    assertEquals(2, r.passed());
    assertEquals(1, r.failed());
    assertEquals("wrong result hash", r.failures().get(0).reason());
    assertEquals(hash, r.failures().get(0).got());
  }

  @Test
  void run_sortModes_appliedBeforeComparing() {
    Map<String, List<String>> answers = Map.of("Q", List.of("b", "2", "a", "1"));
    SltFileResult r = runScripted(
        """
        query TI rowsort
        Q
        ----
        a
        1
        b
        2

        query TI valuesort
        Q
        ----
        1
        2
        a
        b

        query TI nosort
        Q
        ----
        a
        1
        b
        2
        """, answers);

    assertEquals(2, r.passed());
    assertEquals(1, r.failed());
    assertEquals(17, r.failures().get(0).line());
    assertEquals("wrong result", r.failures().get(0).reason());
  }

  @Test
  void run_labels_mustAgreeWithinAFile() {
    Map<String, List<String>> answers =
        Map.of("A", List.of("1"), "B", List.of("1"), "C", List.of("2"));
    SltFileResult r = runScripted(
        """
        query I nosort L
        A
        ----
        1

        query I nosort L
        B
        ----
        1

        query I nosort L
        C
        ----
        2
        """, answers);

    assertEquals(2, r.passed());
    assertEquals(1, r.failed());
    assertEquals("labeled result [L] does not agree with the first use at line 1",
        r.failures().get(0).reason());
  }

  @Test
  void run_failuresAndMalformed_continueUntilHalt() {
    SltFileResult r = runScripted(
        """
        query I nosort
        MISSING
        ----
        1

        bogus

        skipif sqlite
        statement ok
        X

        statement ok
        GOOD

        halt

        statement ok
        FAIL
        """, Map.of());

    assertEquals(1, r.passed());
    assertEquals(2, r.failed());
    assertEquals(1, r.skipped());
    assertTrue(r.halted());
    assertEquals("query failed: no answer for MISSING", r.failures().get(0).reason());
  }

  @Test
  void run_noHashThresholdRecord_startsAtEight() {
    List<String> nine = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
    SltFileResult r = runScripted(
        "query I nosort\nQ\n----\n" + ResultFormat.hashLine(nine) + "\n\n"
            + "query I nosort\nE\n----\n1\n2\n3\n4\n5\n6\n7\n8\n",
        Map.of("Q", nine, "E", nine.subList(0, 8)));

    assertEquals(2, r.passed(), r.failures().toString());
  }

  @Test
  void run_queryStoppedByAnError_rowsSoFarAreTheResult() {
    SltRunner runner = new SltRunner(() -> new ScriptedEngine(Map.of()) {
      @Override
      public List<String> query(String sql, String types) {
        throw new QueryStoppedException(sql.equals("ONE") ? List.of("1") : List.of(),
            new IllegalStateException("integer overflow"));
      }
    }, SltReader.forSqlite(), null, 100);

    SltFileResult r = runner.run(Path.of("inline.test"), SltReader.forSqlite().parse(
        "query R nosort\nNONE\n----\n\nquery I nosort\nONE\n----\n1\n\n"
            + "query I nosort\nONE\n----\n2\n"));

    assertEquals(2, r.passed(), r.failures().toString());
    assertEquals(1, r.failed());
    assertEquals("wrong result (the query stopped early with an error: integer overflow)",
        r.failures().get(0).reason());
  }

  @Test
  void run_pagodaTest_onPagoda() {
    SltFileResult r = SltRunner.forPagoda().run(SltReaderTest.resource("pagoda.test"));

    assertEquals(8, r.passed(), r.failures().toString());
    assertEquals(3, r.failed(), r.failures().toString());
    assertEquals(1, r.skipped());
    assertEquals(List.of(40, 49, 52), r.failures().stream().map(SltFailure::line).toList());
  }

  @Test
  void main_printsPerFileAndTotals() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String file = SltReaderTest.resource("pagoda.test").toString();

    int status = SltMain.run(new String[] {"--failures", "2", file},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String text = out.toString(StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    assertEquals(1, status);
    assertTrue(lines.get(0).startsWith(file + ": 8 passed, 3 failed, 1 skipped"), text);
    assertTrue(text.contains("first 2 failures:"), text);
    assertTrue(text.contains("wrong result hash"), text);
    assertFalse(text.contains(":52: wrong result"), text);
    assertEquals("8 passed, 3 failed, 1 skipped", lines.get(lines.size() - 1));
    assertEquals(2, SltMain.run(new String[] {"--bogus"}, new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
  }

  /** A corpus file runs to the end and every record is counted once (no pass rate asserted). */
  @Test
  void run_corpusFile_completesAndCountsAddUp() throws Exception {
    Path corpus = locateCorpus();
    Path file = corpus.resolve("evidence/slt_lang_createtrigger.test");
    Assumptions.assumeTrue(Files.isRegularFile(file), "not in the corpus: " + file);
    List<SltRecord> records = SltReader.forSqlite().read(file);
    long counted = records.stream()
        .filter(r -> r instanceof SltRecord.Statement || r instanceof SltRecord.Query
            || r instanceof SltRecord.Skipped || r instanceof SltRecord.Malformed)
        .count();

    SltFileResult r = SltRunner.forPagoda().run(file);

    System.out.println(file + ": " + r.counts());
    assertTrue(counted > 0);
    assertEquals(counted, r.total());
    assertFalse(r.timedOut());
  }

  /**
   * The corpus: the first {@code shared/sqllogictest} walking up from the working directory (the
   * module directory under Maven), else /work/shared/sqllogictest; skipped, saying why, if none.
   */
  static Path locateCorpus() {
    Path start = Paths.get("").toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("sqllogictest");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    Path workplace = Paths.get("/work/shared/sqllogictest");
    String why = "sqllogictest corpus not found: no shared/sqllogictest in " + start
        + " or any parent directory, nor at " + workplace;
    if (!Files.isDirectory(workplace)) {
      System.out.println("SKIPPED: " + why);
    }
    Assumptions.assumeTrue(Files.isDirectory(workplace), why);
    return workplace;
  }
}
