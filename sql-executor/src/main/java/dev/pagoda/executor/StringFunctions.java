package dev.pagoda.executor;

import static dev.pagoda.executor.Builtin.VARIADIC;

import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.Value;
import java.util.Arrays;
import java.util.List;

/**
 * The text built-ins: lengths, case (ASCII only, as SQLite without ICU), trimming, searching,
 * substrings, code points, concatenation, LIKE and GLOB as functions, and printf/format. Text is
 * counted in characters (code points), blobs in bytes.
 */
final class StringFunctions {
  private StringFunctions() {}

  /** substr()'s length when none is given: SQLite's SQLITE_MAX_LENGTH. */
  private static final long NO_LENGTH = CoreFunctions.MAX_LENGTH;

  static List<ScalarFunction> all() {
    return List.of(
        Builtin.of("length", 1, 1, a -> length(a[0])),
        Builtin.of("octet_length", 1, 1, a -> octetLength(a[0])),
        Builtin.of("lower", 1, 1, a -> ascii(a[0], false)),
        Builtin.of("upper", 1, 1, a -> ascii(a[0], true)),
        Builtin.of("ltrim", 1, 2, a -> trim(a, true, false)),
        Builtin.of("rtrim", 1, 2, a -> trim(a, false, true)),
        Builtin.of("trim", 1, 2, a -> trim(a, true, true)),
        Builtin.of("replace", 3, 3, StringFunctions::replace),
        Builtin.of("instr", 2, 2, StringFunctions::instr),
        Builtin.of("substr", 2, 3, StringFunctions::substr),
        Builtin.of("substring", 2, 3, StringFunctions::substr),
        Builtin.of("unicode", 1, 1, StringFunctions::unicode),
        Builtin.of("char", 0, VARIADIC, StringFunctions::chars),
        Builtin.of("concat", 1, VARIADIC, a -> concat(a, 0, "")),
        Builtin.of("concat_ws", 2, VARIADIC,
            a -> a[0].isNull() ? Value.NULL : concat(a, 1, Values.toText(a[0]))),
        Builtin.of("like", 2, 3, StringFunctions::like),
        Builtin.of("glob", 2, 2, StringFunctions::glob),
        Builtin.of("printf", 0, VARIADIC, Printf::format),
        Builtin.of("format", 0, VARIADIC, Printf::format));
  }

  /** length(): characters of text (up to a NUL, as SQLite), bytes of a blob, NULL for NULL. */
  static Value length(Value v) {
    if (v.isNull()) {
      return v;
    }
    if (v instanceof Value.Blob b) {
      return Value.of((long) b.bytes().length);
    }
    String s = Values.toText(v);
    int nul = s.indexOf('\0');
    return Value.of((long) s.codePointCount(0, nul < 0 ? s.length() : nul));
  }

  private static Value octetLength(Value v) {
    if (v.isNull()) {
      return v;
    }
    if (v instanceof Value.Blob b) {
      return Value.of((long) b.bytes().length);
    }
    return Value.of((long) utf8Length(Values.toText(v)));
  }

  /** The UTF-8 length of {@code s}, without encoding it. */
  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** lower() and upper(): only the 26 ASCII letters change. */
  private static Value ascii(Value v, boolean upper) {
    if (v.isNull()) {
      return v;
    }
    String s = Values.toText(v);
    char[] out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char m = upper ? (c >= 'a' && c <= 'z' ? (char) (c - 32) : c)
          : (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
      if (m != c) {
        if (out == null) {
          out = s.toCharArray();
        }
        out[i] = m;
      }
    }
    return out == null && v instanceof Value.Text ? v : Value.of(out == null ? s : new String(out));
  }

  private static Value trim(Value[] a, boolean left, boolean right) {
    if (a[0].isNull() || (a.length > 1 && a[1].isNull())) {
      return Value.NULL;
    }
    String s = Values.toText(a[0]);
    String set = a.length > 1 ? Values.toText(a[1]) : " ";
    int start = 0;
    int end = s.length();
    while (left && start < end && set.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (right && end > start && set.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return Value.of(s.substring(start, end));
  }

  private static Value replace(Value[] a) {
    if (a[0].isNull() || a[1].isNull()) {
      return Value.NULL;
    }
    String s = Values.toText(a[0]);
    String from = Values.toText(a[1]);
    if (from.isEmpty()) {
      return Value.of(s);
    }
    return a[2].isNull() ? Value.NULL : Value.of(s.replace(from, Values.toText(a[2])));
  }

  /** instr(): 1-based position of the first occurrence; bytes for two blobs, else characters. */
  private static Value instr(Value[] a) {
    if (a[0].isNull() || a[1].isNull()) {
      return Value.NULL;
    }
    if (a[0] instanceof Value.Blob x && a[1] instanceof Value.Blob y) {
      return Value.of((long) indexOf(x.bytes(), y.bytes()) + 1);
    }
    String s = Values.toText(a[0]);
    int at = s.indexOf(Values.toText(a[1]));
    return Value.of(at < 0 ? 0L : s.codePointCount(0, at) + 1L);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * substr(x, start [, length]): 1-based start, counted from the end when negative; start 0
   * takes one character fewer; a negative length takes the characters before start.
   */
  private static Value substr(Value[] a) {
    for (Value v : a) {
      if (v.isNull()) {
        return Value.NULL;
      }
    }
    long p1 = Values.toLong(a[1]);
    long p2 = a.length > 2 ? Values.toLong(a[2]) : NO_LENGTH;
    boolean blob = a[0] instanceof Value.Blob;
    if (blob && ((Value.Blob) a[0]).bytes().length == 0) {
      return Value.NULL; // sqlite3_value_blob() of an empty blob is a null pointer
    }
    String s = blob ? null : Values.toText(a[0]);
    long len = blob ? ((Value.Blob) a[0]).bytes().length : s.codePointCount(0, s.length());
    boolean negative = p2 < 0;
    p2 = Math.abs(p2);
    if (p1 < 0) {
      p1 += len;
      if (p1 < 0) {
        p2 = Math.max(0, p2 + p1);
        p1 = 0;
      }
    } else if (p1 > 0) {
      p1--;
    } else if (p2 > 0) {
      p2--;
    }
    if (negative) {
      p1 -= p2;
      if (p1 < 0) {
        p2 += p1;
        p1 = 0;
      }
    }
    int from = (int) Math.min(p1, len);
    int to = (int) (p2 >= len - from ? len : from + p2);
    if (blob) {
      return new Value.Blob(Arrays.copyOfRange(((Value.Blob) a[0]).bytes(), from, Math.max(from, to)));
    }
    if (to <= from) {
      return Value.of("");
    }
    int b = s.offsetByCodePoints(0, from);
    return Value.of(s.substring(b, s.offsetByCodePoints(b, to - from)));
  }

  private static Value unicode(Value[] a) {
    if (a[0].isNull()) {
      return Value.NULL;
    }
    String s = cText(a[0]);
    return s.isEmpty() ? Value.NULL : Value.of((long) s.codePointAt(0));
  }

  /** char(): the characters with the given code points; invalid ones become U+FFFD. */
  private static Value chars(Value[] a) {
    StringBuilder sb = new StringBuilder(a.length);
    for (Value v : a) {
      long cp = Values.toLong(v);
      sb.appendCodePoint(cp < 0 || cp > Character.MAX_CODE_POINT ? 0xFFFD : (int) cp);
    }
    return Value.of(sb.toString());
  }

  private static Value concat(Value[] a, int from, String separator) {
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (int i = from; i < a.length; i++) {
      if (!a[i].isNull()) {
        if (!first) {
          sb.append(separator);
        }
        sb.append(Values.toText(a[i]));
        first = false;
      }
    }
    return Value.of(sb.toString());
  }

  /** like(pattern, x [, escape]): note the reversed operands of {@code x LIKE pattern}. */
  private static Value like(Value[] a) {
    int escape = LikePattern.NO_ESCAPE;
    if (a.length > 2) { // as SQLite: the escape is checked before the operands' NULLs
      if (a[2].isNull()) {
        return Value.NULL;
      }
      escape = LikePattern.escapeChar(a[2]);
    }
    if (a[0].isNull() || a[1].isNull()) {
      return Value.NULL;
    }
    LikePattern p = LikePattern.like(Values.toText(a[0]), escape);
    return Values.of(p.matches(Values.toText(a[1])));
  }

  private static Value glob(Value[] a) {
    if (a[0].isNull() || a[1].isNull()) {
      return Value.NULL;
    }
    return Values.of(LikePattern.glob(Values.toText(a[0])).matches(Values.toText(a[1])));
  }

  /**
   * The value's text up to its first NUL, for the functions that SQLite writes over C strings
   * (unicode, unhex, printf); null for NULL.
   */
  static String cText(Value v) {
    String s = Values.toText(v);
    int nul = s == null ? -1 : s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }
}
