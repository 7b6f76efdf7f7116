package dev.pagoda.conformance.slt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checked-in expectations of the sqllogictest ratchet ({@code slt-baseline.txt}): per corpus
 * file (its path under the corpus, with {@code /}), the counts of the run it was made from and
 * the line numbers of the records that failed. Comment lines start with {@code #}.
 *
 * <pre>
 * file select1.test passed 31 failed 1000 skipped 0
 *   94 101 109 124 ...
 * </pre>
 *
 * <p>{@link #compare} tells regressions (a record the baseline has passing fails now) from
 * improvements (a record it has failing passes now).
 */
final class SltBaseline {
  /** Failing line numbers written per line. */
  private static final int PER_LINE = 16;

  /** One file's entry: its counts and failing record lines. */
  record Entry(int passed, int failed, int skipped, Set<Integer> failing) {
    Entry {
      failing = Set.copyOf(failing);
    }
  }

  /** The entry of one file's result, keyed by its path under the corpus. */
  static Entry entry(SltFileResult r) {
    Set<Integer> lines = new TreeSet<>();
    r.failures().forEach(f -> lines.add(f.line()));
    return new Entry(r.passed(), r.failed(), r.skipped(), lines);
  }

  /** The baseline text of {@code entries} (in their order), after a comment {@code header}. */
  static String format(String header, Map<String, Entry> entries) {
    StringBuilder b = new StringBuilder();
    header.lines().forEach(l -> b.append("# ").append(l).append('\n'));
    entries.forEach((file, e) -> {
      b.append("file ").append(file).append(" passed ").append(e.passed()).append(" failed ")
          .append(e.failed()).append(" skipped ").append(e.skipped()).append('\n');
      List<Integer> lines = new ArrayList<>(new TreeSet<>(e.failing()));
      for (int i = 0; i < lines.size(); i += PER_LINE) {
        b.append(' ');
        for (Integer n : lines.subList(i, Math.min(lines.size(), i + PER_LINE))) {
          b.append(' ').append(n);
        }
        b.append('\n');
      }
    });
    return b.toString();
  }

  /** The entries of a baseline text, in file order. */
  static Map<String, Entry> parse(String text) {
    Map<String, Entry> out = new LinkedHashMap<>();
    String file = null;
    int[] counts = null;
    Set<Integer> failing = null;
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] w = SltReader.words(t);
      if (w[0].equals("file")) {
        if (file != null) {
          out.put(file, new Entry(counts[0], counts[1], counts[2], failing));
        }
        if (w.length != 8 || !w[2].equals("passed") || !w[4].equals("failed")
            || !w[6].equals("skipped")) {
          throw new IllegalArgumentException("baseline line " + lineNo + ": " + line);
        }
        file = w[1];
        counts = new int[] {
            Integer.parseInt(w[3]), Integer.parseInt(w[5]), Integer.parseInt(w[7])};
        failing = new TreeSet<>();
      } else if (file == null) {
        throw new IllegalArgumentException("baseline line " + lineNo + " before any file: " + line);
      } else {
        for (String n : w) {
          failing.add(Integer.parseInt(n));
        }
      }
    }
    if (file != null) {
      out.put(file, new Entry(counts[0], counts[1], counts[2], failing));
    }
    return out;
  }

  /** What a run came to against the baseline. */
  record Comparison(List<String> regressions, List<String> improvements) {}

  /**
   * Compares a run ({@code now}, with the failures of each file by path) with the baseline: a
   * regression is a file without a baseline entry, an entry without a file now, or a record
   * failing now that the baseline has passing; an improvement a record the baseline has failing
   * that passes now (or is gone).
   */
  static Comparison compare(Map<String, Entry> baseline, Map<String, SltFileResult> now) {
    List<String> regressions = new ArrayList<>();
    List<String> improvements = new ArrayList<>();
    for (Map.Entry<String, SltFileResult> e : now.entrySet()) {
      Entry base = baseline.get(e.getKey());
      if (base == null) {
        regressions.add(e.getKey() + ": not in the baseline");
        continue;
      }
      for (SltFailure f : e.getValue().failures()) {
        if (!base.failing().contains(f.line())) {
          regressions.add(e.getKey() + ":" + f.line() + ": " + f.reason());
        }
      }
      Set<Integer> failingNow = entry(e.getValue()).failing();
      for (Integer line : new TreeSet<>(base.failing())) {
        if (!failingNow.contains(line)) {
          improvements.add(e.getKey() + ":" + line);
        }
      }
    }
    for (String file : baseline.keySet()) {
      if (!now.containsKey(file)) {
        regressions.add(file + ": in the baseline but not run");
      }
    }
    return new Comparison(regressions, improvements);
  }
}
