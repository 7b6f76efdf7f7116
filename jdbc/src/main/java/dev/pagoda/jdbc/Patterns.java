package dev.pagoda.jdbc;

/**
 * The schema arguments of the metadata methods. A database has one schema, {@code main} (attached
 * databases come later), which the results name with a null TABLE_SCHEM as sqlite-jdbc does; so an
 * argument selects it when it is null, "" (the javadoc's "without a schema") or matches "main".
 */
final class Patterns {
  private Patterns() {}

  /** Whether the schema pattern {@code pattern} (LIKE syntax, escape {@code \}) selects main. */
  static boolean matchesMain(String pattern) {
    return pattern == null || pattern.isEmpty() || like(pattern, 0, "main", 0);
  }

  /** Whether the schema name {@code schema} (not a pattern) names main. */
  static boolean isMain(String schema) {
    return schema == null || schema.isEmpty() || schema.equalsIgnoreCase("main");
  }

  /** SQL LIKE, ASCII case-insensitive as SQLite's: {@code %} any run, {@code _} one character. */
  static boolean like(String pattern, int p, String text, int t) {
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '%') {
        for (int from = t; from <= text.length(); from++) {
          if (like(pattern, p + 1, text, from)) {
            return true;
          }
        }
        return false;
      }
      if (t >= text.length()) {
        return false;
      }
      if (c == '\\' && p + 1 < pattern.length()) {
        c = pattern.charAt(++p);
      } else if (c == '_') {
        p++;
        t++;
        continue;
      }
      if (Character.toLowerCase(c) != Character.toLowerCase(text.charAt(t))) {
        return false;
      }
      p++;
      t++;
    }
    return t == text.length();
  }
}
