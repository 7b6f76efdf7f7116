package dev.pagoda.executor.math;

import dev.pagoda.executor.SqliteValues;
import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Calls a provider's functions directly, with a minimal {@link FunctionContext}, and the same
 * call on sqlite-jdbc as {@code SELECT f(?, ...)} with the arguments bound as parameters; renders
 * both outcomes as storage class and value ({@code I5}, {@code R1.5}, {@code Tabc}, {@code B00ff},
 * {@code N}) or {@code error: message}, for a differential comparison.
 */
final class DirectCalls implements AutoCloseable {
  private final Connection sqlite;
  private final FunctionProvider provider;
  private int compared;

  DirectCalls(FunctionProvider provider) throws SQLException {
    this.provider = provider;
    this.sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
  }

  /** The provider's function of that name accepting {@code argc} arguments. */
  ScalarFunction function(String name, int argc) {
    for (ScalarFunction f : provider.scalarFunctions()) {
      if (f.name().equalsIgnoreCase(name) && f.arity().accepts(argc)) {
        return f;
      }
    }
    throw new AssertionError("no function " + name + "/" + argc);
  }

  /** Pagoda's outcome of {@code name(args...)}. */
  String pagoda(String name, Value... args) {
    try {
      return render(function(name, args.length).call(CONTEXT, Arguments.of(args)));
    } catch (SqlException e) {
      return "error: " + e.getMessage();
    }
  }

  /** SQLite's outcome of {@code SELECT name(?, ...)} with {@code args} bound. */
  String sqlite(String name, Value... args) {
    String sql = "SELECT " + name + "(" + String.join(", ", Collections.nCopies(args.length, "?"))
        + ")";
    try (PreparedStatement ps = sqlite.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        SqliteValues.bind(ps, i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return render(SqliteValues.value(rs.getObject(1)));
      }
    } catch (SQLException e) {
      String m = e.getMessage();
      int open = m.indexOf(" (");
      return "error: " + (open >= 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1) : m);
    }
  }

  /**
   * The calls of {@code name} over every combination of {@code argc} of {@code pool} whose
   * outcomes differ, REAL results that differ by at most {@code ulps} units in the last place
   * counting as equal (0 asks for bit-for-bit equality).
   */
  List<String> differences(String name, int argc, List<Value> pool, int ulps) {
    List<String> diffs = new ArrayList<>();
    int combinations = (int) Math.pow(pool.size(), argc);
    for (int k = 0; k < combinations; k++) {
      Value[] args = new Value[argc];
      int rest = k;
      for (int i = 0; i < argc; i++) {
        args[i] = pool.get(rest % pool.size());
        rest /= pool.size();
      }
      String ours = pagoda(name, args);
      String theirs = sqlite(name, args);
      compared++;
      if (!ours.equals(theirs) && !withinUlps(ours, theirs, ulps)) {
        diffs.add(name + describe(args) + ": pagoda=" + ours + " sqlite=" + theirs);
      }
    }
    return diffs;
  }

  /** True when both are finite REALs of one sign at most {@code ulps} representable steps apart. */
  static boolean withinUlps(String ours, String theirs, int ulps) {
    if (ulps == 0 || !ours.startsWith("R") || !theirs.startsWith("R")) {
      return false;
    }
    double a = Double.parseDouble(ours.substring(1));
    double b = Double.parseDouble(theirs.substring(1));
    if (Double.isInfinite(a) || Double.isInfinite(b) || Math.signum(a) != Math.signum(b)) {
      return false;
    }
    long steps = Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
    return steps <= ulps;
  }

  /** How many calls {@link #differences} compared so far. */
  int compared() {
    return compared;
  }

  static String describe(Value... args) {
    List<String> parts = new ArrayList<>();
    for (Value v : args) {
      parts.add(render(v));
    }
    return "(" + String.join(", ", parts) + ")";
  }

  static String render(Value v) {
    if (v instanceof Value.Int i) {
      return "I" + i.value();
    } else if (v instanceof Value.Real r) {
      return "R" + r.value();
    } else if (v instanceof Value.Text t) {
      return "T" + t.value();
    } else if (v instanceof Value.Blob b) {
      return "B" + HexFormat.of().formatHex(b.bytes()).toLowerCase(Locale.ROOT);
    }
    return "N";
  }

  @Override
  public void close() throws SQLException {
    sqlite.close();
  }

  /** A context for functions that need none of its services. */
  static final FunctionContext CONTEXT = FunctionContext.detached(Instant.EPOCH, ZoneOffset.UTC);

}
