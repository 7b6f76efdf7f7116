package dev.pagoda.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown tables {@code benchmarks/run.sh} prints from JMH JSON results ({@code ResultTable
 * --compare} and {@code ResultTable --micro}).
 *
 * <p>{@link #compare}: the comparative workloads, one row per workload and combination of its
 * parameters other than {@code engine} (for the write workloads, {@code durability}), one column
 * per engine ({@code pagoda}, {@code sqlite}, {@code h2}, then any other), then Pagoda's ratio to
 * each other engine, oriented so that <b>above 1 Pagoda is faster</b>: Pagoda's score over the
 * other's in a throughput mode, the other's over Pagoda's in a time-per-operation mode. Workloads
 * are ordered by their number (W1 .. W10).
 *
 * <p>{@link #micro}: one row per benchmark and parameter combination, its score with JMH's error
 * and unit, and the allocation per operation {@code gc.alloc.rate.norm} (bytes) that {@code -prof
 * gc} adds.
 */
final class CompareSupportTables {
  private static final String ENGINE = "engine";
  private static final String REFERENCE = "pagoda";
  private static final List<String> ENGINE_ORDER = List.of("pagoda", "sqlite", "h2");
  private static final Pattern WORKLOAD = Pattern.compile("W(\\d+)");
  static final String GC_NORM = "gc.alloc.rate.norm";

  private CompareSupportTables() {}

  /** One result: benchmark class and method, parameters, mode and scores. */
  private record Result(
      String className,
      String method,
      Map<String, String> params,
      String mode,
      Score primary,
      Score allocation) {
    static Result of(Map<?, ?> json) {
      String benchmark = (String) json.get("benchmark");
      int dot = benchmark.lastIndexOf('.');
      String className = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
      Map<String, String> params = new LinkedHashMap<>();
      if (json.get("params") instanceof Map<?, ?> m) {
        m.forEach((k, v) -> params.put((String) k, (String) v));
      }
      Score allocation = null;
      if (json.get("secondaryMetrics") instanceof Map<?, ?> secondary
          && secondary.get(GC_NORM) instanceof Map<?, ?> gc) {
        allocation = Score.of(gc);
      }
      return new Result(className, benchmark.substring(dot + 1), params, (String) json.get("mode"),
          Score.of((Map<?, ?>) json.get("primaryMetric")), allocation);
    }

    String name() {
      return className + "." + method;
    }

    /** The parameters other than {@code engine}, as {@code name=value} pairs. */
    String settings() {
      List<String> parts = new ArrayList<>();
      params.forEach((k, v) -> {
        if (!k.equals(ENGINE)) {
          parts.add(k + "=" + v);
        }
      });
      return parts.isEmpty() ? "defaults" : String.join(", ", parts);
    }

    int workloadNumber() {
      Matcher m = WORKLOAD.matcher(className);
      return m.lookingAt() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
  }

  /** A score, JMH's error of it (NaN when unknown) and its unit. */
  record Score(double score, double error, String unit) {
    static Score of(Map<?, ?> metric) {
      return new Score(number(metric.get("score")), number(metric.get("scoreError")),
          (String) metric.get("scoreUnit"));
    }

    String formatted() {
      String s = format(score);
      return Double.isNaN(error) ? s : s + " ± " + format(error);
    }
  }

  /** Prints the comparative table of {@code results} (JMH's parsed JSON) to {@code out}. */
  static void compare(Object results, PrintStream out) {
    List<Result> all = results(results);
    if (all.isEmpty()) {
      out.println("(no results)");
      return;
    }
    List<String> engines = new ArrayList<>();
    Map<List<String>, Map<String, Result>> rows = new LinkedHashMap<>();
    all.sort((a, b) -> Integer.compare(a.workloadNumber(), b.workloadNumber()));
    for (Result r : all) {
      String engine = r.params().getOrDefault(ENGINE, "-");
      if (!engines.contains(engine)) {
        engines.add(engine);
      }
      rows.computeIfAbsent(List.of(r.name(), r.settings()), k -> new LinkedHashMap<>())
          .put(engine, r);
    }
    engines.sort((a, b) -> Integer.compare(rank(a), rank(b)));
    List<String> others = new ArrayList<>(engines);
    others.remove(REFERENCE);
    String unit = all.get(0).primary().unit();

    List<String> header = new ArrayList<>(List.of("workload", "settings"));
    for (String engine : engines) {
      header.add(engine + " " + unit);
    }
    if (engines.contains(REFERENCE)) {
      for (String other : others) {
        header.add(REFERENCE + "/" + other);
      }
    }
    printHeader(header, 2, out);
    for (Map.Entry<List<String>, Map<String, Result>> row : rows.entrySet()) {
      Map<String, Result> byEngine = row.getValue();
      List<String> line = new ArrayList<>(row.getKey());
      for (String engine : engines) {
        Result r = byEngine.get(engine);
        line.add(r == null ? "-" : r.primary().formatted());
      }
      if (engines.contains(REFERENCE)) {
        Result ref = byEngine.get(REFERENCE);
        for (String other : others) {
          line.add(ratio(ref, byEngine.get(other)));
        }
      }
      out.println("| " + String.join(" | ", line) + " |");
    }
  }

  /** Prints the micro benchmarks' scores and allocation per operation to {@code out}. */
  static void micro(Object results, PrintStream out) {
    List<Result> all = results(results);
    if (all.isEmpty()) {
      out.println("(no results)");
      return;
    }
    printHeader(List.of("benchmark", "params", "mode", "score", "unit", GC_NORM + " (B/op)"), 3,
        out);
    for (Result r : all) {
      String params = r.params().isEmpty() ? "-" : paramList(r.params());
      String alloc = r.allocation() == null ? "-" : r.allocation().formatted();
      out.println("| " + String.join(" | ", r.name(), params, r.mode(), r.primary().formatted(),
          r.primary().unit(), alloc) + " |");
    }
  }

  private static List<Result> results(Object json) {
    List<Result> all = new ArrayList<>();
    for (Object o : (List<?>) json) {
      all.add(Result.of((Map<?, ?>) o));
    }
    return all;
  }

  private static String paramList(Map<String, String> params) {
    List<String> parts = new ArrayList<>();
    params.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(", ", parts);
  }

  /** Pagoda's speed over the other's ({@code > 1}: Pagoda is faster), or {@code -}. */
  private static String ratio(Result pagoda, Result other) {
    if (pagoda == null || other == null) {
      return "-";
    }
    double p = pagoda.primary().score();
    double o = other.primary().score();
    double r = pagoda.mode().equals("thrpt") ? p / o : o / p;
    return Double.isFinite(r) && r > 0 ? String.format(Locale.ROOT, "%.2f", r) : "-";
  }

  private static int rank(String engine) {
    int i = ENGINE_ORDER.indexOf(engine);
    return i < 0 ? ENGINE_ORDER.size() : i;
  }

  private static void printHeader(List<String> header, int textColumns, PrintStream out) {
    out.println("| " + String.join(" | ", header) + " |");
    StringBuilder rule = new StringBuilder("|");
    for (int i = 0; i < header.size(); i++) {
      rule.append(i < textColumns ? " --- |" : " ---: |");
    }
    out.println(rule);
  }

  /** Three significant digits or so, no exponent; thousands as whole numbers. */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    double a = Math.abs(v);
    String pattern = a >= 1000 ? "%.0f" : a >= 10 ? "%.1f" : a >= 0.01 || a == 0 ? "%.2f" : "%.2g";
    return String.format(Locale.ROOT, pattern, v);
  }

  private static double number(Object o) {
    if (o instanceof Double d) {
      return d;
    }
    if (o instanceof String s) {
      return s.equals("NaN") ? Double.NaN : Double.parseDouble(s);
    }
    return Double.NaN;
  }
}
