package dev.pagoda.jdbc;

import dev.pagoda.spi.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * Conversions from the Java values JDBC callers bind to SQLite's storage classes, as sqlite-jdbc
 * binds them: Integer, Long, Short and Boolean (1/0) as INTEGER, Float and Double as REAL, byte[]
 * as BLOB, {@link BigDecimal} as TEXT (its {@code toString()}, which keeps every digit; the
 * column's affinity converts it on insert), {@link java.util.Date} and its java.sql subclasses
 * through the connection's {@link DateFormats}, and every other object as the TEXT of its {@code
 * toString()} (so Byte, BigInteger, Character and the java.time types bind as text: {@code
 * LocalDate} as {@code 2024-01-31}, {@code LocalDateTime} as {@code 2024-01-31T10:15:30}).
 *
 * <p>Where sqlite-jdbc would bind a useless {@code toString()}, this driver reads the value instead:
 * an {@link InputStream} or {@link java.sql.Blob} binds as BLOB, a {@link Reader} or {@link
 * java.sql.Clob} as TEXT.
 */
final class Parameters {
  private Parameters() {}

  /** The value to bind for {@code x}, as {@link java.sql.PreparedStatement#setObject} binds it. */
  static Value of(Object x, DateFormats dates) throws SQLException {
    if (x == null) {
      return Value.NULL;
    } else if (x instanceof Value v) {
      return v;
    } else if (x instanceof java.util.Date date) {
      return dates.bind(date.getTime(), java.util.TimeZone.getDefault());
    } else if (x instanceof String s) {
      return Value.of(s);
    } else if (x instanceof Long || x instanceof Integer || x instanceof Short) {
      return Value.of(((Number) x).longValue());
    } else if (x instanceof Double || x instanceof Float) {
      return Value.of(((Number) x).doubleValue());
    } else if (x instanceof Boolean b) {
      return Value.of(b ? 1L : 0L);
    } else if (x instanceof byte[] bytes) {
      return Value.of(bytes);
    } else if (x instanceof BigDecimal d) {
      return Value.of(d.toString());
    }
    return read(x);
  }

  /** Streams and LOBs read whole; anything else as its text. */
  private static Value read(Object x) throws SQLException {
    if (x instanceof java.sql.Blob blob) {
      return Value.of(blob.getBytes(1, lengthOf(blob.length())));
    } else if (x instanceof java.sql.Clob clob) {
      return Value.of(clob.getSubString(1, lengthOf(clob.length())));
    } else if (x instanceof InputStream in) {
      return Value.of(readBytes(in, -1));
    } else if (x instanceof Reader in) {
      return Value.of(readText(in, -1));
    }
    return Value.of(x.toString());
  }

  private static int lengthOf(long length) throws SQLException {
    if (length > Integer.MAX_VALUE) {
      throw new SQLException("value too large to bind: " + length + " bytes", "54000");
    }
    return (int) length;
  }

  /** Reads {@code length} bytes of {@code in} (all of it when negative); null stays null. */
  static byte[] readBytes(InputStream in, long length) throws SQLException {
    if (in == null) {
      return null;
    }
    try {
      if (length < 0) {
        return in.readAllBytes();
      }
      byte[] bytes = in.readNBytes(lengthOf(length));
      if (bytes.length < length) {
        throw new SQLException(
            "stream ended after " + bytes.length + " of " + length + " bytes", "22000");
      }
      return bytes;
    } catch (IOException e) {
      throw new SQLException("could not read the parameter stream: " + e.getMessage(), "HY000", e);
    }
  }

  /** Reads {@code length} characters of {@code in} (all of it when negative); null stays null. */
  static String readText(Reader in, long length) throws SQLException {
    if (in == null) {
      return null;
    }
    try {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      long wanted = length < 0 ? Long.MAX_VALUE : length;
      while (text.length() < wanted) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, wanted - text.length()));
        if (n < 0) {
          break;
        }
        text.append(buffer, 0, n);
      }
      if (length >= 0 && text.length() < length) {
        throw new SQLException(
            "reader ended after " + text.length() + " of " + length + " characters", "22000");
      }
      return text.toString();
    } catch (IOException e) {
      throw new SQLException("could not read the parameter reader: " + e.getMessage(), "HY000", e);
    }
  }

  /** The text of an ASCII stream. */
  static String readAscii(InputStream in, long length) throws SQLException {
    byte[] bytes = readBytes(in, length);
    return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
  }
}
