package dev.pagoda.shell;

/**
 * Decides, without parsing, whether text the user typed holds a complete SQL statement: the shell
 * runs what it has collected once it ends with a {@code ;} that is not inside a string literal, a
 * quoted identifier, a comment or the body of a {@code CREATE TRIGGER} (which ends only at {@code
 * END;}), as SQLite's {@code sqlite3_complete} decides with its token state machine. The engine's
 * parser remains the authority on what the text means.
 */
final class SqlScanner {
  private SqlScanner() {}

  // sqlite3_complete's token classes and states; complete when the text ends in START
  private static final int SEMI = 0;
  private static final int WS = 1;
  private static final int OTHER = 2;
  private static final int EXPLAIN = 3;
  private static final int CREATE = 4;
  private static final int TEMP = 5;
  private static final int TRIGGER = 6;
  private static final int END = 7;
  private static final int START = 1;

  /** [state][token] -> state, as in SQLite's complete.c. */
  private static final int[][] NEXT = {
    /* 0 INVALID */ {1, 0, 2, 3, 4, 2, 2, 2},
    /* 1 START   */ {1, 1, 2, 3, 4, 2, 2, 2},
    /* 2 NORMAL  */ {1, 2, 2, 2, 2, 2, 2, 2},
    /* 3 EXPLAIN */ {1, 3, 3, 2, 4, 2, 2, 2},
    /* 4 CREATE  */ {1, 4, 2, 2, 2, 4, 5, 2},
    /* 5 TRIGGER */ {6, 5, 5, 5, 5, 5, 5, 5},
    /* 6 SEMI    */ {6, 6, 5, 5, 5, 5, 5, 7},
    /* 7 END     */ {1, 7, 5, 5, 5, 5, 5, 5},
  };

  /**
   * Whether {@code sql} ends with a {@code ;} that ends a statement, followed by nothing but white
   * space and comments.
   */
  static boolean isComplete(String sql) {
    int state = 0;
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      int token;
      if (Character.isWhitespace(c)) {
        token = WS;
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        token = WS;
        i = lineEnd(sql, i);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          return false; // an open comment: more to come
        }
        token = WS;
        i = end + 2;
      } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
        int end = quoteEnd(sql, i);
        if (end < 0) {
          return false; // an open literal or identifier: more to come
        }
        token = OTHER;
        i = end;
      } else if (isIdChar(c)) {
        int end = i;
        while (end < n && isIdChar(sql.charAt(end))) {
          end++;
        }
        token = keyword(sql.substring(i, end));
        i = end;
      } else {
        token = c == ';' ? SEMI : OTHER;
        i++;
      }
      state = NEXT[state][token];
    }
    return state == START;
  }

  private static boolean isIdChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
  }

  /** The token class of a word: one of the keywords sqlite3_complete tracks, or OTHER. */
  private static int keyword(String word) {
    return switch (word.toLowerCase(java.util.Locale.ROOT)) {
      case "explain" -> EXPLAIN;
      case "create" -> CREATE;
      case "temp", "temporary" -> TEMP;
      case "trigger" -> TRIGGER;
      case "end" -> END;
      default -> OTHER;
    };
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
