package dev.pagoda.executor.json;

/** Quoting and unquoting of JSON strings as SQLite does it. */
final class JsonStrings {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonStrings() {}

  /** Appends {@code s} as a JSON string literal, quotes included (SQLite's jsonAppendString). */
  static void appendQuoted(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c <= 0x1f) {
        appendControl(out, c);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /** A control character as SQLite escapes it: \b \t \n \f \r, else \\u00XX. */
  static void appendControl(StringBuilder out, char c) {
    switch (c) {
      case '\b' -> out.append("\\b");
      case '\t' -> out.append("\\t");
      case '\n' -> out.append("\\n");
      case '\f' -> out.append("\\f");
      case '\r' -> out.append("\\r");
      default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
  }

  /**
   * Appends a string stored with JSON5 escapes or raw specials (kind TEXT5) in canonical form:
   * RFC 8259 escapes stay as written, JSON5 ones become RFC 8259 ones, line continuations go.
   */
  static void appendText5(StringBuilder out, String s) {
    out.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"') {
        out.append("\\\"");
      } else if (c <= 0x1f) {
        appendControl(out, c);
      } else if (c != '\\' || i + 1 >= n) {
        out.append(c);
      } else {
        char e = s.charAt(++i);
        switch (e) {
          case '\'' -> out.append('\'');
          case 'v' -> out.append("\\u000b");
          case '0' -> out.append("\\u0000");
          case 'x' -> {
            out.append("\\u00").append(s, i + 1, Math.min(n, i + 3));
            i += 2;
          }
          case '\r' -> {
            if (i + 1 < n && s.charAt(i + 1) == '\n') {
              i++;
            }
          }
          case '\n', '\u2028', '\u2029' -> { }
          default -> out.append('\\').append(e);
        }
      }
    }
    out.append('"');
  }

  /** The characters a stored string denotes, all escapes resolved. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= n) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case '0' -> out.append('\0');
        case 'x' -> {
          out.append((char) hex(s, i + 1, 2));
          i += 2;
        }
        case 'u' -> i = unicode(out, s, i);
        case '\r' -> {
          if (i + 1 < n && s.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n', '\u2028', '\u2029' -> { }
        default -> out.append(e);
      }
    }
    return out.toString();
  }

  /** Decodes \\uXXXX at {@code i} (the 'u'), joining surrogate pairs; returns the last index. */
  private static int unicode(StringBuilder out, String s, int i) {
    int v = hex(s, i + 1, 4);
    i += 4;
    if (Character.isHighSurrogate((char) v) && s.startsWith("\\u", i + 1) && i + 6 < s.length()) {
      int low = hex(s, i + 3, 4);
      if (Character.isLowSurrogate((char) low)) {
        out.append((char) v).append((char) low);
        return i + 6;
      }
    }
    // SQLite writes a lone surrogate as invalid UTF-8, which reads back as U+FFFD.
    out.append(Character.isSurrogate((char) v) ? '\ufffd' : (char) v);
    return i;
  }

  private static int hex(String s, int from, int count) {
    int v = 0;
    for (int k = from; k < from + count && k < s.length(); k++) {
      v = v * 16 + Math.max(0, Character.digit(s.charAt(k), 16));
    }
    return v;
  }

  /** Whether a stored label equals a key (both given with their kinds' escaping). */
  static boolean labelEquals(JsonNode label, String key, boolean rawKey) {
    boolean rawLabel = label.kind == JsonNode.TEXT || label.kind == JsonNode.TEXTRAW;
    if (rawLabel && rawKey) {
      return label.text.equals(key);
    }
    String a = rawLabel ? label.text : unescape(label.text);
    String b = rawKey ? key : unescape(key);
    return a.equals(b);
  }
}
