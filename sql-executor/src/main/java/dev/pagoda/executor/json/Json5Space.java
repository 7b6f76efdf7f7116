package dev.pagoda.executor.json;

/** JSON5 whitespace as SQLite skips it: comments, vertical tab, form feed, Unicode spaces. */
final class Json5Space {
  private Json5Space() {}

  /** The length of the whitespace and comments starting at {@code i}; 0 when there are none. */
  static int length(String z, int i) {
    int n = i;
    int len = z.length();
    while (n < len) {
      char c = z.charAt(n);
      if (c == '/' && n + 1 < len && z.charAt(n + 1) == '*' && n + 2 < len) {
        int end = z.indexOf("*/", n + 2);
        if (end < 0) {
          break;
        }
        n = end + 2;
      } else if (c == '/' && n + 1 < len && z.charAt(n + 1) == '/') {
        int j = n + 2;
        while (j < len && !isLineEnd(z.charAt(j))) {
          j++;
        }
        n = j < len ? j + 1 : j;
      } else if (isSpaceChar(c)) {
        n++;
      } else {
        break;
      }
    }
    return n - i;
  }

  private static boolean isLineEnd(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
  }

  /** A character JSON5 counts as whitespace. */
  static boolean isSpaceChar(char c) {
    switch (c) {
      case ' ', '\t', '\n', '\r', '\u000b', '\u000c', '\u00a0', '\u1680', '\u2028', '\u2029',
          '\u202f', '\u205f', '\u3000', '\ufeff':
        return true;
      default:
        return c >= '\u2000' && c <= '\u200a';
    }
  }
}
