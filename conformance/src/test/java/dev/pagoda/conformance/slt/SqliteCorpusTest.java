package dev.pagoda.conformance.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The runner against real SQLite: SQLite passes its own corpus, so every record of select1..5 and
 * evidence/ must pass on sqlite-jdbc; a failure here is a runner bug, not SQLite's.
 */
class SqliteCorpusTest {
  /** select1..5.test and evidence/*.test of the corpus, sorted; skipped when it is absent. */
  static List<Path> selectAndEvidence() {
    Path corpus = SltRunnerTest.locateCorpus();
    List<Path> roots = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      roots.add(corpus.resolve("select" + i + ".test"));
    }
    roots.add(corpus.resolve("evidence"));
    for (Path p : roots) {
      Assumptions.assumeTrue(Files.exists(p), "not in the corpus at " + corpus + ": " + p);
    }
    return SltMain.testFiles(roots);
  }

  @Test
  void run_selectAndEvidence_sqlitePassesEveryRecord() {
    List<Path> files = selectAndEvidence();
    SltRunner runner = new SltRunner(SqliteJdbcEngine::new, SltReader.forSqlite(),
        Duration.ofSeconds(120), 20);
    long start = System.nanoTime();
    int passed = 0;
    int skipped = 0;
    int failed = 0;
    StringBuilder bad = new StringBuilder();
    for (Path file : files) {
      SltFileResult r = runner.run(file);
      passed += r.passed();
      skipped += r.skipped();
      failed += r.failed();
      if (r.failed() > 0) {
        bad.append(file).append(": ").append(r.counts()).append('\n');
        r.failures().forEach(f -> bad.append(f.describe()));
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("sqlite-jdbc over " + files.size() + " files in " + millis + " ms: "
        + SltMain.counts(passed, failed, skipped));
    assertEquals(0, failed, bad::toString);
    assertEquals(17, files.size(), files.toString());
    assertTrue(passed > 10_000, "suspiciously few records passed: " + passed);
  }
}
