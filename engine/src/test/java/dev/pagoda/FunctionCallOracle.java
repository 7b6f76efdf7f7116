package dev.pagoda;

import dev.pagoda.spi.Value;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Calls a function both ways on Pagoda and on sqlite-jdbc: with its arguments written as SQL
 * literals ({@code SELECT f(1, 'a')}) and bound as parameters ({@code SELECT f(?, ?)}), comparing
 * the {@link SqlOracle} renderings (value, storage class, or error code and message) and counting
 * the comparisons. REAL results of the functions given a last-place tolerance (see {@link
 * #tolerate}) count as equal when they are that close.
 */
final class FunctionCallOracle implements AutoCloseable {
  /** One argument: its SQL literal text and the value bound in its place. */
  record Arg(String sql, Value value) {
    @Override
    public String toString() {
      return sql;
    }
  }

  private final Database db = Database.openInMemory();
  private final Connection pagoda = db.connect();
  private final java.sql.Connection sqlite;
  private final Map<String, Integer> ulps;
  private int compared;

  FunctionCallOracle(Map<String, Integer> ulps) {
    this.ulps = ulps;
    try {
      sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  Connection pagoda() {
    return pagoda;
  }

  java.sql.Connection sqlite() {
    return sqlite;
  }

  int compared() {
    return compared;
  }

  /**
   * Compares {@code sql} (with {@code params} bound) on both; returns a description of the
   * difference, or null when there is none.
   */
  String compare(String sql, List<Value> params, int tolerance) {
    compared++;
    List<String> ours = SqlOracle.pagoda(pagoda, sql, params);
    List<String> theirs = SqlOracle.sqlite(sqlite, sql, params);
    if (ours.equals(theirs) || closeEnough(ours, theirs, tolerance)) {
      return null;
    }
    String bound = params.isEmpty() ? "" : " with " + params;
    return sql + bound + ":  pagoda=" + ours + "  sqlite=" + theirs;
  }

  /**
   * Compares {@code name(args)} both ways, literal and bound, adding any differences to {@code
   * diffs}.
   */
  void call(String name, List<Arg> args, List<String> diffs) {
    List<String> literals = new ArrayList<>();
    List<Value> values = new ArrayList<>();
    for (Arg a : args) {
      literals.add(a.sql());
      values.add(a.value());
    }
    int tolerance = tolerate(name);
    String literal = "SELECT " + name + "(" + String.join(", ", literals) + ")";
    addIfDifferent(diffs, compare(literal, List.of(), tolerance));
    String bound = "SELECT " + name + "(" + String.join(", ", Collections.nCopies(args.size(), "?"))
        + ")";
    addIfDifferent(diffs, compare(bound, values, tolerance));
  }

  /** Calls {@code name} over every tuple of {@code arity} arguments drawn from {@code pool}. */
  void everyTuple(String name, int arity, List<Arg> pool, List<String> diffs) {
    int tuples = (int) Math.pow(pool.size(), arity);
    for (int k = 0; k < tuples; k++) {
      List<Arg> args = new ArrayList<>(arity);
      int rest = k;
      for (int i = 0; i < arity; i++) {
        args.add(pool.get(rest % pool.size()));
        rest /= pool.size();
      }
      call(name, args, diffs);
    }
  }

  /** The last-place tolerance of REAL results of {@code name}; 0 for bit-for-bit equality. */
  int tolerate(String name) {
    return ulps.getOrDefault(name, 0);
  }

  private static void addIfDifferent(List<String> diffs, String diff) {
    if (diff != null) {
      diffs.add(diff);
    }
  }

  /** One row of one REAL each side, both finite, one sign, at most {@code ulps} doubles apart. */
  private static boolean closeEnough(List<String> ours, List<String> theirs, int ulps) {
    if (ulps == 0 || ours.size() != 1 || theirs.size() != 1) {
      return false;
    }
    String a = ours.get(0);
    String b = theirs.get(0);
    if (!a.startsWith("R") || !b.startsWith("R") || !a.endsWith("|") || !b.endsWith("|")) {
      return false;
    }
    double x = Double.parseDouble(a.substring(1, a.length() - 1));
    double y = Double.parseDouble(b.substring(1, b.length() - 1));
    if (Double.isInfinite(x) || Double.isInfinite(y) || Math.signum(x) != Math.signum(y)) {
      return false;
    }
    return Math.abs(Double.doubleToLongBits(x) - Double.doubleToLongBits(y)) <= ulps;
  }

  @Override
  public void close() {
    pagoda.close();
    db.close();
    try {
      sqlite.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
