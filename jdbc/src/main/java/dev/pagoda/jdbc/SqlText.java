package dev.pagoda.jdbc;

/**
 * Lexical helpers on SQL text that the driver needs before the engine sees it. Deliberately tiny:
 * the engine's parser is the authority on SQL.
 */
final class SqlText {
  private SqlText() {}

  /**
   * Whether {@code sql} holds no statement: only white space, comments ({@code -- ...} to the end
   * of the line, {@code /* ... *}{@code /}, unterminated ones running to the end) and empty
   * statements ({@code ;}). This is how the driver knows that a statement is the last of a script.
   */
  static boolean isBlank(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == ';') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code name} with ASCII letters in lower case: SQLite compares identifiers case-insensitively
   * for ASCII letters only.
   */
  static String foldCase(String name) {
    StringBuilder folded = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (folded == null) {
          folded = new StringBuilder(name);
        }
        folded.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return folded == null ? name : folded.toString();
  }
}
