package dev.pagoda.executor.json;

/**
 * JSON number literals as SQLite reads and writes them: the parser's acceptance rules (JSON5 hex,
 * signs and bare points), the minified rendering of JSON5 forms, and conversion to SQL values.
 */
final class JsonNumbers {
  private JsonNumbers() {}

  private static char at(String z, int i) {
    return i < z.length() ? z.charAt(i) : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Parses the number at {@code i} for {@code p}; returns what {@link JsonParser} expects. */
  static int parse(JsonParser p, String z, int i) {
    char c = z.charAt(i);
    boolean json5 = c == '+';
    int t = 0; // bit 1: JSON5 form; bit 2: real
    if (c == '.') {
      if (!isDigit(at(z, i + 1))) {
        return p.fail(i);
      }
      return digits(p, z, i, 3, true);
    }
    if (c == '0' || c == '-' || c == '+') {
      if (c == '0') {
        if ((at(z, i + 1) == 'x' || at(z, i + 1) == 'X') && JsonParser.isHex(at(z, i + 2))) {
          return hex(p, z, i, i + 3);
        } else if (isDigit(at(z, i + 1))) {
          return p.fail(i + 1);
        }
      } else {
        char d = at(z, i + 1);
        if (!isDigit(d)) {
          int inf = signedInfinity(z, i + 1);
          if (inf > 0) {
            String text = c == '-' ? "-9e999" : "9e999";
            return p.number(JsonNode.scalar(JsonNode.FLOAT, text), i + 1 + inf, true);
          }
          if (d == '.') {
            return digits(p, z, i, 1, true);
          }
          return p.fail(i);
        }
        if (d == '0') {
          if (isDigit(at(z, i + 2))) {
            return p.fail(i + 1);
          } else if ((at(z, i + 2) == 'x' || at(z, i + 2) == 'X')
              && JsonParser.isHex(at(z, i + 3))) {
            return hex(p, z, i, i + 4);
          }
        }
      }
    }
    return digits(p, z, i, t, json5);
  }

  private static int signedInfinity(String z, int i) {
    if (!z.regionMatches(true, i, "inf", 0, 3)) {
      return 0;
    }
    // After a sign SQLite takes "inf" or "infinity" without looking at what follows.
    return z.regionMatches(true, i + 3, "inity", 0, 5) ? 8 : 3;
  }

  private static int hex(JsonParser p, String z, int i, int from) {
    int j = from;
    while (JsonParser.isHex(at(z, j))) {
      j++;
    }
    int s = z.charAt(i) == '+' ? i + 1 : i;
    return p.number(JsonNode.scalar(JsonNode.INT5, z.substring(s, j)), j, true);
  }

  private static int digits(JsonParser p, String z, int i, int t, boolean json5) {
    int j = i + 1;
    boolean seenPointOrE = false;
    while (true) {
      char c = at(z, j);
      if (isDigit(c)) {
        j++;
        continue;
      }
      if (c == '.') {
        if ((t & 2) != 0) {
          return p.fail(j);
        }
        t |= 2;
        j++;
        continue;
      }
      if (c == 'e' || c == 'E') {
        char prev = z.charAt(j - 1);
        if (prev < '0') {
          if (prev == '.' && j - 2 >= i && isDigit(z.charAt(j - 2))) {
            t |= 1;
          } else {
            return p.fail(j);
          }
        }
        if (seenPointOrE) {
          return p.fail(j);
        }
        t |= 2;
        seenPointOrE = true;
        c = at(z, j + 1);
        if (c == '+' || c == '-') {
          j++;
          c = at(z, j + 1);
        }
        if (!isDigit(c)) {
          return p.fail(j);
        }
        j += 2;
        continue;
      }
      break;
    }
    char prev = z.charAt(j - 1);
    if (prev < '0') {
      if (prev == '.' && j - 2 >= i && isDigit(z.charAt(j - 2))) {
        t |= 1;
      } else {
        return p.fail(j);
      }
    }
    int s = z.charAt(i) == '+' ? i + 1 : i;
    int kind = JsonNode.INT + t;
    return p.number(JsonNode.scalar(kind, z.substring(s, j)), j, json5 || (t & 1) != 0);
  }

  /** SQLite's minified form of a JSON5 hex integer: decimal, or 9.0e999 when it overflows. */
  static String renderHex(String text) {
    StringBuilder out = new StringBuilder();
    int k = 2;
    if (text.charAt(0) == '-') {
      out.append('-');
      k++;
    } else if (text.charAt(0) == '+') {
      k++;
    }
    long u = 0;
    boolean overflow = false;
    for (; k < text.length(); k++) {
      if ((u >>> 60) != 0) {
        overflow = true;
      } else {
        u = u * 16 + Character.digit(text.charAt(k), 16);
      }
    }
    return overflow ? out.append("9.0e999").toString() : out.append(Long.toUnsignedString(u))
        .toString();
  }

  /** SQLite's minified form of a JSON5 real: digits added around a bare point. */
  static String renderFloat5(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    int k = 0;
    if (text.charAt(0) == '-') {
      out.append('-');
      k++;
    }
    if (text.charAt(k) == '.') {
      out.append('0');
    }
    for (; k < text.length(); k++) {
      char c = text.charAt(k);
      out.append(c);
      if (c == '.' && (k + 1 == text.length() || !isDigit(text.charAt(k + 1)))) {
        out.append('0');
      }
    }
    return out.toString();
  }
}
