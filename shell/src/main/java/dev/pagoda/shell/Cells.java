package dev.pagoda.shell;

import dev.pagoda.spi.Value;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How sqlite3 renders one value, per mode: its text ({@code sqlite3_column_text}: REALs as
 * {@code %!.15g}), SQL literals (quote and insert modes), JSON strings and CSV fields. All work on
 * bytes (text as UTF-8), as the C code does.
 */
final class Cells {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** shell.c's {@code needCsvQuote}: controls, space, {@code "}, {@code '}, DEL and non-ASCII. */
  private static boolean needsCsvQuote(byte b) {
    int c = b & 0xff;
    return c <= ' ' || c == '"' || c == '\'' || c >= 0x7f;
  }

  private Cells() {}

  /** The value's text as {@code sqlite3_column_text} gives it; null for NULL. */
  static byte[] text(Value v) {
    if (v instanceof Value.Int i) {
      return Long.toString(i.value()).getBytes(StandardCharsets.US_ASCII);
    }
    if (v instanceof Value.Real r) {
      return SqlitePrintf.generic(r.value(), 15).getBytes(StandardCharsets.US_ASCII);
    }
    if (v instanceof Value.Text t) {
      return t.value().getBytes(StandardCharsets.UTF_8);
    }
    if (v instanceof Value.Blob b) {
      return b.bytes();
    }
    return null;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The length of {@code b} up to its first NUL. */
  static int cLength(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return b.length;
  }

  /** A REAL in the quote, insert and json modes: {@code %!.20g}, infinities as {@code 1e999}. */
  static String real20(double d) {
    if (d == Double.POSITIVE_INFINITY) {
      return "1e999";
    }
    if (d == Double.NEGATIVE_INFINITY) {
      return "-1e999";
    }
    return SqlitePrintf.generic(d, 20);
  }

  /** {@code X'00ff'}: shell.c's {@code output_hex_blob}. */
  static void hexBlob(Bytes out, byte[] blob) {
    out.add((byte) 'X').add((byte) '\'');
    for (byte b : blob) {
      out.add(HEX[(b >> 4) & 0xf]).add(HEX[b & 0xf]);
    }
    out.add((byte) '\'');
  }

  /** {@code 'it''s'}: shell.c's {@code output_quoted_string} (newlines stay as they are). */
  static void quoted(Bytes out, byte[] text) {
    int n = cLength(text);
    out.add((byte) '\'');
    for (int i = 0; i < n; i++) {
      out.add(text[i]);
      if (text[i] == '\'') {
        out.add((byte) '\'');
      }
    }
    out.add((byte) '\'');
  }

  /**
   * shell.c's {@code output_quoted_escaped_string} (insert mode): like {@link #quoted}, but a
   * {@code \n} or {@code \r} is written as an escape that {@code replace(...)} turns back.
   */
  static void quotedEscaped(Bytes out, byte[] text) {
    int n = cLength(text);
    boolean nl = false;
    boolean cr = false;
    for (int i = 0; i < n; i++) {
      nl |= text[i] == '\n';
      cr |= text[i] == '\r';
    }
    if (!nl && !cr) {
      quoted(out, text);
      return;
    }
    String s = new String(text, 0, n, StandardCharsets.UTF_8);
    String newline = nl ? unused(s, "\\n", "\\012") : null;
    String ret = cr ? unused(s, "\\r", "\\015") : null;
    out.add(nl ? "replace(" : "").add(cr ? "replace(" : "").add((byte) '\'');
    for (int i = 0; i < n; i++) {
      byte b = text[i];
      if (b == '\n') {
        out.add(newline);
      } else if (b == '\r') {
        out.add(ret);
      } else {
        out.add(b);
        if (b == '\'') {
          out.add(b);
        }
      }
    }
    out.add((byte) '\'');
    if (cr) {
      out.add(",'" + ret + "',char(13))");
    }
    if (nl) {
      out.add(",'" + newline + "',char(10))");
    }
  }

  /** shell.c's {@code unused_string}: the first of a, b, {@code (a1)}, ... not inside text. */
  private static String unused(String text, String a, String b) {
    if (!text.contains(a)) {
      return a;
    }
    if (!text.contains(b)) {
      return b;
    }
    for (int i = 0; ; i++) {
      String candidate = "(" + a + i + ")";
      if (!text.contains(candidate)) {
        return candidate;
      }
    }
  }

  /** shell.c's {@code output_json_string} over {@code n} bytes. */
  static void json(Bytes out, byte[] text, int n) {
    out.add((byte) '"');
    for (int i = 0; i < n; i++) {
      int c = text[i] & 0xff;
      if (c == '\\' || c == '"') {
        out.add((byte) '\\').add((byte) c);
      } else if (c <= 0x1f) {
        out.add((byte) '\\');
        switch (c) {
          case '\b' -> out.add((byte) 'b');
          case '\f' -> out.add((byte) 'f');
          case '\n' -> out.add((byte) 'n');
          case '\r' -> out.add((byte) 'r');
          case '\t' -> out.add((byte) 't');
          default -> out.add(String.format(Locale.ROOT, "u%04x", c));
        }
      } else {
        out.add((byte) c);
      }
    }
    out.add((byte) '"');
  }

  /**
   * shell.c's {@code output_csv}: NULL as the null text; quoted (inner {@code "} doubled) when
   * empty, when it holds a byte {@link #needsCsvQuote} names, or when it holds the separator.
   */
  static void csv(Bytes out, byte[] text, Settings settings) {
    if (text == null) {
      out.add(settings.nullValue);
      return;
    }
    int n = cLength(text);
    boolean quote = n == 0;
    for (int i = 0; i < n && !quote; i++) {
      quote = needsCsvQuote(text[i]);
    }
    String s = new String(text, 0, n, StandardCharsets.UTF_8);
    if (!quote && !s.contains(settings.columnSeparator)) {
      out.add(text, 0, n);
      return;
    }
    out.add((byte) '"');
    for (int i = 0; i < n; i++) {
      out.add(text[i]);
      if (text[i] == '"') {
        out.add((byte) '"');
      }
    }
    out.add((byte) '"');
  }

  /** shell.c's {@code quoted_column} for {@code --quote} in the column modes. */
  static byte[] sqlLiteral(Value v) {
    Bytes out = new Bytes();
    if (v.isNull()) {
      out.add("NULL");
    } else if (v instanceof Value.Text t) {
      quoted(out, utf8(t.value()));
    } else if (v instanceof Value.Blob b) {
      out.add("x'");
      for (byte x : b.bytes()) {
        out.add(HEX[(x >> 4) & 0xf]).add(HEX[x & 0xf]);
      }
      out.add((byte) '\'');
    } else {
      out.add(text(v));
    }
    return out.toArray();
  }
}
