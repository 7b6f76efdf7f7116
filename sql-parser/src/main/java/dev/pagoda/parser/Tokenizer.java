package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.BLOB;
import static dev.pagoda.parser.TokenType.FLOAT;
import static dev.pagoda.parser.TokenType.ID;
import static dev.pagoda.parser.TokenType.ILLEGAL;
import static dev.pagoda.parser.TokenType.INTEGER;
import static dev.pagoda.parser.TokenType.QNUMBER;
import static dev.pagoda.parser.TokenType.STRING;
import static dev.pagoda.parser.TokenType.VARIABLE;

/**
 * SQLite's tokenizer ({@code sqlite3GetToken}) over a char array. {@link #next()} scans one token,
 * skipping whitespace and comments, into {@link #type}, {@link #start} and {@link #end}. It never
 * throws: a bad token is {@link TokenType#ILLEGAL} and the parser reports it when it gets there.
 * Input ends at the array's end or at the first NUL character, as in SQLite.
 */
final class Tokenizer {
  /** Bits for ASCII characters. */
  private static final byte DIGIT = 1;

  private static final byte HEX = 2;
  /** May appear in a keyword: letters and {@code _}. */
  private static final byte KEYWORD = 4;
  /** May appear in an identifier ({@code IdChar}): letters, digits, {@code _}, {@code $}. */
  private static final byte ID_CHAR = 8;

  private static final byte[] CLASS = new byte[128];

  static {
    for (int c = '0'; c <= '9'; c++) {
      CLASS[c] = DIGIT | HEX | ID_CHAR;
    }
    for (int c = 'a'; c <= 'z'; c++) {
      CLASS[c] = KEYWORD | ID_CHAR;
      CLASS[c - 32] = KEYWORD | ID_CHAR;
    }
    for (int c = 'a'; c <= 'f'; c++) {
      CLASS[c] |= HEX;
      CLASS[c - 32] |= HEX;
    }
    CLASS['_'] = KEYWORD | ID_CHAR;
    CLASS['$'] = ID_CHAR;
  }

  private final char[] src;
  private final int limit;
  private int pos;
  /** Scratch for {@link #number}: a {@code _} digit separator was seen. */
  private boolean separator;

  /** The last scanned token: its type and its {@code [start, end)} range in the input. */
  TokenType type;

  int start;
  int end;

  /** Tokenizes {@code src[from, limit)}; {@code limit} must not exceed the first NUL. */
  Tokenizer(char[] src, int from, int limit) {
    this.src = src;
    this.limit = limit;
    this.pos = from;
  }

  /** The input's end: its length or the index of its first NUL. */
  static int limitOf(String sql) {
    int nul = sql.indexOf('\0');
    return nul < 0 ? sql.length() : nul;
  }

  static boolean isDigit(char c) {
    return c < 128 && (CLASS[c] & DIGIT) != 0;
  }

  static boolean isHexDigit(char c) {
    return c < 128 && (CLASS[c] & HEX) != 0;
  }

  /** SQLite's {@code IdChar}: any non-ASCII char, ASCII letters, digits, {@code _} and {@code $}. */
  static boolean isIdChar(char c) {
    return c >= 128 || (CLASS[c] & ID_CHAR) != 0;
  }

  /** SQLite's tokenizer whitespace: space, tab, newline, form feed, carriage return. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }

  /** Scans the next token. At the end of input: {@link TokenType#EOF} with an empty range. */
  void next() {
    int p = skipSpaceAndComments(pos);
    start = p;
    if (p >= limit) {
      type = TokenType.EOF;
      end = p;
    } else {
      end = scan(p);
    }
    pos = end;
  }

  private int skipSpaceAndComments(int p) {
    char[] s = src;
    int n = limit;
    while (p < n) {
      char c = s[p];
      if (isSpace(c) || c == '\uFEFF') {
        p++;
      } else if (c == '-' && p + 1 < n && s[p + 1] == '-') {
        p += 2;
        while (p < n && s[p] != '\n') {
          p++;
        }
      } else if (c == '/' && p + 2 < n && s[p + 1] == '*') {
        p = skipBlockComment(p + 2);
      } else {
        break;
      }
    }
    return p;
  }

  /** From just after {@code /*}; an unterminated comment runs to the end of input. */
  private int skipBlockComment(int p) {
    for (int i = p + 1; i < limit; i++) {
      if (src[i] == '/' && src[i - 1] == '*') {
        return i + 1;
      }
    }
    return limit;
  }

  /** Scans the token at {@code p}, sets {@link #type}, returns its end. */
  private int scan(int p) {
    char c = src[p];
    return switch (c) {
      case '(' -> single(TokenType.LP, p);
      case ')' -> single(TokenType.RP, p);
      case ';' -> single(TokenType.SEMI, p);
      case ',' -> single(TokenType.COMMA, p);
      case '+' -> single(TokenType.PLUS, p);
      case '*' -> single(TokenType.STAR, p);
      case '%' -> single(TokenType.REM, p);
      case '&' -> single(TokenType.BITAND, p);
      case '~' -> single(TokenType.BITNOT, p);
      case '/' -> single(TokenType.SLASH, p);
      case '-' -> minus(p);
      case '=' -> pair(p, '=', TokenType.EQ, TokenType.EQ);
      case '<' -> lessThan(p);
      case '>' -> greaterThan(p);
      case '!' -> pair(p, '=', TokenType.NE, ILLEGAL);
      case '|' -> pair(p, '|', TokenType.CONCAT, TokenType.BITOR);
      case '\'', '"', '`' -> quoted(p, c);
      case '[' -> bracketed(p);
      case '.' -> p + 1 < limit && isDigit(src[p + 1]) ? number(p) : single(TokenType.DOT, p);
      case '?' -> numberedVariable(p);
      case '$', '@', ':', '#' -> namedVariable(p);
      default -> other(p, c);
    };
  }

  private int other(int p, char c) {
    if (isDigit(c)) {
      return number(p);
    }
    if ((c == 'x' || c == 'X') && p + 1 < limit && src[p + 1] == '\'') {
      return blob(p);
    }
    if (c >= 128 || (CLASS[c] & KEYWORD) != 0) {
      return identifier(p);
    }
    return single(ILLEGAL, p);
  }

  private int single(TokenType t, int p) {
    type = t;
    return p + 1;
  }

  /** {@code c} alone is {@code one}; followed by {@code second} it is {@code two}. */
  private int pair(int p, char second, TokenType two, TokenType one) {
    if (p + 1 < limit && src[p + 1] == second) {
      type = two;
      return p + 2;
    }
    type = one;
    return p + 1;
  }

  private int minus(int p) {
    if (p + 1 < limit && src[p + 1] == '>') {
      type = TokenType.PTR;
      return p + 2 < limit && src[p + 2] == '>' ? p + 3 : p + 2;
    }
    return single(TokenType.MINUS, p);
  }

  private int lessThan(int p) {
    char d = p + 1 < limit ? src[p + 1] : 0;
    TokenType t = switch (d) {
      case '=' -> TokenType.LE;
      case '>' -> TokenType.NE;
      case '<' -> TokenType.LSHIFT;
      default -> TokenType.LT;
    };
    type = t;
    return t == TokenType.LT ? p + 1 : p + 2;
  }

  private int greaterThan(int p) {
    char d = p + 1 < limit ? src[p + 1] : 0;
    if (d == '=') {
      type = TokenType.GE;
      return p + 2;
    }
    if (d == '>') {
      type = TokenType.RSHIFT;
      return p + 2;
    }
    return single(TokenType.GT, p);
  }

  /** {@code 'string'}, {@code "id"} or {@code `id`}; a doubled quote stands for itself. */
  private int quoted(int p, char quote) {
    int i = p + 1;
    while (i < limit) {
      if (src[i] == quote) {
        if (i + 1 < limit && src[i + 1] == quote) {
          i += 2;
          continue;
        }
        type = quote == '\'' ? STRING : ID;
        return i + 1;
      }
      i++;
    }
    type = ILLEGAL;
    return limit;
  }

  private int bracketed(int p) {
    for (int i = p + 1; i < limit; i++) {
      if (src[i] == ']') {
        type = ID;
        return i + 1;
      }
    }
    type = ILLEGAL;
    return limit;
  }

  /** {@code x'..'}: an even number of hex digits, else ILLEGAL up to the closing quote. */
  private int blob(int p) {
    int i = p + 2;
    while (i < limit && isHexDigit(src[i])) {
      i++;
    }
    type = BLOB;
    if (i >= limit || src[i] != '\'' || ((i - p) & 1) != 0) {
      type = ILLEGAL;
      while (i < limit && src[i] != '\'') {
        i++;
      }
    }
    return i < limit ? i + 1 : i;
  }

  private int numberedVariable(int p) {
    int i = p + 1;
    while (i < limit && isDigit(src[i])) {
      i++;
    }
    type = VARIABLE;
    return i;
  }

  /** {@code $name}, {@code @name}, {@code :name}, {@code #name}, with Tcl's {@code ::} and {@code (..)}. */
  private int namedVariable(int p) {
    int n = 0;
    int i = p + 1;
    type = VARIABLE;
    for (; i < limit; i++) {
      char c = src[i];
      if (isIdChar(c)) {
        n++;
      } else if (c == '(' && n > 0) {
        do {
          i++;
        } while (i < limit && !isSpace(src[i]) && src[i] != ')');
        if (i < limit && src[i] == ')') {
          i++;
        } else {
          type = ILLEGAL;
        }
        break;
      } else if (c == ':' && i + 1 < limit && src[i + 1] == ':') {
        i++;
      } else {
        break;
      }
    }
    if (n == 0) {
      type = ILLEGAL;
    }
    return i;
  }

  private int identifier(int p) {
    boolean keywordChars = true;
    int i = p + 1;
    while (i < limit && isIdChar(src[i])) {
      char c = src[i];
      if (c >= 128 || (CLASS[c] & KEYWORD) == 0) {
        keywordChars = false;
      }
      i++;
    }
    boolean maybeKeyword = keywordChars && src[p] < 128 && i - p <= Keywords.MAX_LENGTH;
    type = maybeKeyword ? Keywords.lookup(src, p, i) : ID;
    return i;
  }

  /** Integer, real, hex; {@code _} between digits makes a QNUMBER; trailing id chars: ILLEGAL. */
  private int number(int p) {
    separator = false;
    int i;
    boolean real = false;
    if (src[p] == '0' && p + 2 < limit && (src[p + 1] | 0x20) == 'x' && isHexDigit(src[p + 2])) {
      i = p + 3;
      while (i < limit && (isHexDigit(src[i]) || src[i] == '_')) {
        separator |= src[i++] == '_';
      }
    } else {
      i = digits(p);
      if (i < limit && src[i] == '.') {
        real = true;
        i = digits(i + 1);
      }
      if (i < limit && (src[i] | 0x20) == 'e' && exponentFollows(i + 1)) {
        real = true;
        i = digits(i + 2);
      }
    }
    type = separator ? QNUMBER : real ? FLOAT : INTEGER;
    while (i < limit && isIdChar(src[i])) {
      type = ILLEGAL;
      i++;
    }
    return i;
  }

  /** Skips digits and {@code _} separators from {@code p}, noting any separator; returns the end. */
  private int digits(int p) {
    int i = p;
    while (i < limit && (isDigit(src[i]) || src[i] == '_')) {
      separator |= src[i] == '_';
      i++;
    }
    return i;
  }

  private boolean exponentFollows(int i) {
    if (i < limit && isDigit(src[i])) {
      return true;
    }
    return i + 1 < limit && (src[i] == '+' || src[i] == '-') && isDigit(src[i + 1]);
  }
}
