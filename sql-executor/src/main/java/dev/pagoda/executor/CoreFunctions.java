package dev.pagoda.executor;

import static dev.pagoda.executor.Builtin.VARIADIC;

import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The core built-ins: NULL handling and choice (coalesce, ifnull, iif, nullif, min, max), types
 * and representations (typeof, quote, hex, unhex), blobs and random values, the planner hints
 * (likely, unlikely, likelihood), sqlite_version and the CURRENT_* clock values.
 *
 * <p>coalesce, ifnull, iif, the hints and a collated min/max are compiled to short-circuiting
 * evaluators by {@link FunctionCompiler}; the bodies here are their eager equivalents.
 */
final class CoreFunctions {
  private CoreFunctions() {}

  /** The version sqlite_version() reports: the SQLite release whose behaviour Pagoda follows. */
  static final String SQLITE_VERSION = "3.46.1";

  /** SQLite's default SQLITE_MAX_LENGTH, the largest string or blob. */
  static final long MAX_LENGTH = 1_000_000_000L;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  static List<ScalarFunction> all() {
    return List.of(
        Builtin.of("coalesce", 2, VARIADIC, CoreFunctions::coalesce),
        Builtin.of("ifnull", 2, 2, CoreFunctions::coalesce),
        Builtin.of("iif", 2, VARIADIC, CoreFunctions::iif),
        Builtin.of("nullif", 2, 2,
            a -> Values.compare(a[0], a[1]) == 0 && !a[1].isNull() ? Value.NULL : a[0]),
        Builtin.of("typeof", 1, 1, a -> Value.of(a[0].storageClass().typeName())),
        Builtin.of("likely", 1, 1, a -> a[0]),
        Builtin.of("unlikely", 1, 1, a -> a[0]),
        Builtin.of("likelihood", 2, 2, a -> a[0]),
        Builtin.of("max", 2, VARIADIC, a -> minMax(a, BuiltinCollation.BINARY, true)),
        Builtin.of("min", 2, VARIADIC, a -> minMax(a, BuiltinCollation.BINARY, false)),
        Builtin.of("quote", 1, 1, a -> Value.of(quote(a[0]))),
        Builtin.of("hex", 1, 1, a -> Value.of(hex(a[0]))),
        Builtin.of("unhex", 1, 2, CoreFunctions::unhex),
        Builtin.of("zeroblob", 1, 1, a -> new Value.Blob(new byte[blobLength(a[0], 0)])),
        Builtin.volatileOf("randomblob", 1, 1, CoreFunctions::randomBlob),
        Builtin.volatileOf("random", 0, 0, a -> Value.of(ThreadLocalRandom.current().nextLong())),
        Builtin.of("sqlite_version", 0, 0, a -> Value.of(SQLITE_VERSION)),
        Builtin.withContext("changes", 0, 0, (ctx, a) -> Value.of(ctx.changes())),
        Builtin.withContext("total_changes", 0, 0, (ctx, a) -> Value.of(ctx.totalChanges())),
        Builtin.withContext("last_insert_rowid", 0, 0,
            (ctx, a) -> Value.of(ctx.lastInsertRowid())),
        Builtin.volatileOf("current_time", 0, 0, a -> now(TIME)),
        Builtin.volatileOf("current_date", 0, 0, a -> now(DATE)),
        Builtin.volatileOf("current_timestamp", 0, 0, a -> now(TIMESTAMP)));
  }

  private static Value coalesce(Value[] a) {
    for (Value v : a) {
      if (!v.isNull()) {
        return v;
      }
    }
    return Value.NULL;
  }

  /** {@code iif(c1, v1 [, c2, v2 ...] [, else])}: the first true condition's value. */
  private static Value iif(Value[] a) {
    int i = 0;
    for (; i + 1 < a.length; i += 2) {
      if (Values.truth(a[i]) == 1) {
        return a[i + 1];
      }
    }
    return i < a.length ? a[i] : Value.NULL;
  }

  /**
   * Scalar max (or min): NULL when any argument is NULL, else the greatest (least) in SQLite's
   * cross-class order under {@code collation}; max keeps the first of equals, min the last.
   */
  static Value minMax(Value[] a, dev.pagoda.spi.Collation collation, boolean max) {
    Value best = a[0];
    if (best.isNull()) {
      return best;
    }
    for (int i = 1; i < a.length; i++) {
      Value v = a[i];
      if (v.isNull()) {
        return v;
      }
      int c = Comparison.compare(best, v, null, collation);
      if (max ? c < 0 : c >= 0) {
        best = v;
      }
    }
    return best;
  }

  /** SQLite's quote(): an SQL literal that reads back as the value. */
  static String quote(Value v) {
    if (v instanceof Value.Text t) {
      return "'" + t.value().replace("'", "''") + "'";
    } else if (v instanceof Value.Blob b) {
      return "X'" + hexDigits(b.bytes()) + "'";
    } else if (v instanceof Value.Real r) {
      if (Double.isInfinite(r.value())) {
        return r.value() > 0 ? "9.0e+999" : "-9.0e+999"; // SQLite's literal for an infinity
      }
      return Values.toText(r);
    } else if (v.isNull()) {
      return "NULL";
    }
    return Values.toText(v);
  }

  /** hex(): upper-case digits of the value's bytes (a number's text); '' for NULL. */
  private static String hex(Value v) {
    return v.isNull() ? "" : hexDigits(v instanceof Value.Blob b ? b.bytes() : Values.toBytes(v));
  }

  static String hexDigits(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = Character.toUpperCase(Character.forDigit((bytes[i] >> 4) & 0xf, 16));
      out[2 * i + 1] = Character.toUpperCase(Character.forDigit(bytes[i] & 0xf, 16));
    }
    return new String(out);
  }

  /** unhex(x [, ignored]): the bytes the hex digit pairs of x spell; NULL when malformed. */
  private static Value unhex(Value[] a) {
    if (a[0].isNull() || (a.length > 1 && a[1].isNull())) {
      return Value.NULL;
    }
    String s = StringFunctions.cText(a[0]);
    String ignored = a.length > 1 ? StringFunctions.cText(a[1]) : "";
    byte[] out = new byte[s.length() / 2];
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int hi = Character.digit(cp, 16);
      if (hi >= 0 && cp < 128) {
        int lo = i + 1 < s.length() && s.charAt(i + 1) < 128
            ? Character.digit(s.charAt(i + 1), 16) : -1;
        if (lo < 0) {
          return Value.NULL;
        }
        out[n++] = (byte) (hi << 4 | lo);
        i += 2;
      } else if (ignored.indexOf(cp) >= 0) {
        i += Character.charCount(cp);
      } else {
        return Value.NULL;
      }
    }
    return new Value.Blob(java.util.Arrays.copyOf(out, n));
  }

  /** A blob length argument: negative is {@code min}; over SQLite's limit is an error. */
  static int blobLength(Value v, int min) {
    long n = Values.toLong(v);
    if (n > MAX_LENGTH) {
      throw new SqlException(ResultCode.TOOBIG, "string or blob too big");
    }
    return (int) Math.max(n, min);
  }

  private static Value randomBlob(Value[] a) {
    byte[] b = new byte[blobLength(a[0], 1)];
    ThreadLocalRandom.current().nextBytes(b);
    return new Value.Blob(b);
  }

  private static Value now(DateTimeFormatter format) {
    return Value.of(LocalDateTime.now(ZoneOffset.UTC).format(format));
  }
}
