package dev.pagoda.conformance.slt;

import dev.pagoda.Rows;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Values as sqllogictest's SQLite driver prints them, their sort orders, and their hash.
 *
 * <p>NULL is {@code NULL} whatever the type letter. {@code I}: {@code sqlite3_column_int} (the
 * value as a 64-bit integer, then its low 32 bits) printed with {@code %d}. {@code R}: {@code
 * sqlite3_column_double} printed by SQLite's own {@code sqlite3_mprintf("%.3f")}, which keeps at
 * most 16 significant digits and rounds half away from zero (not the C library's printf). {@code
 * T}: {@code sqlite3_column_text} read as a C string (up to its first zero byte); an empty one is
 * {@code (empty)}, and each byte outside {@code ' '..'~'} becomes {@code @} (so a non-ASCII
 * character becomes one {@code @} per UTF-8 byte).
 */
public final class ResultFormat {
  private ResultFormat() {}

  /** Column {@code column} of the current row of {@code rows} for type letter {@code type}. */
  public static String format(Rows rows, int column, char type) {
    if (rows.isNull(column)) {
      return "NULL";
    }
    return switch (type) {
      case 'I' -> integer(rows.getLong(column));
      case 'R' -> real(rows.getDouble(column));
      case 'T' -> text(rows.getBytes(column));
      default -> throw new IllegalArgumentException("unknown character in type-string: " + type);
    };
  }

  /** {@code %d} of the value's low 32 bits, as {@code sqlite3_column_int} returns them. */
  public static String integer(long value) {
    return Integer.toString((int) value);
  }

  /** SQLite's {@code %.3f}. */
  public static String real(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value < 0 ? "-Inf" : "Inf";
    }
    // the sign is printed when the value is below zero, even when it rounds to zero; -0.0 is not
    String sign = value < 0 ? "-" : "";
    BigDecimal exact = new BigDecimal(Math.abs(value));
    if (exact.signum() == 0) {
      return "0.000";
    }
    // sqlite3FpDecode keeps (digits before the point + 3) significant digits, at most 16
    int intDigits = exact.precision() - exact.scale();
    int keep = Math.min(intDigits + 3, 16);
    BigDecimal rounded = keep >= 1
        ? exact.round(new MathContext(keep, RoundingMode.HALF_UP))
        : exact;
    return sign + rounded.setScale(3, RoundingMode.HALF_UP).toPlainString();
  }

  /** A text (or blob) value's bytes as sqllogictest prints them. */
  public static String text(byte[] bytes) {
    int n = 0;
    while (n < bytes.length && bytes[n] != 0) {
      n++;
    }
    if (n == 0) {
      return "(empty)";
    }
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      out[i] = b < ' ' || b > '~' ? '@' : (char) b;
    }
    return new String(out);
  }

  /**
   * {@code values} (rows of {@code columns} values, row after row) in the order sort mode {@code
   * mode} gives them: a new list unless the mode is {@code NOSORT}.
   */
  public static List<String> sort(List<String> values, int columns, SortMode mode) {
    switch (mode) {
      case NOSORT -> {
        return values;
      }
      case VALUESORT -> {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(ResultFormat::compareC);
        return sorted;
      }
      case ROWSORT -> {
        if (columns <= 0) {
          return values;
        }
        int rowCount = values.size() / columns;
        List<List<String>> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
          rows.add(values.subList(r * columns, (r + 1) * columns));
        }
        rows.sort((a, b) -> {
          for (int c = 0; c < columns; c++) {
            int cmp = compareC(a.get(c), b.get(c));
            if (cmp != 0) {
              return cmp;
            }
          }
          return 0;
        });
        List<String> sorted = new ArrayList<>(values.size());
        rows.forEach(sorted::addAll);
        sorted.addAll(values.subList(rowCount * columns, values.size()));
        return sorted;
      }
    }
    throw new AssertionError(mode);
  }

  /**
   * {@code strcmp}: printed values are ASCII (text bytes outside it became {@code @}), where
   * comparing chars is comparing bytes.
   */
  static int compareC(String a, String b) {
    return a.compareTo(b);
  }

  /** The MD5 (lower-case hex) of every value followed by a newline. */
  public static String md5(List<String> values) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no MD5 in this JVM", e);
    }
    for (String v : values) {
      md.update(v.getBytes(StandardCharsets.UTF_8));
      md.update((byte) '\n');
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The line sqllogictest writes for hashed results: {@code N values hashing to <md5>}. */
  public static String hashLine(List<String> values) {
    return values.size() + " values hashing to " + md5(values);
  }
}
