package dev.pagoda.planner;

import dev.pagoda.parser.ParsedStatement;
import java.util.Locale;

/**
 * The text SQLite stores in {@code sqlite_schema.sql} for a CREATE TABLE: {@code "CREATE TABLE "}
 * followed by the statement's own text from the (unqualified) table name to its end. So {@code
 * create temp table if not exists main.t(a)} is stored as {@code CREATE TABLE t(a)}.
 */
final class CreateText {
  private CreateText() {}

  static String stored(ParsedStatement parsed, String source) {
    String text = source.substring(parsed.start(), parsed.end());
    return "CREATE TABLE " + text.substring(nameStart(text));
  }

  /** The offset of the table name in a CREATE TABLE statement's text. */
  private static int nameStart(String text) {
    int pos = 0;
    pos = skipWord(text, pos, "CREATE");
    int next = skipWord(text, pos, "TEMP");
    if (next == pos) {
      next = skipWord(text, pos, "TEMPORARY");
    }
    pos = skipWord(text, next, "TABLE");
    next = skipWord(text, pos, "IF");
    if (next != pos) {
      pos = skipWord(text, skipWord(text, next, "NOT"), "EXISTS");
    }
    int first = skipSpace(text, pos);
    int afterFirst = skipName(text, first);
    int dot = skipSpace(text, afterFirst);
    if (dot < text.length() && text.charAt(dot) == '.') {
      return skipSpace(text, dot + 1);
    }
    return first;
  }

  /** Skips white space, comments, and then {@code word} if it is next; else returns {@code pos}. */
  private static int skipWord(String text, int pos, String word) {
    int start = skipSpace(text, pos);
    int end = start + word.length();
    if (end <= text.length()
        && text.substring(start, end).toUpperCase(Locale.ROOT).equals(word)
        && (end == text.length() || !isIdentifierChar(text.charAt(end)))) {
      return end;
    }
    return pos;
  }

  private static int skipName(String text, int pos) {
    if (pos >= text.length()) {
      return pos;
    }
    char c = text.charAt(pos);
    if (c == '"' || c == '`' || c == '\'' || c == '[') {
      char close = c == '[' ? ']' : c;
      int i = pos + 1;
      while (i < text.length()) {
        if (text.charAt(i) == close) {
          if (close != ']' && i + 1 < text.length() && text.charAt(i + 1) == close) {
            i += 2;
            continue;
          }
          return i + 1;
        }
        i++;
      }
      return i;
    }
    int i = pos;
    while (i < text.length() && isIdentifierChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipSpace(String text, int pos) {
    int i = pos;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (text.startsWith("--", i)) {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length() : nl + 1;
      } else if (text.startsWith("/*", i)) {
        int close = text.indexOf("*/", i + 2);
        i = close < 0 ? text.length() : close + 2;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
  }
}
