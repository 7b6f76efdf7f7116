package dev.pagoda.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The listed, reasoned differences from sqlite3 that the golden tests accept
 * ({@code golden/allowed-differences.txt}); see that file for the format.
 */
final class AllowedDifferences {
  private record Rule(String testCase, String stream, String action, String from, String to) {}

  private final List<Rule> rules = new ArrayList<>();

  AllowedDifferences(Path file) throws IOException {
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int reason = line.indexOf(" -- ");
      if (reason < 0) {
        throw new IllegalArgumentException("an allowed difference needs a reason: " + line);
      }
      String[] w = Words.of(line.substring(0, reason)).toArray(new String[0]);
      boolean withArgs = !w[2].equals("ignore");
      if (w.length != (withArgs ? 5 : 3)) {
        throw new IllegalArgumentException("bad allowed difference: " + line);
      }
      rules.add(new Rule(w[0], w[1], w[2], withArgs ? word(w[3]) : null,
          withArgs ? word(w[4]) : null));
    }
  }

  private static String word(String w) {
    return w.equals("\\0") ? "" : w.replace("\\s", " ").replace("\\n", "\n");
  }

  /** Whether the stream of the case is not compared at all. */
  boolean ignored(String testCase, String stream) {
    return rules.stream().anyMatch(
        r -> r.testCase().equals(testCase) && r.stream().equals(stream)
            && r.action().equals("ignore"));
  }

  /** The text to compare: the allowed rewrites applied ({@code replace} only to pagoda's side). */
  String normalize(String testCase, String stream, String text, boolean pagoda) {
    for (Rule r : rules) {
      if (!r.testCase().equals(testCase) || !r.stream().equals(stream)) {
        continue;
      }
      if (r.action().equals("replace") && pagoda) {
        text = text.replace(r.from(), r.to());
      } else if (r.action().equals("regex")) {
        text = Pattern.compile(r.from()).matcher(text).replaceAll(Matcher.quoteReplacement(r.to()));
      }
    }
    return text;
  }

  /** The cases named in the file (each must exist, so the list cannot go stale). */
  List<String> cases() {
    return rules.stream().map(Rule::testCase).distinct().toList();
  }
}
