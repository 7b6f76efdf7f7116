package dev.pagoda.shell;

/**
 * Decides, without parsing, whether text the user typed holds a complete SQL statement: the shell
 * runs what it has collected once it ends with a {@code ;} that is not inside a string literal, a
 * quoted identifier or a comment (like SQLite's {@code sqlite3_complete}). The engine's parser
 * remains the authority on what the text means.
 *
 * <p>Not yet handled: {@code CREATE TRIGGER ... BEGIN ...; END;}, whose inner {@code ;}s do not end
 * it (triggers come in a later step).
 */
final class SqlScanner {
  private SqlScanner() {}

  /**
   * Whether {@code sql} ends with a {@code ;} that ends a statement, followed by nothing but white
   * space and comments.
   */
  static boolean isComplete(String sql) {
    boolean endsWithSemicolon = false;
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = lineEnd(sql, i);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          return false; // an open comment: more to come
        }
        i = end + 2;
      } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
        int end = quoteEnd(sql, i);
        if (end < 0) {
          return false; // an open literal or identifier: more to come
        }
        i = end;
        endsWithSemicolon = false;
      } else {
        endsWithSemicolon = c == ';';
        i++;
      }
    }
    return endsWithSemicolon;
  }

  /**
   * Whether {@code sql} holds no statement: only white space, comments and {@code ;}s (an open
   * comment counts as a comment).
   */
  static boolean isBlank(String sql) {
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == ';') {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = lineEnd(sql, i);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        return false;
      }
    }
    return true;
  }

  /**
   * shell.c's {@code _all_whitespace}: whether a line holds only white space and comments, a
   * {@code /*} comment closed on the same line (an open one is the start of a statement).
   */
  static boolean isWhitespaceLine(String line) {
    int n = line.length();
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && line.charAt(i + 1) == '-') {
        return true;
      } else if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
        int end = line.indexOf("*/", i + 2);
        if (end < 0) {
          return false;
        }
        i = end + 2;
      } else {
        return false;
      }
    }
    return true;
  }

  /** The index after the end of the line holding {@code from}, or the length. */
  private static int lineEnd(String sql, int from) {
    int eol = sql.indexOf('\n', from);
    return eol < 0 ? sql.length() : eol + 1;
  }

  /**
   * The index just past the quoted text starting at {@code start}, or -1 when it is not closed.
   * Inside {@code '...'}, {@code "..."} and {@code `...`} a doubled quote stands for itself; {@code
   * [...]} ends at the first {@code ]}.
   */
  private static int quoteEnd(String sql, int start) {
    char open = sql.charAt(start);
    char close = open == '[' ? ']' : open;
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == close) {
        if (open != '[' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return -1;
  }
}
