package dev.pagoda.conformance.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sqllogictest ratchet: Pagoda over select1..5.test and evidence/ must pass every record that
 * {@code src/test/resources/slt-baseline.txt} does not list as failing. A record listed there
 * that passes now is reported with a hint to update the baseline; it does not fail the test.
 *
 * <p>To regenerate the baseline from the current engine (after an improvement, or when a
 * regression is accepted on purpose), from the repository root:
 *
 * <pre>
 * ./mvnw -q -o -pl conformance -am verify -Dtest=SltBaselineTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dslt.updateBaseline=true
 * </pre>
 *
 * and commit the file it rewrites.
 */
class SltBaselineTest {
  static final String RESOURCE = "slt-baseline.txt";
  static final Path SOURCE = Path.of("src", "test", "resources", RESOURCE);
  static final String UPDATE_PROPERTY = "slt.updateBaseline";
  static final String UPDATE_HINT = "update the baseline: ./mvnw -q -o -pl conformance -am verify"
      + " -Dtest=SltBaselineTest -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY
      + "=true (from the repository root), then commit conformance/src/test/resources/"
      + RESOURCE;

  @Test
  void ratchet_selectAndEvidenceOnPagoda_noRecordFailsThatPassedInTheBaseline()
      throws IOException {
    List<Path> files = SqliteCorpusTest.selectAndEvidence();
    Path corpus = SltRunnerTest.locateCorpus();
    SltRunner runner = new SltRunner(PagodaEngine::new, SltReader.forSqlite(),
        Duration.ofSeconds(120), Integer.MAX_VALUE);
    long start = System.nanoTime();
    Map<String, SltFileResult> now = new LinkedHashMap<>();
    Map<String, SltBaseline.Entry> entries = new LinkedHashMap<>();
    int passed = 0;
    int failed = 0;
    for (Path file : files) {
      String key = corpus.relativize(file).toString().replace('\\', '/');
      SltFileResult r = runner.run(file);
      now.put(key, r);
      entries.put(key, SltBaseline.entry(r));
      passed += r.passed();
      failed += r.failed();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("Pagoda over " + files.size() + " files in " + millis + " ms: " + passed
        + " passed, " + failed + " failed");
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      writeBaseline(entries, passed, failed);
      return;
    }
    SltBaseline.Comparison c = SltBaseline.compare(SltBaseline.parse(readBaseline()), now);
    if (!c.improvements().isEmpty()) {
      System.out.println(c.improvements().size() + " records pass that the baseline has failing"
          + " (first: " + c.improvements().subList(0, Math.min(10, c.improvements().size()))
          + "); " + UPDATE_HINT);
    }
    if (!c.regressions().isEmpty()) {
      fail(c.regressions().size() + " sqllogictest records fail that the baseline has passing"
          + " (a regression; if intended, " + UPDATE_HINT + "):\n  "
          + String.join("\n  ", c.regressions().subList(0, Math.min(50, c.regressions().size()))));
    }
  }

  private static void writeBaseline(Map<String, SltBaseline.Entry> entries, int passed,
      int failed) throws IOException {
    if (!Files.isDirectory(SOURCE.getParent())) {
      fail("run from the conformance module (as Maven does): no " + SOURCE.getParent());
    }
    String header = RESOURCE + ": the sqllogictest records Pagoda fails today, by line, per file"
        + " of select1..5.test and evidence/\n(" + passed + " passed, " + failed + " failed)."
        + " SltBaselineTest fails when a record not listed here fails.\nRegenerate: "
        + UPDATE_HINT.substring("update the baseline: ".length());
    Files.writeString(SOURCE, SltBaseline.format(header, entries), StandardCharsets.UTF_8);
    System.out.println("wrote " + SOURCE.toAbsolutePath());
  }

  /** The baseline: the source file when run from the module, else the class path copy. */
  private static String readBaseline() throws IOException {
    if (Files.isRegularFile(SOURCE)) {
      return Files.readString(SOURCE, StandardCharsets.UTF_8);
    }
    try (InputStream in = SltBaselineTest.class.getResourceAsStream("/" + RESOURCE)) {
      if (in == null) {
        fail("no " + RESOURCE + " on the class path; " + UPDATE_HINT);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static SltFileResult result(String file, int passed, SltFailure... failures) {
    return new SltFileResult(Path.of(file), passed, failures.length, 0, List.of(failures), false,
        false, false, 0);
  }

  private static SltFailure failure(String file, int line) {
    return new SltFailure(Path.of(file), line, "SQL", "wrong result", "1", "2");
  }

  @Test
  void formatAndParse_roundTrip() {
    Map<String, SltBaseline.Entry> entries = new LinkedHashMap<>();
    entries.put("a.test", new SltBaseline.Entry(3, 2, 1, Set.of(7, 12)));
    entries.put("dir/b.test", new SltBaseline.Entry(5, 0, 0, Set.of()));

    String text = SltBaseline.format("header\nsecond line", entries);

    assertTrue(text.startsWith("# header\n# second line\nfile a.test passed 3 failed 2 skipped 1\n"
        + "  7 12\n"), text);
    assertEquals(entries, SltBaseline.parse(text));
  }

  @Test
  void compare_failingRecordNotInBaseline_isARegression_passingOneAnImprovement() {
    Map<String, SltBaseline.Entry> baseline =
        Map.of("a.test", new SltBaseline.Entry(2, 2, 0, Set.of(4, 9)));
    Map<String, SltFileResult> now = Map.of("a.test",
        result("a.test", 2, failure("a.test", 4), failure("a.test", 20)));

    SltBaseline.Comparison c = SltBaseline.compare(baseline, now);

    assertEquals(List.of("a.test:20: wrong result"), c.regressions());
    assertEquals(List.of("a.test:9"), c.improvements());
  }

  @Test
  void compare_filesMissingOnEitherSide_areRegressions() {
    Map<String, SltBaseline.Entry> baseline =
        Map.of("gone.test", new SltBaseline.Entry(1, 0, 0, Set.of()));
    Map<String, SltFileResult> now = Map.of("new.test", result("new.test", 1));

    SltBaseline.Comparison c = SltBaseline.compare(baseline, now);

    assertEquals(List.of("new.test: not in the baseline", "gone.test: in the baseline but not run"),
        c.regressions());
  }
}
