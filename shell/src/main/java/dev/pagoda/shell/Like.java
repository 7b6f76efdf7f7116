package dev.pagoda.shell;

/**
 * SQL {@code LIKE} matching for the patterns dot-commands take ({@code .tables t%}): {@code %}
 * matches any run of characters, {@code _} any one character, and ASCII letters match
 * case-insensitively, as in SQLite.
 */
final class Like {
  private Like() {}

  static boolean matches(String pattern, String text) {
    return matches(pattern, 0, text, 0);
  }

  private static boolean matches(String pattern, int p, String text, int t) {
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '%') {
        while (p < pattern.length() && pattern.charAt(p) == '%') {
          p++;
        }
        if (p == pattern.length()) {
          return true;
        }
        for (int k = t; k <= text.length(); k++) {
          if (matches(pattern, p, text, k)) {
            return true;
          }
        }
        return false;
      }
      if (t == text.length() || (c != '_' && fold(c) != fold(text.charAt(t)))) {
        return false;
      }
      p++;
      t++;
    }
    return t == text.length();
  }

  private static char fold(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /**
   * SQL {@code GLOB}: {@code *} any run, {@code ?} any one character, {@code [...]} a set ({@code
   * ^} negates, {@code a-z} ranges); case-sensitive.
   */
  static boolean glob(String pattern, String text) {
    return glob(pattern, 0, text, 0);
  }

  private static boolean glob(String pattern, int p, String text, int t) {
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '*') {
        for (int k = t; k <= text.length(); k++) {
          if (glob(pattern, p + 1, text, k)) {
            return true;
          }
        }
        return false;
      }
      if (t == text.length()) {
        return false;
      }
      if (c == '[') {
        int end = pattern.indexOf(']', p + 2);
        if (end < 0) {
          return false;
        }
        if (!inSet(pattern.substring(p + 1, end), text.charAt(t))) {
          return false;
        }
        p = end + 1;
      } else {
        if (c != '?' && c != text.charAt(t)) {
          return false;
        }
        p++;
      }
      t++;
    }
    return t == text.length();
  }

  private static boolean inSet(String set, char c) {
    boolean negate = set.startsWith("^");
    int i = negate ? 1 : 0;
    boolean found = false;
    for (; i < set.length(); i++) {
      if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
        found |= c >= set.charAt(i) && c <= set.charAt(i + 2);
        i += 2;
      } else {
        found |= c == set.charAt(i);
      }
    }
    return found != negate;
  }
}
