package dev.pagoda.parser;

/**
 * A syntax error, worded exactly as SQLite words it: {@code near "X": syntax error}, {@code
 * incomplete input}, {@code unrecognized token: "X"}, and the few messages SQLite's parser actions
 * raise (e.g. {@code unknown table option: X}).
 */
public final class ParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int position;

  public ParseException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** The char offset in the parsed string of the offending token (its length for end of input). */
  public int position() {
    return position;
  }
}
