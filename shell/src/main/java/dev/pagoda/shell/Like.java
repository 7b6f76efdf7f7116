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
}
