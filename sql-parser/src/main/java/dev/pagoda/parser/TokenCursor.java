package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.EOF;
import static dev.pagoda.parser.TokenType.ID;
import static dev.pagoda.parser.TokenType.ILLEGAL;
import static dev.pagoda.parser.TokenType.INDEXED;
import static dev.pagoda.parser.TokenType.STRING;

import dev.pagoda.parser.ast.TypeName;
import java.util.HashMap;
import java.util.Map;

/**
 * The parsers' shared state: a small lookahead window over the {@link Tokenizer}, error reporting
 * with SQLite's wording, identifier helpers and parameter numbering.
 *
 * <p>Errors. A bad token is reported when the parser first looks at it, as SQLite does; a syntax
 * error names the current token, or says {@code incomplete input} at the end of input. Errors that
 * SQLite raises inside a grammar action (e.g. {@code unknown table option}) are <em>deferred</em>:
 * SQLite runs the action while looking at the next token, so a syntax error at that token
 * replaces the message. {@link #defer} keeps such an error until that token is accepted.
 */
abstract class TokenCursor {
  /** SQLITE_MAX_VARIABLE_NUMBER as sqlite-jdbc builds SQLite. */
  static final int MAX_VARIABLE_NUMBER = 250_000;

  private static final int WINDOW = 4;
  private static final int MASK = WINDOW - 1;

  final String sql;
  final char[] chars;
  final int limit;
  private final Tokenizer tokenizer;
  private final TokenType[] types = new TokenType[WINDOW];
  private final int[] starts = new int[WINDOW];
  private final int[] ends = new int[WINDOW];
  private int head;
  private int count;
  /** Type of the last token taken from the tokenizer, for SQLite's OVER and FILTER rules. */
  private TokenType lastScanned = EOF;
  /** End of the last accepted token. */
  int prevEnd;

  private ParseException deferred;

  /**
   * Symbols on SQLite's LALR parser stack at this point, as modeled by the parser layers (the
   * initial state counts as one); see {@link #push}.
   */
  private int stackDepth = 1;

  private int variableCount;
  private Map<String, Integer> variableByName;
  private Map<Integer, String> nameByVariable;

  TokenCursor(String sql, int from) {
    this.sql = sql;
    this.limit = Tokenizer.limitOf(sql);
    if (from < 0 || from > sql.length()) {
      throw new IndexOutOfBoundsException("offset " + from + " in " + sql.length() + " chars");
    }
    this.chars = sql.toCharArray();
    this.tokenizer = new Tokenizer(chars, Math.min(from, limit), limit);
    this.prevEnd = from;
  }

  // ---- tokens

  /** The current token's type; reports it if it is a bad token. */
  final TokenType peek() {
    return peek(0);
  }

  /** The type of the token {@code k} places ahead (0 = current); reports it if it is bad. */
  final TokenType peek(int k) {
    while (count <= k) {
      tokenizer.next();
      int i = (head + count) & MASK;
      TokenType type = tokenizer.type;
      if (type == TokenType.WINDOW || type == TokenType.OVER || type == TokenType.FILTER) {
        type = contextualKeyword(type);
      }
      lastScanned = type;
      types[i] = type;
      starts[i] = tokenizer.start;
      ends[i] = tokenizer.end;
      count++;
    }
    int i = (head + k) & MASK;
    if (types[i] == ILLEGAL) {
      throw new ParseException(
          "unrecognized token: \"" + sql.substring(starts[i], ends[i]) + "\"", starts[i], sql);
    }
    return types[i];
  }

  /**
   * SQLite's {@code analyzeWindowKeyword}, {@code analyzeOverKeyword} and {@code
   * analyzeFilterKeyword}: WINDOW is a keyword only before {@code name AS}, OVER only after {@code
   * )} and before {@code (} or a name, FILTER only after {@code )} and before {@code (}; elsewhere
   * each is a plain identifier.
   */
  private TokenType contextualKeyword(TokenType type) {
    if (type != TokenType.WINDOW && lastScanned != TokenType.RP) {
      return ID;
    }
    Tokenizer ahead = new Tokenizer(chars, tokenizer.end, limit);
    ahead.next();
    TokenType next = ahead.type;
    boolean keyword = switch (type) {
      case OVER -> next == TokenType.LP || isIdLike(next);
      case FILTER -> next == TokenType.LP;
      default -> {
        if (!isIdLike(next)) {
          yield false;
        }
        ahead.next();
        yield ahead.type == TokenType.AS;
      }
    };
    return keyword ? type : ID;
  }

  /** What SQLite's {@code getToken} (tokenize.c) reports as TK_ID. */
  private static boolean isIdLike(TokenType t) {
    return t == ID || t == STRING || t.isJoinKeyword() || t == TokenType.WINDOW
        || t == TokenType.OVER || t.isFallback();
  }

  final int start() {
    peek();
    return starts[head];
  }

  final int end() {
    peek();
    return ends[head];
  }

  /** The current token's source text. */
  final String text() {
    peek();
    return sql.substring(starts[head], ends[head]);
  }

  /** Accepts the current token. A deferred error surfaces here: its lookahead was fine. */
  final void advance() {
    peek();
    if (deferred != null) {
      ParseException e = deferred;
      deferred = null;
      throw e;
    }
    prevEnd = ends[head];
    head = (head + 1) & MASK;
    count--;
  }

  final boolean accept(TokenType t) {
    if (peek() == t) {
      advance();
      return true;
    }
    return false;
  }

  final void expect(TokenType t) {
    if (peek() != t) {
      throw syntaxError();
    }
    advance();
  }

  // ---- errors

  /** A syntax error at the current token. */
  final ParseException syntaxError() {
    if (peek() == EOF) {
      return new ParseException("incomplete input", start(), sql);
    }
    return nearError(start(), end());
  }

  final ParseException nearError(int from, int to) {
    return new ParseException("near \"" + sql.substring(from, to) + "\": syntax error", from, sql);
  }

  /** Records an error raised by a grammar action; see the class comment. The latest one wins. */
  final void defer(String message, int position) {
    deferred = new ParseException(message, position, sql);
  }

  /**
   * Whether a grammar action's error is pending; for actions that, like SQLite's, do nothing once
   * an earlier action has failed.
   */
  final boolean hasDeferred() {
    return deferred != null;
  }

  /** Raises a deferred error once the statement's end has been accepted. */
  final void raiseDeferred() {
    if (deferred != null) {
      ParseException e = deferred;
      deferred = null;
      throw e;
    }
  }

  // ---- type names

  /**
   * SQLite's {@code typetoken}: words ({@code ids}, so fallback keywords too), then optionally
   * {@code (signed [, signed])}; null when there are no words.
   */
  final TypeName typeName() {
    if (!isIds(peek())) {
      return null;
    }
    int from = start();
    do {
      advance();
    } while (isIds(peek()));
    int wordsEnd = prevEnd;
    String size1 = null;
    String size2 = null;
    if (accept(TokenType.LP)) {
      size1 = signedNumber();
      if (accept(TokenType.COMMA)) {
        size2 = signedNumber();
      }
      expect(TokenType.RP);
    }
    return new TypeName(
        sql.substring(from, prevEnd), sql.substring(from, wordsEnd), size1, size2);
  }

  /** {@code [+|-] (INTEGER|FLOAT)}, as written. */
  private String signedNumber() {
    int from = start();
    if (!accept(TokenType.PLUS)) {
      accept(TokenType.MINUS);
    }
    TokenType t = peek();
    if (t != TokenType.INTEGER && t != TokenType.FLOAT) {
      throw syntaxError();
    }
    advance();
    return sql.substring(from, prevEnd);
  }
  // ---- nesting limit

  /**
   * How many entries SQLite's parser stack holds (initial state included) as sqlite-jdbc builds
   * it; one more fails with {@code Recursion limit}. Measured: {@code SELECT} with 2493 nested
   * parentheses parses, 2494 fail.
   */
  static final int MAX_PARSER_STACK = 2500;

  /**
   * Models SQLite's parser stack growing by {@code symbols}, the symbols a production has
   * recognized before the nested part that is parsed next. Throws {@code Recursion limit}, as SQLite
   * does when its stack overflows, which also bounds this parser's own recursion.
   */
  final void push(int symbols) {
    stackDepth += symbols;
    if (stackDepth > MAX_PARSER_STACK) {
      throw recursionLimit();
    }
  }

  final void pop(int symbols) {
    stackDepth -= symbols;
  }

  /** Checks that {@code symbols} more fit on the modeled stack, e.g. a leaf or a closing token. */
  final void peak(int symbols) {
    if (stackDepth + symbols > MAX_PARSER_STACK) {
      throw recursionLimit();
    }
  }

  private ParseException recursionLimit() {
    return new ParseException("Recursion limit", start(), sql);
  }

  /** Nesting of the guarded entry points (expression, SELECT, FROM) on this parser's stack. */
  private int guardDepth;

  /** True inside a guarded entry point, whose outermost call catches a stack overflow. */
  final boolean guarding() {
    return guardDepth > 0;
  }

  final void enterGuard() {
    guardDepth++;
  }

  final void leaveGuard() {
    guardDepth--;
  }

  /**
   * The error for a StackOverflowError caught by the outermost guarded entry: SQLite's message for
   * nesting too deep, at the last accepted token. The modeled limit ({@link #MAX_PARSER_STACK})
   * normally comes first; this covers threads with stacks too small for it.
   */
  final ParseException stackExhausted() {
    return new ParseException("Recursion limit", prevEnd, sql);
  }

  // ---- identifiers (SQLite's token classes; a %fallback keyword serves as ID where it is not
  // valid as itself, so callers test keyword alternatives first)

  /** {@code id}: ID or INDEXED, or a fallback keyword. */
  static boolean isId(TokenType t) {
    return t == ID || t == INDEXED || t.isFallback();
  }

  /** {@code ids}: ID or STRING, or a fallback keyword (type names, aliases, collations). */
  static boolean isIds(TokenType t) {
    return t == ID || t == STRING || t.isFallback();
  }

  /** {@code nm}: ID, INDEXED, STRING, a join keyword, or a fallback keyword. */
  static boolean isNm(TokenType t) {
    return t == ID || t == STRING || t == INDEXED || t.isJoinKeyword() || t.isFallback();
  }

  /** Accepts an {@code nm} and returns it dequoted. */
  final String nm() {
    if (!isNm(peek())) {
      throw syntaxError();
    }
    return identifier();
  }

  /** Accepts an {@code ids} and returns it dequoted. */
  final String ids() {
    if (!isIds(peek())) {
      throw syntaxError();
    }
    return identifier();
  }

  /** Accepts the current token and returns its text, dequoted. */
  final String identifier() {
    String s = dequote(start(), end());
    advance();
    return s;
  }

  /** SQLite's {@code sqlite3Dequote}: strips quotes and undoubles inner ones; else as is. */
  final String dequote(int from, int to) {
    char q = chars[from];
    if (q != '"' && q != '\'' && q != '`' && q != '[') {
      return sql.substring(from, to);
    }
    if (q == '[') {
      return sql.substring(from + 1, to - 1);
    }
    int close = sql.indexOf(q, from + 1);
    if (close == to - 1) {
      return sql.substring(from + 1, to - 1);
    }
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from + 1; i < to - 1; i++) {
      char c = chars[i];
      sb.append(c);
      if (c == q) {
        i++;
      }
    }
    return sb.toString();
  }

  /** SQLite's {@code sqlite3DbSpanDup}: the source between two offsets, whitespace trimmed. */
  final String span(int from, int to) {
    while (from < to && isSpanSpace(chars[from])) {
      from++;
    }
    while (to > from && isSpanSpace(chars[to - 1])) {
      to--;
    }
    return sql.substring(from, to);
  }

  private static boolean isSpanSpace(char c) {
    return Tokenizer.isSpace(c) || c == 0x0B;
  }

  // ---- parameters

  /**
   * Forgets the parameters seen so far and resets the modeled parser stack; called at the start of
   * each statement.
   */
  final void resetParameters() {
    stackDepth = 1;
    variableCount = 0;
    variableByName = null;
    nameByVariable = null;
  }

  final int parameterCount() {
    return variableCount;
  }

  final Map<Integer, String> parameterNames() {
    return nameByVariable == null ? Map.of() : nameByVariable;
  }

  /**
   * The index of the parameter written {@code name} ({@code sqlite3ExprAssignVarNumber}): a bare
   * {@code ?} takes the next index after the largest so far, {@code ?NNN} takes NNN, and a named
   * one reuses its index or takes the next. Returns 0 after deferring an error.
   */
  final int assignParameter(String name, int position) {
    if (name.length() == 1) {
      return checkParameterLimit(++variableCount, position);
    }
    if (name.charAt(0) == '?') {
      long n = parseParameterNumber(name);
      if (n < 1 || n > MAX_VARIABLE_NUMBER) {
        defer("variable number must be between ?1 and ?" + MAX_VARIABLE_NUMBER, position);
        return 0;
      }
      int x = (int) n;
      if (x > variableCount) {
        variableCount = x;
      }
      if (nameByVariable == null || !nameByVariable.containsKey(x)) {
        nameParameter(name, x);
      }
      return x;
    }
    Integer known = variableByName == null ? null : variableByName.get(name);
    if (known != null) {
      return known;
    }
    int x = ++variableCount;
    nameParameter(name, x);
    return checkParameterLimit(x, position);
  }

  private int checkParameterLimit(int x, int position) {
    if (x > MAX_VARIABLE_NUMBER) {
      defer("too many SQL variables", position);
      return 0;
    }
    return x;
  }

  private void nameParameter(String name, int index) {
    if (variableByName == null) {
      variableByName = new HashMap<>();
      nameByVariable = new HashMap<>();
    }
    variableByName.putIfAbsent(name, index);
    nameByVariable.put(index, name);
  }

  /** The NNN of {@code ?NNN}, or -1 when it overflows. */
  private static long parseParameterNumber(String name) {
    long n = 0;
    for (int i = 1; i < name.length(); i++) {
      n = n * 10 + (name.charAt(i) - '0');
      if (n > Integer.MAX_VALUE) {
        return -1;
      }
    }
    return n;
  }
}
