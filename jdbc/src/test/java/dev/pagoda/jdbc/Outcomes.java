package dev.pagoda.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * What one JDBC call did, as text that two drivers can be compared on: the value returned (with
 * its Java class; streams read whole, dates as epoch milliseconds) or the failure. A failure's
 * vendor code is kept when the database engine reported it (sqlite-jdbc's driver-level failures
 * have no code and no SQLSTATE, and Pagoda's carry SQLite codes such as MISUSE, so only the fact
 * that the call failed is compared for those).
 */
final class Outcomes {
  /** A JDBC call. */
  @FunctionalInterface
  interface Call {
    Object run() throws Exception;
  }

  private Outcomes() {}

  /** The outcome of {@code call}; {@code sqliteStyle} drops vendor codes of driver failures. */
  static String of(Call call) {
    try {
      return describe(call.run());
    } catch (SQLException e) {
      int code = fromEngine(e) ? e.getErrorCode() & 0xff : 0;
      return code == 0 ? "fails" : "fails with code " + code;
    } catch (Exception e) {
      return "fails";
    }
  }

  /** Whether the database engine (SQLite's or Pagoda's) raised {@code e}, not the driver. */
  private static boolean fromEngine(SQLException e) {
    return e instanceof org.sqlite.SQLiteException
        || e.getCause() instanceof dev.pagoda.PagodaException;
  }

  /** {@code value} with its class: "Integer 42", "byte[] [1, 2]", "Timestamp 1706704496789". */
  static String describe(Object value) throws IOException {
    if (value == null) {
      return "null";
    } else if (value instanceof byte[] bytes) {
      return "byte[] " + Arrays.toString(bytes);
    } else if (value instanceof java.sql.Timestamp t) {
      return "Timestamp " + t.getTime() + "/" + t.getNanos();
    } else if (value instanceof java.util.Date d) {
      return value.getClass().getSimpleName() + " " + d.getTime();
    } else if (value instanceof InputStream in) {
      return "stream " + Arrays.toString(in.readAllBytes());
    } else if (value instanceof Reader in) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[256];
      for (int n; (n = in.read(buffer)) > 0; ) {
        text.append(buffer, 0, n);
      }
      return "reader " + text;
    }
    return value.getClass().getSimpleName() + " " + value;
  }
}
