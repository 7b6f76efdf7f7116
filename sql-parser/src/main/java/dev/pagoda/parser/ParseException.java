package dev.pagoda.parser;

/**
 * A syntax error, worded exactly as SQLite words it: {@code near "X": syntax error}, {@code
 * incomplete input}, {@code unrecognized token: "X"}, and the few messages SQLite's parser actions
 * raise (e.g. {@code unknown table option: X}). {@link #position()} is the char offset of the
 * offending token; {@link #line()} and {@link #column()} say the same as a line and column
 * (1-based; lines end at {@code \n}, {@code \r\n} or a lone {@code \r}).
 */
public final class ParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int position;
  /** The text parsed, to compute line and column on demand; null when not known. */
  private final transient String source;

  public ParseException(String message, int position) {
    this(message, position, null);
  }

  /** An error at char offset {@code position} of {@code source}. */
  public ParseException(String message, int position, String source) {
    super(message);
    this.position = position;
    this.source = source;
  }

  /** The char offset in the parsed string of the offending token (its length for end of input). */
  public int position() {
    return position;
  }

  /** The 1-based line of {@link #position()}, or 0 when the text is not known. */
  public int line() {
    if (source == null) {
      return 0;
    }
    int line = 1;
    int end = Math.min(position, source.length());
    for (int i = 0; i < end; i++) {
      char c = source.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= source.length() || source.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** The 1-based column (in chars) of {@link #position()} within its line, or 0 when not known. */
  public int column() {
    if (source == null) {
      return 0;
    }
    int end = Math.min(position, source.length());
    int start = end;
    while (start > 0 && source.charAt(start - 1) != '\n' && source.charAt(start - 1) != '\r') {
      start--;
    }
    return end - start + 1;
  }
}
