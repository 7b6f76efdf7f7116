package dev.pagoda.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the golden files honest: where {@code /usr/bin/sqlite3} exists, {@code record.sh} runs
 * again into a temporary directory and every committed expected file must equal what it writes,
 * so a golden file cannot drift from real sqlite3 output (nor be edited to suit pagoda).
 */
class GoldenRecordingTest {
  private static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

  @Test
  void expectedFiles_areWhatSqlite3PrintsNow() throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(SQLITE3), "no sqlite3 at " + SQLITE3);
    Path out = Files.createTempDirectory("golden-recorded");
    try {
      Process p = new ProcessBuilder("bash",
          GoldenCase.GOLDEN.resolve("record.sh").toString(), out.toString())
          .redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), "record.sh failed:\n" + log);
      Path committed = GoldenCase.GOLDEN.resolve("expected");
      assertEquals(names(committed), names(out), "the set of expected files");
      AllowedDifferences allowed =
          new AllowedDifferences(GoldenCase.GOLDEN.resolve("allowed-differences.txt"));
      for (String name : names(out)) {
        // Only the regex rules apply here (run times): they rewrite both sides alike.
        int dot = name.lastIndexOf('.');
        String testCase = name.substring(0, dot);
        String stream = name.substring(dot + 1);
        assertEquals(
            allowed.normalize(testCase, stream, latin1(out.resolve(name)), false),
            allowed.normalize(testCase, stream, latin1(committed.resolve(name)), false),
            name + " differs from what sqlite3 prints: run golden/record.sh");
      }
    } finally {
      GoldenCase.deleteTree(out);
    }
  }

  private static String latin1(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
