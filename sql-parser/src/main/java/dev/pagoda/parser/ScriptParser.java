package dev.pagoda.parser;

/**
 * Parses a script one statement at a time, so that a caller can run each statement before the
 * next is parsed, as {@code sqlite3_exec} does: an error in a later statement surfaces only when
 * {@link #next()} reaches it. Not thread-safe.
 */
public final class ScriptParser {
  private final StatementParser parser;

  public ScriptParser(String sql) {
    this(sql, 0);
  }

  /** Starts at char {@code offset} of sql; reported offsets are into the whole string. */
  public ScriptParser(String sql, int offset) {
    this.parser = new StatementParser(sql, offset);
  }

  /**
   * The next statement, or null at the end. After a {@link ParseException} the parser is spent.
   */
  public ParsedStatement next() {
    return parser.next();
  }
}
