package dev.pagoda.executor.json;

/**
 * Parses JSON text as SQLite does: RFC 8259 plus the JSON5 extensions SQLite accepts on input
 * (comments, trailing commas, unquoted labels, single quotes, hex integers, points without
 * digits on one side, a leading '+', Infinity and NaN, extra whitespace and escapes).
 *
 * <p>On failure {@link #errorIndex()} is the index SQLite reports (the start of the offending
 * token, or 0 for trailing text after a complete value). {@link #isNonStandard()} tells whether
 * any JSON5 extension was used, for {@code json_valid(X, 1)}.
 */
final class JsonParser {
  /** SQLite's JSON_MAX_DEPTH. */
  static final int MAX_DEPTH = 1000;

  // Codes for a token that is not a value, as SQLite's parser returns them.
  private static final int END = 0;
  private static final int ERROR = -1;
  private static final int CLOSE_BRACE = -2;
  private static final int CLOSE_BRACKET = -3;
  private static final int COMMA = -4;
  private static final int COLON = -5;

  private final String z;
  private final int length;
  private boolean nonStandard;
  private int errorIndex;
  private int depth;
  /** The value the last successful {@link #value} call parsed. */
  private JsonNode last;

  private JsonParser(String text) {
    this.z = text;
    this.length = text.length();
  }

  /** Parses {@code text}; null when it is malformed. */
  static JsonNode parseOrNull(String text) {
    return new JsonParser(text).parseAll();
  }

  /** Parses {@code text}, or throws SQLite's "malformed JSON". */
  static JsonNode parse(String text) {
    JsonNode node = parseOrNull(text);
    if (node == null) {
      throw JsonErrors.malformed();
    }
    return node;
  }

  /** A parser that has run over {@code text}, to ask about errors and extensions. */
  static JsonParser check(String text) {
    JsonParser p = new JsonParser(text);
    p.last = p.parseAll();
    return p;
  }

  /** The parsed value when {@link #check} succeeded, else null. */
  JsonNode result() {
    return last;
  }

  boolean isNonStandard() {
    return nonStandard;
  }

  /** SQLite's json_error_position(): 0 when well formed, else a 1-based character position. */
  long errorPosition() {
    if (last != null) {
      return 0;
    }
    int end = Math.min(errorIndex, length);
    return z.codePointCount(0, end) + 1L;
  }

  private JsonNode parseAll() {
    int i = value(0);
    if (i <= 0) {
      return null;
    }
    JsonNode root = last;
    while (isSpace(at(i))) {
      i++;
    }
    if (i < length) {
      i += Json5Space.length(z, i);
      if (i < length) {
        // SQLite reports trailing text at whatever position its parser last noted.
        return null;
      }
      nonStandard = true;
    }
    return root;
  }

  private char at(int i) {
    return i < length ? z.charAt(i) : 0;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /**
   * Parses one value at {@code i}: returns the index after it (and sets {@link #last}), or one of
   * the negative codes (END for end of text) with {@link #errorIndex} at the token.
   */
  private int value(int start) {
    int i = start;
    while (true) {
      char c = at(i);
      switch (c) {
        case '{':
          return object(i);
        case '[':
          return array(i);
        case '"':
        case '\'':
          return string(i);
        case ' ':
        case '\t':
        case '\n':
        case '\r':
          i++;
          continue;
        case 0, '}', ']', ',', ':':
          return punctuation(c, i);
        case 't', 'f', 'n':
          return keyword(i);
        case '+':
        case '-':
        case '.':
        case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
          return JsonNumbers.parse(this, z, i);
        default:
          int ws = Json5Space.length(z, i);
          if (ws > 0) {
            nonStandard = true;
            i += ws;
            continue;
          }
          return nanOrInfinity(i);
      }
    }
  }

  /** A character that cannot start a value: the code telling the caller what it is. */
  private int punctuation(char c, int i) {
    if (c == 0 && i >= length) {
      return END;
    }
    errorIndex = i;
    switch (c) {
      case '}':
        return CLOSE_BRACE;
      case ']':
        return CLOSE_BRACKET;
      case ',':
        return COMMA;
      case ':':
        return COLON;
      default:
        return ERROR;
    }
  }

  /** true, false or null at {@code i}; else the JSON5 words for NaN and infinity. */
  private int keyword(int i) {
    String[] words = {"true", "false", "null"};
    JsonNode[] nodes = {JsonNode.TRUE_NODE, JsonNode.FALSE_NODE, JsonNode.NULL_NODE};
    for (int k = 0; k < words.length; k++) {
      String w = words[k];
      if (z.startsWith(w, i) && !isAlnum(at(i + w.length()))) {
        last = nodes[k];
        return i + w.length();
      }
    }
    if (z.charAt(i) == 'n') {
      return nanOrInfinity(i);
    }
    errorIndex = i;
    return ERROR;
  }

  /** The JSON5 words SQLite takes for numbers: inf, infinity (a huge real), NaN, QNaN, SNaN. */
  private int nanOrInfinity(int i) {
    String[] words = {"inf", "infinity", "nan", "qnan", "snan"};
    for (String w : words) {
      if (z.regionMatches(true, i, w, 0, w.length()) && !isAlnum(at(i + w.length()))) {
        nonStandard = true;
        last = w.endsWith("nan")
            ? JsonNode.NULL_NODE
            : JsonNode.scalar(JsonNode.FLOAT, "9e999");
        return i + w.length();
      }
    }
    errorIndex = i;
    return ERROR;
  }

  /** Called by {@link JsonNumbers} to report a parsed number. */
  int number(JsonNode node, int end, boolean json5) {
    if (json5) {
      nonStandard = true;
    }
    last = node;
    return end;
  }

  /** Called by {@link JsonNumbers} to report a malformed number. */
  int fail(int index) {
    errorIndex = index;
    return ERROR;
  }

  private int enter(int i) {
    if (++depth > MAX_DEPTH) {
      errorIndex = i;
      return ERROR;
    }
    return 0;
  }

  private int array(int i) {
    if (enter(i) == ERROR) {
      return ERROR;
    }
    JsonNode arr = JsonNode.array();
    int j = i + 1;
    while (true) {
      int x = value(j);
      if (x <= 0) {
        if (x == CLOSE_BRACKET) {
          j = errorIndex;
          if (!arr.items.isEmpty()) {
            nonStandard = true;
          }
          break;
        }
        if (x != ERROR) {
          errorIndex = j;
        }
        return ERROR;
      }
      arr.items.add(last);
      j = x;
      int sep = separator(j, ']', CLOSE_BRACKET);
      if (sep < 0) {
        return ERROR;
      }
      j = sep;
      if (at(j) == ']') {
        break;
      }
      j++;
    }
    depth--;
    last = arr;
    return j + 1;
  }

  /**
   * After a value: finds the ',' or closing character, skipping whitespace and comments; returns
   * its index, or ERROR.
   */
  private int separator(int j, char close, int closeCode) {
    char c = at(j);
    if (c == ',' || c == close) {
      return j;
    }
    if (isSpace(c)) {
      j++;
      while (isSpace(at(j))) {
        j++;
      }
      c = at(j);
      if (c == ',' || c == close) {
        return j;
      }
    }
    JsonNode saved = last;
    int x = value(j);
    last = saved;
    if (x == COMMA || x == closeCode) {
      return errorIndex;
    }
    errorIndex = j;
    return ERROR;
  }

  private int object(int i) {
    if (enter(i) == ERROR) {
      return ERROR;
    }
    JsonNode obj = JsonNode.object();
    int j = i + 1;
    while (true) {
      int x = value(j);
      if (x <= 0) {
        if (x == CLOSE_BRACE) {
          j = errorIndex;
          if (!obj.items.isEmpty()) {
            nonStandard = true;
          }
          break;
        }
        x = bareLabel(j, x);
        if (x == ERROR) {
          return ERROR;
        }
      } else if (!last.isString()) {
        errorIndex = j;
        return ERROR;
      }
      obj.items.add(last);
      j = colon(x);
      if (j == ERROR) {
        return ERROR;
      }
      x = value(j);
      if (x <= 0) {
        if (x != ERROR) {
          errorIndex = j;
        }
        return ERROR;
      }
      obj.items.add(last);
      int sep = separator(x, '}', CLOSE_BRACE);
      if (sep < 0) {
        return ERROR;
      }
      j = sep;
      if (at(j) == '}') {
        break;
      }
      j++;
    }
    depth--;
    last = obj;
    return j + 1;
  }

  /** After a label ending at {@code j}: the index after its ':', or ERROR. */
  private int colon(int j) {
    if (at(j) == ':') {
      return j + 1;
    }
    if (isSpace(at(j))) {
      do {
        j++;
      } while (isSpace(at(j)));
      if (at(j) == ':') {
        return j + 1;
      }
    }
    int x = value(j);
    if (x != COLON) {
      if (x != ERROR) {
        errorIndex = j;
      }
      return ERROR;
    }
    return errorIndex + 1;
  }

  /** A JSON5 unquoted label at {@code j} (after whitespace); x is what value() returned. */
  private int bareLabel(int j, int x) {
    j += Json5Space.length(z, j);
    if (!isIdStart(at(j), j)) {
      if (x != ERROR) {
        errorIndex = j;
      }
      return ERROR;
    }
    int k = j + 1;
    int kind = JsonNode.TEXT;
    while (true) {
      char c = at(k);
      if (isIdPart(c) && Json5Space.length(z, k) == 0) {
        k++;
      } else if (c == '\\' && isUnicodeEscape(k + 1)) {
        kind = JsonNode.TEXT5;
        k++;
      } else {
        break;
      }
    }
    nonStandard = true;
    last = JsonNode.scalar(kind, z.substring(j, k));
    return k;
  }

  private boolean isIdStart(char c, int j) {
    return Character.isLetter(c) && c < 0x80 || c == '_' || c == '$' || c >= 0x80
        || c == '\\' && isUnicodeEscape(j + 1);
  }

  private static boolean isIdPart(char c) {
    return c < 0x80 ? isAlnum(c) || c == '_' || c == '$' : true;
  }

  private boolean isUnicodeEscape(int k) {
    return at(k) == 'u' && isHex(at(k + 1)) && isHex(at(k + 2)) && isHex(at(k + 3))
        && isHex(at(k + 4));
  }

  static boolean isAlnum(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private int string(int i) {
    char delim = z.charAt(i);
    int kind = JsonNode.TEXT;
    if (delim == '\'') {
      nonStandard = true;
    }
    int j = i + 1;
    while (true) {
      char c = at(j);
      if (c == delim) {
        break;
      } else if (c == '\\') {
        c = at(++j);
        int esc = escapeKind(j);
        if (esc == 0) {
          errorIndex = j;
          return ERROR;
        }
        if (esc == JsonNode.TEXTJ) {
          kind = kind == JsonNode.TEXT ? JsonNode.TEXTJ : kind;
        } else {
          kind = JsonNode.TEXT5;
          nonStandard = true;
          if (c == '\r' && at(j + 1) == '\n') {
            j++;
          }
        }
      } else if (c <= 0x1f) {
        if (c == 0) {
          errorIndex = j;
          return ERROR;
        }
        kind = JsonNode.TEXT5;
        nonStandard = true;
      } else if (c == '"') {
        kind = JsonNode.TEXT5;
      }
      j++;
    }
    last = JsonNode.scalar(kind, z.substring(i + 1, j));
    return j + 1;
  }

  /** The escape after a backslash at {@code j}: TEXTJ (RFC 8259), TEXT5 (JSON5) or 0 (bad). */
  private int escapeKind(int j) {
    char c = at(j);
    switch (c) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
        return JsonNode.TEXTJ;
      case 'u':
        return isUnicodeEscape(j) ? JsonNode.TEXTJ : 0;
      case '0':
        return at(j + 1) >= '0' && at(j + 1) <= '9' ? 0 : JsonNode.TEXT5;
      case '\'', 'v', '\n', '\r', '\u2028', '\u2029':
        return JsonNode.TEXT5;
      case 'x':
        return isHex(at(j + 1)) && isHex(at(j + 2)) ? JsonNode.TEXT5 : 0;
      default:
        return 0;
    }
  }
}
