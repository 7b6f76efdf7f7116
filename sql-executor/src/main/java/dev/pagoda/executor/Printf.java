package dev.pagoda.executor;

import dev.pagoda.spi.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * SQLite's printf() / format(): conversions {@code %d %i %u %x %X %o %r %f %e %E %g %G %s %z %c
 * %q %Q %w %p %n %%}, flags {@code - + space 0 # , !}, width and precision (also as {@code *}) and
 * the ignored length modifier {@code l}. Arguments are read with SQLite's conversions; missing
 * ones read as 0 or ''. An unknown or unfinished conversion ends the output, and an empty output
 * is NULL, as in SQLite.
 *
 * <p>Floating point follows SQLite: halves round away from zero, at most 16 significant digits
 * are produced (26 with {@code !}) and the rest is zeros; infinities are {@code Inf}.
 *
 * <p>Gaps: {@code %T}, {@code %S} and the other internal conversions end the output, as in
 * SQLite; with {@code !} a float gets up to 26 significant digits but SQLite's further
 * alternate-form changes (trailing zeros dropped, {@code 1.0e+100}) are not made.
 */
final class Printf {
  private Printf() {}

  /** One conversion's flags, width and precision. */
  private static final class Spec {
    boolean left;
    boolean plus;
    boolean space;
    boolean zero;
    boolean alt;
    boolean comma;
    boolean bang;
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

    String nextText() {
      Value v = next();
      return v == null || v.isNull() ? null : StringFunctions.cText(v);
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
      appended = true;
      i++;
    }
    return appended ? Value.of(out.toString()) : Value.NULL;
  }

  /** Reads flags, width, precision and length modifiers; returns the index of the type. */
  private static int parseSpec(String f, int i, Spec s, Args args) {
    for (; i < f.length(); i++) {
      switch (f.charAt(i)) {
        case '-' -> s.left = true;
        case '+' -> s.plus = true;
        case ' ' -> s.space = true;
        case '0' -> s.zero = true;
        case '#' -> s.alt = true;
        case ',' -> s.comma = true;
        case '!' -> s.bang = true;
        default -> {
          return parseWidth(f, i, s, args);
        }
      }
    }
    return i;
  }

  private static int parseWidth(String f, int i, Spec s, Args args) {
    if (i < f.length() && f.charAt(i) == '*') {
      long w = args.nextLong();
      s.left |= w < 0;
      s.width = (int) Math.min(Math.abs(w), 100_000);
      i++;
    } else {
      for (; i < f.length() && Character.isDigit(f.charAt(i)); i++) {
        s.width = Math.min(s.width * 10 + f.charAt(i) - '0', 100_000);
      }
    }
    if (i < f.length() && f.charAt(i) == '.') {
      i++;
      s.precision = 0;
      if (i < f.length() && f.charAt(i) == '*') {
        long p = args.nextLong();
        s.precision = p < 0 ? -1 : (int) Math.min(p, 100_000);
        i++;
      } else {
        for (; i < f.length() && Character.isDigit(f.charAt(i)); i++) {
          s.precision = Math.min(s.precision * 10 + f.charAt(i) - '0', 100_000);
        }
      }
    }
    while (i < f.length() && f.charAt(i) == 'l') {
      i++;
    }
    return i;
  }

  /** Appends one conversion; false for an unknown type, which ends the output. */
  private static boolean convert(char type, Spec s, Args args, StringBuilder out) {
    switch (type) {
      case 'd', 'i' -> integer(args.nextLong(), true, 10, s, out, "");
      case 'u' -> integer(args.nextLong(), false, 10, s, out, "");
      case 'x' -> integer(args.nextLong(), false, 16, s, out, s.alt ? "0x" : "");
      case 'X', 'p' -> integer(args.nextLong(), false, -16, s, out, s.alt ? "0X" : "");
      case 'r' -> ordinal(args.nextLong(), s, out);
      case 'o' -> integer(args.nextLong(), false, 8, s, out, s.alt ? "0" : "");
      case 'f', 'e', 'E', 'g', 'G' -> real(args.nextDouble(), type, s, out);
      case 's', 'z' -> text(args.nextText(), s, out);
      case 'c' -> character(args.nextText(), s, out);
      case 'q' -> pad(quoted(limit(args.nextText(), s), '\'', "(NULL)", false), s, out);
      case 'Q' -> pad(quoted(limit(args.nextText(), s), '\'', "NULL", true), s, out);
      case 'w' -> pad(quoted(limit(args.nextText(), s), '"', "(NULL)", false), s, out);
      case '%' -> out.append('%');
      case 'n' -> { }
      default -> {
        return false;
      }
    }
    return true;
  }

  private static void integer(long v, boolean signed, int radix, Spec s, StringBuilder out,
      String prefix) {
    boolean negative = signed && v < 0;
    String digits = switch (radix) {
      case 16 -> Long.toHexString(v);
      case -16 -> Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
      case 8 -> Long.toOctalString(v);
      default -> Long.toUnsignedString(negative ? -v : v);
    };
    String sign = negative ? "-" : signed && s.plus ? "+" : signed && s.space ? " " : "";
    if (v == 0) {
      prefix = "";
    }
    int precision = s.precision;
    if (s.zero) { // as in SQLite, zero padding is a minimum digit count, even left-justified
      precision = Math.max(precision, s.width - sign.length() - prefix.length());
    }
    if (precision > digits.length()) {
      digits = "0".repeat(precision - digits.length()) + digits;
    }
    if (s.comma && radix == 10) {
      digits = thousands(digits);
    }
    pad(sign + prefix + digits, s, out);
  }

  /** {@code %r}: 1st, 2nd, 3rd, 4th, 11th, 21st... */
  private static void ordinal(long v, Spec s, StringBuilder out) {
    long m = Math.abs(v % 100);
    String suffix = m / 10 == 1 ? "th" : switch ((int) (m % 10)) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    String sign = v < 0 ? "-" : s.plus ? "+" : s.space ? " " : "";
    numeric(sign, Long.toUnsignedString(Math.abs(v)) + suffix, s, out);
  }

  private static String thousands(String digits) {
    StringBuilder sb = new StringBuilder();
    int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    sb.append(digits, 0, first);
    for (int i = first; i < digits.length(); i += 3) {
      sb.append(',').append(digits, i, i + 3);
    }
    return sb.toString();
  }

  /** Pads a number: zeros go between its sign or prefix and its digits. */
  private static void numeric(String head, String body, Spec s, StringBuilder out) {
    int n = head.length() + body.length();
    if (s.zero && !s.left && n < s.width) {
      out.append(head).append("0".repeat(s.width - n)).append(body);
    } else {
      pad(head + body, s, out);
    }
  }

  /** Pads to the width, counted in UTF-8 bytes (in characters with the {@code !} flag). */
  private static void pad(String text, Spec s, StringBuilder out) {
    int n = s.bang ? text.codePointCount(0, text.length()) : StringFunctions.utf8Length(text);
    String fill = n < s.width ? " ".repeat(s.width - n) : "";
    if (s.left) {
      out.append(text).append(fill);
    } else {
      out.append(fill).append(text);
    }
  }

  private static void text(String v, Spec s, StringBuilder out) {
    String t = v == null ? "" : v;
    if (s.precision >= 0) {
      t = s.bang ? prefixChars(t, s.precision) : prefixBytes(t, s.precision);
    }
    pad(t, s, out);
  }

  /** A %q/%Q/%w argument cut to the precision. */
  private static String limit(String t, Spec s) {
    if (t == null || s.precision < 0) {
      return t;
    }
    return s.bang ? prefixChars(t, s.precision) : prefixBytes(t, s.precision);
  }

  private static String prefixChars(String t, int n) {
    return t.codePointCount(0, t.length()) <= n ? t : t.substring(0, t.offsetByCodePoints(0, n));
  }

  /** The longest prefix of whole characters within {@code n} UTF-8 bytes. */
  private static String prefixBytes(String t, int n) {
    int bytes = 0;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes > n) {
        return t.substring(0, i);
      }
      i += Character.charCount(cp);
    }
    return t;
  }

  private static void character(String v, Spec s, StringBuilder out) {
    if (v == null || v.isEmpty()) {
      pad("\0", s, out); // SQLite writes the C string's terminating NUL
      return;
    }
    String c = new String(Character.toChars(v.codePointAt(0)));
    pad(s.precision > 1 ? c.repeat(s.precision) : c, s, out);
  }

  private static String quoted(String v, char quote, String ifNull, boolean enclose) {
    if (v == null) {
      return ifNull;
    }
    String q = String.valueOf(quote);
    String body = v.replace(q, q + q);
    return enclose ? q + body + q : body;
  }

  private static void real(double d, char type, Spec s, StringBuilder out) {
    String sign = d < 0 ? "-" : s.plus ? "+" : s.space ? " " : "";
    if (Double.isNaN(d)) {
      pad("NaN", s, out);
      return;
    }
    if (Double.isInfinite(d)) {
      pad(sign + "Inf", s, out);
      return;
    }
    int precision = s.precision < 0 ? 6 : s.precision;
    int maxDigits = s.bang ? 26 : 16;
    BigDecimal x = new BigDecimal(Math.abs(d));
    String body = switch (type) {
      case 'f' -> fixed(x, precision, maxDigits, s.alt);
      case 'e', 'E' -> scientific(x, precision, maxDigits, s.alt, type == 'E');
      default -> general(x, precision, maxDigits, s.alt, type == 'G');
    };
    if (s.comma && body.indexOf('e') < 0 && body.indexOf('E') < 0) {
      int point = body.indexOf('.');
      int end = point < 0 ? body.length() : point;
      body = thousands(body.substring(0, end)) + body.substring(end);
    }
    numeric(sign, body, s, out);
  }

  /** The decimal exponent of the leading digit of {@code x} (0 for zero). */
  private static int exponent(BigDecimal x) {
    return x.signum() == 0 ? 0 : x.precision() - x.scale() - 1;
  }

  private static String fixed(BigDecimal x, int precision, int maxDigits, boolean alt) {
    int significant = exponent(x) + 1 + precision;
    if (x.signum() != 0 && significant > maxDigits) {
      x = x.round(new MathContext(maxDigits, RoundingMode.HALF_UP));
    }
    String t = x.setScale(precision, RoundingMode.HALF_UP).toPlainString();
    return alt && precision == 0 ? t + "." : t;
  }

  private static String scientific(BigDecimal x, int precision, int maxDigits, boolean alt,
      boolean upper) {
    int e = 0;
    String digits = "0".repeat(precision + 1);
    if (x.signum() != 0) {
      BigDecimal r = x.round(new MathContext(Math.min(precision + 1, maxDigits),
          RoundingMode.HALF_UP));
      e = exponent(r);
      String u = r.unscaledValue().toString();
      digits = u.length() >= precision + 1 ? u.substring(0, precision + 1)
          : u + "0".repeat(precision + 1 - u.length());
    }
    StringBuilder sb = new StringBuilder().append(digits.charAt(0));
    if (precision > 0 || alt) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append(upper ? 'E' : 'e').append(e < 0 ? '-' : '+');
    int abs = Math.abs(e);
    return sb.append(abs < 10 ? "0" : "").append(abs).toString();
  }

  private static String general(BigDecimal x, int precision, int maxDigits, boolean alt,
      boolean upper) {
    int p = precision == 0 ? 1 : precision;
    int e = x.signum() == 0 ? 0
        : exponent(x.round(new MathContext(Math.min(p, maxDigits), RoundingMode.HALF_UP)));
    String t = e < -4 || e >= p
        ? scientific(x, p - 1, maxDigits, alt, upper)
        : fixed(x, p - 1 - e, maxDigits, alt);
    if (alt) {
      return t;
    }
    int ePos = Math.max(t.indexOf('e'), t.indexOf('E'));
    String mantissa = ePos < 0 ? t : t.substring(0, ePos);
    String tail = ePos < 0 ? "" : t.substring(ePos);
    if (mantissa.indexOf('.') >= 0) {
      mantissa = mantissa.replaceAll("0+$", "");
      if (mantissa.endsWith(".")) {
        mantissa = mantissa.substring(0, mantissa.length() - 1);
      }
    }
    return mantissa + tail;
  }
}
