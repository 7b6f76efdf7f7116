package dev.pagoda.executor.datetime;

import dev.pagoda.executor.SqliteValues;
import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.Value;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Runs one call both in real SQLite ({@code SELECT f(?, ...)} through sqlite-jdbc with the same
 * bound values) and through {@link DateTimeFunctions}, and collects every disagreement in value
 * or storage class.
 */
final class SqliteOracle implements AutoCloseable {
  private final Connection sqlite;
  private final Map<String, ScalarFunction> functions = new HashMap<>();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final FunctionContext ctx;
  final List<String> mismatches = new ArrayList<>();
  int calls;
  /** Calls whose (agreed or not) SQLite result was not NULL. */
  int nonNullCalls;

  SqliteOracle() throws SQLException {
    sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    for (ScalarFunction f : new DateTimeFunctions().scalarFunctions()) {
      functions.put(f.name(), f);
    }
    ctx = FunctionContext.detached(Instant.now(), TimeZone.getDefault().toZoneId());
  }

  String sqliteVersion() throws SQLException {
    try (ResultSet rs = sqlite.createStatement().executeQuery("SELECT sqlite_version()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Compares {@code name(args...)}; a disagreement is recorded, not thrown. */
  void check(String name, Value... args) throws SQLException {
    calls++;
    Value expected = sqlite(name, args);
    if (!expected.isNull()) {
      nonNullCalls++;
    }
    Value actual = functions.get(name).call(ctx, Arguments.of(args));
    if (!expected.equals(actual)) {
      mismatches.add(describe(name, args) + ": sqlite " + show(expected) + ", pagoda " + show(actual));
    }
  }

  Value sqlite(String name, Value... args) throws SQLException {
    PreparedStatement ps = statements.computeIfAbsent(name + "/" + args.length, k -> prepare(name, args.length));
    for (int i = 0; i < args.length; i++) {
      SqliteValues.bind(ps, i + 1, args[i]);
    }
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return switch (rs.getString(1)) {
        case "integer" -> Value.of(rs.getLong(2));
        case "real" -> Value.of(rs.getDouble(2));
        case "text" -> Value.of(rs.getString(2));
        case "blob" -> Value.of(rs.getBytes(2));
        default -> Value.NULL;
      };
    }
  }

  private PreparedStatement prepare(String name, int argc) {
    String params = argc == 0 ? "" : "?" + ", ?".repeat(argc - 1);
    String sql = "SELECT typeof(v), v FROM (SELECT " + name + "(" + params + ") AS v)";
    try {
      return sqlite.prepareStatement(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String describe(String name, Value... args) {
    List<String> shown = new ArrayList<>();
    for (Value a : args) {
      shown.add(show(a));
    }
    return name + "(" + String.join(", ", shown) + ")";
  }

  static String show(Value v) {
    if (v instanceof Value.Text t) {
      return "'" + t.value().replace("\0", "\\0") + "'";
    }
    if (v instanceof Value.Real r) {
      return "REAL " + r.value();
    }
    if (v instanceof Value.Int n) {
      return "INTEGER " + n.value();
    }
    return v.toString();
  }

  /** A failure message listing the first disagreements, or null when there are none. */
  String report() {
    if (mismatches.isEmpty()) {
      return null;
    }
    return mismatches.size() + " of " + calls + " calls differ from SQLite:\n"
        + mismatches.stream().limit(60).collect(Collectors.joining("\n"));
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : statements.values()) {
      ps.close();
    }
    sqlite.close();
  }
}
