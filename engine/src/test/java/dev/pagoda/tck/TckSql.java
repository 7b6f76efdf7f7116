package dev.pagoda.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PagodaException;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Running SQL on a fresh in-memory database, and judging what a function threw. */
final class TckSql {
  private TckSql() {}

  /** Runs {@code body} on a connection to a new in-memory database, closing both after. */
  static void withConnection(Consumer<Connection> body) {
    try (Database db = Database.openInMemory();
        Connection c = db.connect()) {
      body.accept(c);
    }
  }

  /** Every row of {@code sql} run with {@code params} bound in order. */
  static List<List<Value>> rows(Connection c, String sql, List<Value> params) {
    List<List<Value>> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepare(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.bind(i + 1, params.get(i));
      }
      try (Rows rows = ps.query()) {
        while (rows.next()) {
          List<Value> row = new ArrayList<>(rows.columnCount());
          for (int col = 0; col < rows.columnCount(); col++) {
            row.add(rows.get(col));
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  /** The single row of {@code sql}; fails unless there is exactly one. */
  static List<Value> row(Connection c, String sql, List<Value> params) {
    List<List<Value>> all = rows(c, sql, params);
    assertEquals(1, all.size(), () -> "rows of " + sql);
    return all.get(0);
  }

  /** The single value of {@code sql}: one row of one column. */
  static Value value(Connection c, String sql, List<Value> params) {
    return row(c, sql, params).get(0);
  }

  /** Runs a statement that returns no rows. */
  static void update(Connection c, String sql, List<Value> params) {
    try (PreparedStatement ps = c.prepare(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.bind(i + 1, params.get(i));
      }
      ps.executeUpdate();
    }
  }

  /** {@code name(?, ?, ...)} with {@code argc} parameters. */
  static String call(String name, int argc) {
    return name + "(" + String.join(", ", Collections.nCopies(argc, "?")) + ")";
  }

  /** {@code name(c0, c1, ...)} over columns named c0, c1, ... */
  static String callOnColumns(String name, int argc) {
    List<String> cols = new ArrayList<>();
    for (int i = 0; i < argc; i++) {
      cols.add("c" + i);
    }
    return name + "(" + String.join(", ", cols) + ")";
  }

  /** {@code argc} NULLs. */
  static List<Value> nulls(int argc) {
    return Collections.nCopies(argc, Value.NULL);
  }

  /**
   * Runs SQL that may fail only as a function may: with the error of a {@link SqlException}, not
   * the engine's "internal error" for any other exception. Returns the result, or null after such
   * a failure.
   */
  static <T> T sqlErrorsOnly(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (PagodaException e) {
      assertNotEquals(ResultCode.INTERNAL, e.code(),
          () -> what + " threw something other than SqlException: " + e.getMessage());
      if (e.getMessage().startsWith("no such function")
          || e.getMessage().startsWith("wrong number of arguments")) {
        fail(what + " did not resolve: " + e.getMessage(), e);
      }
      return null;
    }
  }

  /**
   * Calls the function directly; it may throw a {@link SqlException}, nothing else, and never
   * return Java null. Returns the result, or null after a SqlException.
   */
  static Value directErrorsOnly(String what, Supplier<Value> body) {
    Value v;
    try {
      v = body.get();
    } catch (SqlException e) {
      return null;
    } catch (RuntimeException e) {
      throw new AssertionError(what + " threw " + e + "; a function may throw only SqlException", e);
    }
    assertNotNull(v, () -> what + " returned Java null; return Value.NULL instead");
    return v;
  }

  /** Asserts that {@code sql} fails with exactly {@code message}. */
  static void assertSqlError(Connection c, String message, String sql, List<Value> params) {
    PagodaException e = assertThrows(PagodaException.class, () -> rows(c, sql, params),
        () -> sql + " should fail with: " + message);
    assertEquals(message, e.getMessage(), () -> "error of " + sql);
  }
}
