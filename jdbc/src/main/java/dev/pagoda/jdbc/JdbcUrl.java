package dev.pagoda.jdbc;

import java.util.Locale;

/**
 * A parsed Pagoda JDBC URL: {@code jdbc:pagoda:<path>}, {@code jdbc:pagoda::memory:}, or {@code
 * jdbc:pagoda:} alone (also in-memory). The prefix is matched case-insensitively; the path is taken
 * as written, relative paths against the working directory.
 *
 * @param url the URL as given
 * @param name what follows the prefix: a file path, or {@code :memory:} for an in-memory database
 */
record JdbcUrl(String url, String name) {
  static final String PREFIX = "jdbc:pagoda:";

  static final String MEMORY = ":memory:";

  /** Whether this driver handles {@code url}; false for null. */
  static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** Parses {@code url}, which must be {@linkplain #accepts accepted}. */
  static JdbcUrl parse(String url) {
    if (!accepts(url)) {
      throw new IllegalArgumentException("not a Pagoda JDBC URL: " + url);
    }
    String name = url.substring(PREFIX.length());
    return new JdbcUrl(url, name.isEmpty() ? MEMORY : name);
  }

  /** Whether this URL names a private in-memory database. */
  boolean isMemory() {
    return name.toLowerCase(Locale.ROOT).equals(MEMORY);
  }
}
