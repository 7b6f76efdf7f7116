package dev.pagoda.conformance.slt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Markdown table of where the runs fall short, raw material for a list of known gaps: one row
 * per file with its passed, failed and skipped counts and its most frequent failure reasons, each
 * with how many failures it covers, then a total row.
 *
 * <p>A failure's reason is grouped by its first words ({@link #reasonKey}): the {@code query
 * failed:} / {@code statement failed:} prefix dropped, at most {@value #KEY_WORDS} words, numbers
 * written {@code N} and quoted names {@code '…'}, so that {@code no such table: t1} and {@code no
 * such table: t2} stay apart but {@code wrong number of values: expected 10, got 0} and {@code
 * ...expected 4, got 0} do not. Only the failures a result kept are grouped; the runner keeps
 * them all when asked for this table.
 */
public final class SltGaps {
  /** Words of a reason kept in its key. */
  static final int KEY_WORDS = 6;
  /** Reasons shown per file. */
  static final int SHOWN_REASONS = 3;

  private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern WHITE = Pattern.compile("\\s+");

  private record Row(String file, int passed, int failed, int skipped, Map<String, Integer> top) {}

  private final List<Row> rows = new ArrayList<>();

  /** Adds one file's row. */
  public void add(SltFileResult r) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (SltFailure f : r.failures()) {
      counts.merge(reasonKey(f.reason()), 1, Integer::sum);
    }
    rows.add(new Row(r.file().toString(), r.passed(), r.failed(), r.skipped(), counts));
  }

  /** The reason's group: see the class comment. */
  public static String reasonKey(String reason) {
    String r = reason.strip();
    for (String prefix : List.of("query failed:", "statement failed:")) {
      if (r.startsWith(prefix)) {
        r = r.substring(prefix.length()).strip();
      }
    }
    r = QUOTED.matcher(r).replaceAll("'…'");
    r = NUMBER.matcher(r).replaceAll("N");
    String[] words = WHITE.split(r);
    String key = String.join(" ", List.of(words).subList(0, Math.min(KEY_WORDS, words.length)));
    key = key.replaceAll("[:,;.]+$", "");
    return key.isEmpty() ? "(no reason)" : key;
  }

  /** The table, with a header and a total row. */
  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("| file | passed | failed | skipped | top failure reasons |\n");
    b.append("| --- | ---: | ---: | ---: | --- |\n");
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    Map<String, Integer> all = new LinkedHashMap<>();
    for (Row r : rows) {
      passed += r.passed();
      failed += r.failed();
      skipped += r.skipped();
      r.top().forEach((k, v) -> all.merge(k, v, Integer::sum));
      line(b, "`" + r.file() + "`", r.passed(), r.failed(), r.skipped(), r.top());
    }
    line(b, "**total**", passed, failed, skipped, all);
    return b.toString();
  }

  private static void line(StringBuilder b, String file, int passed, int failed, int skipped,
      Map<String, Integer> reasons) {
    String top = reasons.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(SHOWN_REASONS)
        .map(e -> cell(e.getKey()) + " (" + e.getValue() + ")")
        .collect(Collectors.joining("; "));
    b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s |\n", file, passed, failed,
        skipped, top));
  }

  /** Text safe in a table cell. */
  private static String cell(String s) {
    return s.replace("|", "\\|").replace("`", "'");
  }
}
