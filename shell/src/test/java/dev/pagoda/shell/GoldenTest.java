package dev.pagoda.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pagoda shell against sqlite3's recorded output: every case of {@code golden/cases} runs
 * through {@link Shell#run} with its stdin and arguments over a database made from {@code
 * setup.sql}, and its standard output, standard error, exit status and {@code out.txt} must equal
 * what sqlite3 3.40.1 printed ({@code golden/expected}, made by {@code golden/record.sh}), but for
 * the differences {@code golden/allowed-differences.txt} lists with their reasons.
 */
class GoldenTest {
  private static AllowedDifferences allowed() throws IOException {
    return new AllowedDifferences(GoldenCase.GOLDEN.resolve("allowed-differences.txt"));
  }

  static Stream<GoldenCase> cases() throws IOException {
    return GoldenCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shell_case_printsWhatSqlite3Prints(GoldenCase c) throws IOException {
    AllowedDifferences allowed = allowed();
    GoldenCase.Result want = c.expected();
    Path dir = Files.createTempDirectory("golden-" + c.name());
    GoldenCase.Result got;
    try {
      got = c.runPagoda(dir);
    } finally {
      GoldenCase.deleteTree(dir);
    }
    compare(allowed, c.name(), "out", want.out(), got.out());
    compare(allowed, c.name(), "err", want.err(), got.err());
    assertEquals(want.status(), got.status(), c.name() + ": exit status");
    assertEquals(GoldenCase.utf8(want.file()), GoldenCase.utf8(got.file()), c.name() + ": out.txt");
  }

  private static void compare(AllowedDifferences allowed, String name, String stream,
      byte[] want, byte[] got) {
    if (allowed.ignored(name, stream)) {
      return;
    }
    // ISO-8859-1 keeps every byte (a blob's raw bytes, say) as one char, so nothing is lost.
    String w = allowed.normalize(name, stream, new String(want, StandardCharsets.ISO_8859_1),
        false);
    String g = allowed.normalize(name, stream, new String(got, StandardCharsets.ISO_8859_1),
        true);
    assertEquals(utf8(w), utf8(g), name + ": standard " + stream);
  }

  private static String utf8(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  @Test
  void allowedDifferences_nameExistingCases() throws IOException {
    for (String name : allowed().cases()) {
      assertTrue(Files.exists(GoldenCase.GOLDEN.resolve("cases").resolve(name + ".sql")), name);
    }
  }
}
