package dev.pagoda.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed Pagoda JDBC URL. The grammar, after the prefix ({@code jdbc:pagoda:}, or {@code
 * jdbc:sqlite:} when {@value #SQLITE_URLS_PROPERTY} is {@code true}; both matched
 * case-insensitively):
 *
 * <pre>
 *   url      = prefix [ name ] [ "?" query ]
 *   name     = ":memory:"                      in-memory (also when the name is empty)
 *            | "file:" uri-path                a SQLite URI filename
 *            | path                            a file path, taken as written
 *   uri-path = [ "//" [ "localhost" ] ] path   percent-decoded; "///abs" is "/abs"
 *   query    = key "=" value { "&amp;" key "=" value }   percent-decoded
 * </pre>
 *
 * <p>The query's {@code mode} ({@code ro}, {@code rw}, {@code rwc}, {@code memory}) is SQLite's URI
 * access mode; every other key is a connection property ({@link ConnectionProperties}), as
 * sqlite-jdbc reads pragmas from the URL. {@code file::memory:} and {@code mode=memory} name an
 * in-memory database.
 *
 * @param url the URL as given
 * @param name the file path after decoding, or {@code :memory:} for an in-memory database
 * @param mode SQLite's URI access mode: {@code rwc} unless the URL says otherwise
 * @param parameters the query's other parameters, in order, decoded
 */
record JdbcUrl(String url, String name, String mode, Map<String, String> parameters) {
  static final String PREFIX = "jdbc:pagoda:";

  /** sqlite-jdbc's prefix, accepted only when {@value #SQLITE_URLS_PROPERTY} is true. */
  static final String SQLITE_PREFIX = "jdbc:sqlite:";

  /** The system property that lets this driver accept {@code jdbc:sqlite:} URLs. */
  static final String SQLITE_URLS_PROPERTY = "pagoda.jdbc.sqliteUrls";

  static final String MEMORY = ":memory:";

  JdbcUrl {
    parameters = Map.copyOf(parameters);
  }

  /** Whether this driver handles {@code url}; false for null. */
  static boolean accepts(String url) {
    return prefixLength(url) > 0;
  }

  private static int prefixLength(String url) {
    if (url == null) {
      return 0;
    }
    if (url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return PREFIX.length();
    }
    if (Boolean.getBoolean(SQLITE_URLS_PROPERTY)
        && url.regionMatches(true, 0, SQLITE_PREFIX, 0, SQLITE_PREFIX.length())) {
      return SQLITE_PREFIX.length();
    }
    return 0;
  }

  /**
   * Parses {@code url}, which must be {@linkplain #accepts accepted}.
   *
   * @throws SQLException for a malformed URI filename or an unknown access mode, with SQLite's
   *     messages
   */
  static JdbcUrl parse(String url) throws SQLException {
    int start = prefixLength(url);
    if (start == 0) {
      throw new IllegalArgumentException("not a Pagoda JDBC URL: " + url);
    }
    String rest = url.substring(start);
    int question = rest.indexOf('?');
    String name = question < 0 ? rest : rest.substring(0, question);
    Map<String, String> parameters =
        question < 0 ? new LinkedHashMap<>() : query(rest.substring(question + 1));
    boolean uri = name.regionMatches(true, 0, "file:", 0, 5);
    if (uri) {
      name = uriPath(name.substring(5));
    }
    String mode = parameters.remove("mode");
    if (mode == null) {
      mode = "rwc";
    }
    if (!mode.equals("ro") && !mode.equals("rw") && !mode.equals("rwc")
        && !mode.equals("memory")) {
      throw new SQLException("no such access mode: " + mode, Errors.GENERAL, 1);
    }
    if (name.isEmpty() || mode.equals("memory")) {
      name = MEMORY;
    }
    return new JdbcUrl(url, name, mode, parameters);
  }

  /** The path of a {@code file:} URI: an optional empty or localhost authority, then decoded. */
  private static String uriPath(String afterScheme) throws SQLException {
    String path = afterScheme;
    if (path.startsWith("//")) {
      int slash = path.indexOf('/', 2);
      String authority = slash < 0 ? path.substring(2) : path.substring(2, slash);
      if (!authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
        throw Errors.cantOpen("invalid uri authority: " + authority); // as SQLite
      }
      path = slash < 0 ? "" : path.substring(slash);
    }
    int hash = path.indexOf('#');
    return decode(hash < 0 ? path : path.substring(0, hash));
  }

  private static Map<String, String> query(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int hash = query.indexOf('#');
    String q = hash < 0 ? query : query.substring(0, hash);
    int from = 0;
    while (from <= q.length()) {
      int amp = q.indexOf('&', from);
      String pair = q.substring(from, amp < 0 ? q.length() : amp);
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        parameters.put(key.toLowerCase(Locale.ROOT), value);
      }
      if (amp < 0) {
        break;
      }
      from = amp + 1;
    }
    return parameters;
  }

  /**
   * Percent-decodes {@code s} as UTF-8 ({@code %2F} is '/'); '+' stays '+' and a '%' not followed
   * by two hex digits stays as it is.
   */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0
          && hex(s.charAt(i + 2)) >= 0) {
        bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else {
        int cp = s.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(cp) - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  /** Whether this URL names a private in-memory database. */
  boolean isMemory() {
    return name.toLowerCase(Locale.ROOT).equals(MEMORY);
  }
}
