package dev.pagoda.executor.datetime;

/**
 * Character tests as SQLite's date functions apply them: ASCII only, so that no Unicode case
 * folding (the Kelvin sign, the long s) or Unicode space lets junk pass as a keyword.
 */
final class Ascii {
  private Ascii() {}

  /** The character at {@code i}, or NUL past the end (the C string's terminator). */
  static char at(String s, int i) {
    return i < s.length() ? s.charAt(i) : 0;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** SQLite's isspace: space, tab, newline, vertical tab, form feed, carriage return. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }

  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** True when {@code s} from {@code from} to its end equals {@code word}, ASCII case ignored. */
  static boolean equalsIgnoreCase(String s, int from, String word) {
    return s.length() - from == word.length() && startsWithIgnoreCase(s, from, word);
  }

  static boolean equalsIgnoreCase(String s, String word) {
    return equalsIgnoreCase(s, 0, word);
  }

  /** True when {@code s} has {@code word} at {@code from}, ASCII case ignored. */
  static boolean startsWithIgnoreCase(String s, int from, String word) {
    if (s.length() - from < word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (lower(s.charAt(from + i)) != lower(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The text up to its first NUL, as C code that reads the value as a string sees it. */
  static String cString(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }
}
