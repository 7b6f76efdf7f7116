package dev.pagoda.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints a JMH JSON result file ({@code -rf json}) as a Markdown table that puts engines side by
 * side: one row per benchmark method and combination of the other parameters, one column per value
 * of the {@code engine} parameter, then the ratio of the reference engine's time to each other
 * engine's ({@code > 1}: the other engine is faster). Made for {@link CommitBenchmark}; it works for
 * any benchmark with an {@code engine} parameter and a time-per-operation mode.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.pagoda.benchmarks.ResultTable
 * <result.json> [mean|p50|p90|p99|p99.9] [reference-engine]}; the defaults are {@code mean} and
 * {@code sqlite}. A cell is {@code -} when the run has no result for it (a failed trial, for
 * example one whose row-count check at teardown threw).
 *
 * <p>{@code ResultTable --compare <result.json>} prints the comparative suite's table instead
 * (throughput per engine per workload and Pagoda's ratio to each peer, above 1 when Pagoda is
 * faster), and {@code ResultTable --micro <result.json>} the micro benchmarks' scores with their
 * allocation per operation from {@code -prof gc}: see {@link CompareSupportTables}; {@code
 * benchmarks/run.sh} uses both.
 */
public final class ResultTable {
  private static final String ENGINE = "engine";

  private ResultTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 2 && (args[0].equals("--compare") || args[0].equals("--micro"))) {
      Object results = Json.parse(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
      if (args[0].equals("--compare")) {
        CompareSupportTables.compare(results, System.out);
      } else {
        CompareSupportTables.micro(results, System.out);
      }
      return;
    }
    if (args.length < 1 || args.length > 3) {
      System.err.println(
          "usage: ResultTable <result.json> [mean|p50|p90|p99|p99.9] [reference-engine]\n"
              + "       ResultTable --compare <result.json>\n"
              + "       ResultTable --micro <result.json>");
      System.exit(2);
    }
    String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    String metric = args.length > 1 ? args[1] : "mean";
    String reference = args.length > 2 ? args[2] : "sqlite";
    print(Json.parse(json), metric, reference, System.out);
  }

  /** One benchmark result: where it goes in the table and its score. */
  private record Cell(List<String> row, String engine, double score, double error, String unit) {}

  static void print(Object results, String metric, String reference, PrintStream out) {
    List<String> rowParams = new ArrayList<>();
    Set<String> engines = new LinkedHashSet<>();
    List<Cell> cells = new ArrayList<>();
    for (Object o : (List<?>) results) {
      Map<?, ?> result = (Map<?, ?>) o;
      Map<?, ?> params = result.get("params") instanceof Map<?, ?> m ? m : Map.of();
      List<String> row = new ArrayList<>();
      for (Map.Entry<?, ?> e : params.entrySet()) {
        String name = (String) e.getKey();
        if (!name.equals(ENGINE)) {
          if (!rowParams.contains(name)) {
            rowParams.add(name);
          }
          row.add((String) e.getValue());
        }
      }
      String benchmark = (String) result.get("benchmark");
      row.add(benchmark.substring(benchmark.lastIndexOf('.') + 1));
      String engine = params.containsKey(ENGINE) ? (String) params.get(ENGINE) : "-";
      engines.add(engine);
      Map<?, ?> primary = (Map<?, ?>) result.get("primaryMetric");
      double score;
      double error = Double.NaN;
      if (metric.equals("mean")) {
        score = number(primary.get("score"));
        error = number(primary.get("scoreError"));
      } else {
        Map<?, ?> percentiles = (Map<?, ?>) primary.get("scorePercentiles");
        score = number(percentiles.get(percentileKey(metric)));
      }
      cells.add(new Cell(row, engine, score, error, (String) primary.get("scoreUnit")));
    }
    if (cells.isEmpty()) {
      out.println("(no results)");
      return;
    }

    // rows in the order the run met them; it runs parameter values in their declared order
    Map<List<String>, Map<String, Cell>> table = new LinkedHashMap<>();
    for (Cell c : cells) {
      table.computeIfAbsent(c.row(), k -> new LinkedHashMap<>()).put(c.engine(), c);
    }
    List<List<String>> rows = new ArrayList<>(table.keySet());
    rows.sort(new RowOrder(rows));

    String unit = cells.get(0).unit();
    String what = metric.equals("mean") ? "mean" : metric;
    List<String> header = new ArrayList<>(rowParams);
    header.add("benchmark");
    List<String> others = new ArrayList<>();
    for (String engine : engines) {
      header.add(engine + " " + unit + " (" + what + ")");
      if (!engine.equals(reference)) {
        others.add(engine);
      }
    }
    if (engines.contains(reference)) {
      for (String engine : others) {
        header.add(reference + "/" + engine);
      }
    }
    out.println("| " + String.join(" | ", header) + " |");
    StringBuilder rule = new StringBuilder("|");
    for (int i = 0; i < header.size(); i++) {
      rule.append(i < rowParams.size() + 1 ? " --- |" : " ---: |");
    }
    out.println(rule);
    for (List<String> row : rows) {
      Map<String, Cell> byEngine = table.get(row);
      List<String> line = new ArrayList<>(row);
      for (String engine : engines) {
        Cell c = byEngine.get(engine);
        line.add(c == null ? "-" : formatScore(c));
      }
      if (engines.contains(reference)) {
        Cell ref = byEngine.get(reference);
        for (String engine : others) {
          Cell c = byEngine.get(engine);
          line.add(ref == null || c == null || !(c.score() > 0)
              ? "-"
              : String.format(Locale.ROOT, "%.2f", ref.score() / c.score()));
        }
      }
      out.println("| " + String.join(" | ", line) + " |");
    }
  }

  /** {@code p99.9} -> {@code 99.9}, {@code p50} -> {@code 50.0}: JMH's percentile keys. */
  private static String percentileKey(String metric) {
    if (!metric.startsWith("p")) {
      throw new IllegalArgumentException("metric is mean or pNN: " + metric);
    }
    String p = metric.substring(1);
    return p.contains(".") ? p : p + ".0";
  }

  private static String formatScore(Cell c) {
    String score = format(c.score());
    return Double.isNaN(c.error()) ? score : score + " ± " + format(c.error());
  }

  private static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    double a = Math.abs(v);
    String pattern = a >= 1000 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
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

  /** Orders rows column by column, each column's values in the order the run first met them. */
  private static final class RowOrder implements java.util.Comparator<List<String>> {
    private final List<List<String>> seen = new ArrayList<>();

    RowOrder(List<List<String>> rows) {
      for (List<String> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          if (seen.size() <= i) {
            seen.add(new ArrayList<>());
          }
          if (!seen.get(i).contains(row.get(i))) {
            seen.get(i).add(row.get(i));
          }
        }
      }
    }

    @Override
    public int compare(List<String> a, List<String> b) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = Integer.compare(seen.get(i).indexOf(a.get(i)), seen.get(i).indexOf(b.get(i)));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
  }

  /**
   * Just enough JSON for JMH's result files: objects (as insertion-ordered maps), arrays, strings,
   * numbers (as doubles; also JMH's bare {@code NaN} and {@code Infinity}), booleans and null.
   */
  static final class Json {
    private final String s;
    private int pos;

    private Json(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      Json p = new Json(text);
      Object value = p.value();
      p.skipSpace();
      if (p.pos != text.length()) {
        throw p.error("trailing text");
      }
      return value;
    }

    private Object value() {
      skipSpace();
      if (pos >= s.length()) {
        throw error("unexpected end");
      }
      return switch (s.charAt(pos)) {
        case '{' -> object();
        case '[' -> array();
        case '"' -> string();
        default -> literal();
      };
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      pos++; // {
      skipSpace();
      if (peek() == '}') {
        pos++;
        return map;
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw error("expected a key");
        }
        String key = string();
        skipSpace();
        expect(':');
        map.put(key, value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      pos++; // [
      skipSpace();
      if (peek() == ']') {
        pos++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      pos++; // "
      StringBuilder b = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(pos++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> b.append(e); // \" \\ \/
        }
      }
    }

    private Object literal() {
      int start = pos;
      while (pos < s.length() && "{}[],: \t\r\n".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      String word = s.substring(start, pos);
      return switch (word) {
        case "true" -> true;
        case "false" -> false;
        case "null" -> null;
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> {
          try {
            yield Double.parseDouble(word);
          } catch (NumberFormatException e) {
            throw error("bad literal '" + word + "'");
          }
        }
      };
    }

    private char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private IllegalArgumentException error(String message) {
      return new IllegalArgumentException("bad JSON at offset " + pos + ": " + message);
    }
  }
}
