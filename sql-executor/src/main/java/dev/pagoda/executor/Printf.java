package dev.pagoda.executor;

import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.nio.charset.StandardCharsets;

/**
 * SQLite's printf() / format(), following {@code sqlite3_str_vappendf}: conversions {@code %d %i
 * %u %x %X %o %p %r %f %e %E %g %G %s %z %c %q %Q %w %n %%}, flags {@code - + space 0 # , !}
 * (of {@code +} and space the later wins), width and precision (also as {@code *}, read as a C
 * int; a negative width left-justifies, a negative precision counts as its magnitude) and the
 * ignored length modifiers {@code l} and {@code ll}. Arguments are read with SQLite's
 * conversions; missing ones read as 0, '' or (for %q) NULL. An unknown or unfinished conversion
 * (also {@code %T} and {@code %S}, SQLite's internal ones) ends the output, and an output nothing
 * was ever written to is NULL.
 *
 * <p>Quirks kept: widths and precisions of text count UTF-8 bytes (characters with {@code !});
 * {@code %c} counts characters, repeats its character {@code precision} times and writes a NUL
 * for an empty or NULL argument; zero padding of integers is a minimum digit count, applied
 * before the thousands separators and the {@code #} prefix; {@code %r}'s suffix counts towards
 * its precision; with the {@code 0} flag an infinity prints as 9e999; {@code !} on floats keeps
 * up to 26 significant digits and drops trailing zeros ({@code 42.0}).
 *
 * <p>Deliberate difference: a precision that cuts a text inside a UTF-8 character leaves SQLite
 * with an ill-formed byte sequence; Pagoda's text is a Java string, so the partial character
 * becomes U+FFFD (which is also what a JDBC reader of SQLite's result sees).
 */
final class Printf {
  private Printf() {}

  /** SQLite's default SQLITE_MAX_LENGTH: a longer result is an error. */
  private static final long MAX_LENGTH = 1_000_000_000L;

  /** One conversion's flags, width and precision. */
  static final class Spec {
    boolean left;
    char prefix; // '+', ' ' or 0
    boolean alt;
    boolean alt2;
    boolean zero;
    boolean comma;
    int width;
    int precision = -1;
  }

  /** The argument cursor over {@code args[1..]}. */
  private static final class Args {
    private final Value[] values;
    private int next = 1;

    Args(Value[] values) {
      this.values = values;
    }

    Value next() {
      return next < values.length ? values[next++] : null;
    }

    long nextLong() {
      Value v = next();
      return v == null ? 0 : Values.toLong(v);
    }

    double nextDouble() {
      Value v = next();
      return v == null ? 0 : Values.toDouble(v);
    }

    /** The next argument as C text (up to a NUL) in UTF-8, or null for NULL or none. */
    byte[] nextText() {
      Value v = next();
      String s = v == null || v.isNull() ? null : StringFunctions.cText(v);
      return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
  }

  static Value format(Value[] a) {
    if (a.length == 0 || a[0].isNull()) {
      return Value.NULL;
    }
    String f = StringFunctions.cText(a[0]);
    StringBuilder out = new StringBuilder();
    Args args = new Args(a);
    boolean appended = false; // SQLite's result is NULL when nothing was ever appended
    int i = 0;
    while (i < f.length()) {
      char c = f.charAt(i++);
      if (c != '%' || i == f.length()) {
        out.append(c);
        appended = true;
        continue;
      }
      Spec spec = new Spec();
      i = parseSpec(f, i, spec, args);
      if (i >= f.length() || !convert(f.charAt(i), spec, args, out)) {
        break;
      }
      if (out.length() > MAX_LENGTH) {
        throw new SqlException(ResultCode.TOOBIG, "string or blob too big");
      }
      appended = true;
      i++;
    }
    return appended ? Value.of(out.toString()) : Value.NULL;
  }

  /** Reads flags, width, precision and length modifiers; returns the index of the type. */
  private static int parseSpec(String f, int i, Spec s, Args args) {
    for (; i < f.length(); i++) {
      char c = f.charAt(i);
      switch (c) {
        case '-' -> s.left = true;
        case '+', ' ' -> s.prefix = c;
        case '#' -> s.alt = true;
        case '!' -> s.alt2 = true;
        case '0' -> s.zero = true;
        case ',' -> s.comma = true;
        default -> {
          return parseWidth(f, i, s, args);
        }
      }
    }
    return i;
  }

  /** Width, precision and 'l's; flags may follow a width that a '.' or 'l' follows. */
  private static int parseWidth(String f, int i, Spec s, Args args) {
    char c = f.charAt(i);
    if (c >= '1' && c <= '9') {
      long w = 0;
      for (; i < f.length() && isDigit(f.charAt(i)); i++) {
        w = Math.min(w * 10 + f.charAt(i) - '0', Integer.MAX_VALUE);
      }
      s.width = (int) w;
    } else if (c == '*') {
      int w = (int) args.nextLong(); // a C int, as SQLite reads it
      if (w < 0) {
        s.left = true;
        w = w == Integer.MIN_VALUE ? 0 : -w;
      }
      s.width = w;
      i++;
    }
    if (i < f.length() && f.charAt(i) == '.') {
      i = parsePrecision(f, i + 1, s, args);
    }
    while (i < f.length() && f.charAt(i) == 'l') {
      i++;
    }
    return i;
  }

  private static int parsePrecision(String f, int i, Spec s, Args args) {
    if (i < f.length() && f.charAt(i) == '*') {
      int p = (int) args.nextLong();
      s.precision = p >= 0 ? p : p == Integer.MIN_VALUE ? -1 : -p;
      return i + 1;
    }
    long p = 0;
    for (; i < f.length() && isDigit(f.charAt(i)); i++) {
      p = Math.min(p * 10 + f.charAt(i) - '0', Integer.MAX_VALUE);
    }
    s.precision = (int) p;
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Appends one conversion; false for an unknown type, which ends the output. */
  private static boolean convert(char type, Spec s, Args args, StringBuilder out) {
    switch (type) {
      case 'd', 'i', 'u', 'x', 'X', 'p', 'o', 'r' -> integer(args.nextLong(), type, s, out);
      case 'f', 'e', 'E', 'g', 'G' -> {
        String t = PrintfReal.format(args.nextDouble(), type, s);
        pad(t, t.length(), s.width, s, out);
      }
      case 's', 'z' -> text(args.nextText(), s, out);
      case 'c' -> character(args.nextText(), s, out);
      case 'q', 'Q', 'w' -> escaped(args.nextText(), type, s, out);
      case '%' -> pad("%", 1, s.width, s, out);
      case 'n' -> { }
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * %d %i %u %x %X %p %o %r: digits, zero-padded to the precision (to the width with the 0 flag),
   * thousands separators (decimal only), then the sign and the # prefix.
   */
  private static void integer(long v, char type, Spec s, StringBuilder out) {
    boolean signed = type == 'd' || type == 'i' || type == 'r';
    char sign = signed ? (v < 0 ? '-' : s.prefix) : 0;
    long magnitude = signed && v < 0 ? -v : v; // unsigned: -MIN_VALUE is 2^63
    int precision = s.precision;
    int signWidth = sign != 0 ? 1 : 0;
    if (s.zero && precision < s.width - signWidth) {
      precision = s.width - signWidth;
    }
    checkLength(precision);
    StringBuilder body = new StringBuilder(switch (type) {
      case 'x' -> Long.toHexString(magnitude);
      case 'X', 'p' -> Long.toHexString(magnitude).toUpperCase(java.util.Locale.ROOT);
      case 'o' -> Long.toOctalString(magnitude);
      default -> Long.toUnsignedString(magnitude);
    });
    if (type == 'r') {
      body.append(ordinalSuffix(magnitude));
    }
    if (precision > body.length()) {
      body.insert(0, "0".repeat(precision - body.length()));
    }
    String t = s.comma && (type == 'd' || type == 'i' || type == 'u')
        ? thousands(body.toString()) : body.toString();
    if (sign != 0) {
      t = sign + t;
    }
    if (s.alt && v != 0) {
      t = (type == 'o' ? "0" : type == 'x' || type == 'p' ? "0x" : type == 'X' ? "0X" : "") + t;
    }
    pad(t, t.length(), s.width, s, out);
  }

  /** The ordinal suffix of an unsigned magnitude: st, nd, rd, th (11th, 12th, 13th). */
  private static String ordinalSuffix(long magnitude) {
    int last = (int) Long.remainderUnsigned(magnitude, 10);
    long tens = Long.remainderUnsigned(Long.divideUnsigned(magnitude, 10), 10);
    if (last >= 4 || tens == 1) {
      return "th";
    }
    return new String[] {"th", "st", "nd", "rd"}[last];
  }

  /** Groups digits by three from the right with commas. */
  static String thousands(String digits) {
    StringBuilder sb = new StringBuilder();
    int first = (digits.length() - 1) % 3 + 1;
    sb.append(digits, 0, first);
    for (int i = first; i < digits.length(); i += 3) {
      sb.append(',').append(digits, i, i + 3);
    }
    return sb.toString();
  }

  /**
   * Writes {@code text}, whose length in SQLite's units is {@code length}, padded with spaces to
   * {@code width} on the left, or on the right when left-justified.
   */
  private static void pad(String text, int length, int width, Spec s, StringBuilder out) {
    int fill = width - length;
    if (fill > 0) {
      checkLength((long) out.length() + width);
    }
    if (fill > 0 && !s.left) {
      out.append(" ".repeat(fill));
    }
    out.append(text);
    if (fill > 0 && s.left) {
      out.append(" ".repeat(fill));
    }
  }

  static void checkLength(long n) {
    if (n > MAX_LENGTH) {
      throw new SqlException(ResultCode.TOOBIG, "string or blob too big");
    }
  }

  /** The number of UTF-8 continuation bytes in {@code b[0..n)}. */
  private static int continuations(byte[] b, int n) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      if ((b[i] & 0xc0) == 0x80) {
        k++;
      }
    }
    return k;
  }

  /** The bytes that {@code chars} whole UTF-8 characters from the start of {@code b} take. */
  private static int charBytes(byte[] b, int chars) {
    int i = 0;
    while (chars-- > 0 && i < b.length) {
      if ((b[i++] & 0xff) >= 0xc0) {
        while (i < b.length && (b[i] & 0xc0) == 0x80) {
          i++;
        }
      }
    }
    return i;
  }

  /** Writes bytes as SQLite measures them: in bytes, or in characters with {@code !}. */
  private static void writeBytes(byte[] b, int n, boolean chars, Spec s, StringBuilder out) {
    int length = chars && s.width > 0 ? n - continuations(b, n) : n;
    pad(new String(b, 0, n, StandardCharsets.UTF_8), length, s.width, s, out);
  }

  /** %s, %z: the text cut to the precision (bytes, or characters with !). */
  private static void text(byte[] v, Spec s, StringBuilder out) {
    byte[] b = v == null ? new byte[0] : v;
    int n = b.length;
    if (s.precision >= 0) {
      n = s.alt2 ? charBytes(b, s.precision) : Math.min(s.precision, b.length);
    }
    writeBytes(b, n, s.alt2, s, out);
  }

  /**
   * %c: the first character (a NUL for empty text or NULL), {@code precision} times; width in
   * characters.
   */
  private static void character(byte[] v, Spec s, StringBuilder out) {
    int n = 1;
    byte[] b = v == null || v.length == 0 ? new byte[1] : v;
    if ((b[0] & 0xc0) == 0xc0) {
      while (n < 4 && n < b.length && (b[n] & 0xc0) == 0x80) {
        n++;
      }
    }
    String c = new String(b, 0, n, StandardCharsets.UTF_8);
    int width = s.width;
    if (s.precision > 1) {
      width -= s.precision - 1;
      if (width > 1 && !s.left) {
        out.append(" ".repeat(width - 1));
        width = 0;
      }
      checkLength((long) out.length() + (long) n * s.precision);
      out.append(c.repeat(s.precision - 1));
    }
    int length = width > 0 ? n - continuations(b, n) : n;
    pad(c, length, width, s, out);
  }

  /**
   * %q, %Q, %w: the text with its quote character doubled, %Q's enclosed in quotes; NULL as
   * (NULL), or NULL for %Q. The precision limits the input bytes (characters with !) used.
   */
  private static void escaped(byte[] v, char type, Spec s, StringBuilder out) {
    byte q = (byte) (type == 'w' ? '"' : '\'');
    byte[] b = v != null ? v : (type == 'Q' ? "NULL" : "(NULL)").getBytes(StandardCharsets.UTF_8);
    int used = 0;
    for (int k = s.precision; k != 0 && used < b.length; used++, k--) {
      if (s.alt2 && (b[used] & 0xc0) == 0xc0) {
        while (used + 1 < b.length && (b[used + 1] & 0xc0) == 0x80) {
          used++;
        }
      }
    }
    boolean enclose = v != null && type == 'Q';
    java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream(used + 3);
    if (enclose) {
      e.write(q);
    }
    for (int i = 0; i < used; i++) {
      e.write(b[i]);
      if (b[i] == q) {
        e.write(q);
      }
    }
    if (enclose) {
      e.write(q);
    }
    byte[] r = e.toByteArray();
    writeBytes(r, r.length, s.alt2, s, out);
  }
}
