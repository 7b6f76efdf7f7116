package dev.pagoda.parser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** SQLite's verdict on a statement via sqlite-jdbc and which messages are parse-level. */
final class RejectedMessages {
  private RejectedMessages() {}

  /**
   * SQLite's error message when it fails to prepare sql (sqlite-jdbc's wrapper text removed), null
   * when it prepares. {@code sqlite3_prepare} parses the whole statement (and resolves names), so
   * a parse-level message here means the parser rejected it.
   */
  static String prepareError(Connection sqlite, String sql) {
    PreparedStatement ps;
    try {
      ps = sqlite.prepareStatement(sql);
    } catch (SQLException e) {
      return sqliteText(e);
    }
    try {
      ps.close();
    } catch (SQLException e) {
      // prepared, which is all that was asked
    }
    return null;
  }

  /** The SQLite message inside sqlite-jdbc's {@code [SQLITE_ERROR] SQL error ... (message)}. */
  static String sqliteText(SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.startsWith("[SQLITE_")) {
      int open = m.indexOf('(');
      if (open >= 0 && m.endsWith(")")) {
        return m.substring(open + 1, m.length() - 1);
      }
    }
    return m;
  }

  /** SQLite's tokenizer's and parser's own messages: those of the tokenizer and LALR driver. */
  static boolean isSyntaxMessage(String m) {
    return (m.startsWith("near \"") && m.endsWith("\": syntax error"))
        || m.equals("incomplete input")
        || m.startsWith("unrecognized token: ");
  }

  /**
   * Messages SQLite raises while parsing: the tokenizer's and LALR driver's ({@link
   * #isSyntaxMessage}) and those of parse.y's grammar actions and the helpers they call before any
   * name is resolved (sqlite3JoinType, sqlite3WithAdd, sqlite3WindowAlloc, parserDoubleLinkSelect,
   * the trigger-step checks ...). Messages about schema objects or name resolution are not here.
   */
  static boolean isParseLevel(String m) {
    if (m == null) {
      return false;
    }
    return isSyntaxMessage(m)
        || m.startsWith("unknown table option: ")
        || m.startsWith("error in generated column")
        || m.contains(" clause should come after ")
        || m.equals("all VALUES must have the same number of terms")
        || m.startsWith("unknown join type: ")
        || m.startsWith("a JOIN clause is required before ")
        || m.startsWith("syntax error after column name ")
        || m.startsWith("variable number must be between ")
        || m.equals("too many SQL variables")
        || m.startsWith("duplicate WITH table name: ")
        || m.equals("too many terms in compound SELECT")
        || m.startsWith("too many arguments on function ")
        || m.startsWith("the INDEXED BY clause is not allowed on UPDATE or DELETE statements")
        || m.startsWith("the NOT INDEXED clause is not allowed on UPDATE or DELETE statements")
        || m.startsWith("qualified table names are not allowed on INSERT, UPDATE, and DELETE")
        || m.equals("unsupported frame specification")
        || m.startsWith("Expression tree is too large")
        || m.equals("cannot use RETURNING in a trigger")
        || m.matches("\\d+ columns assigned \\d+ values")
        || m.equals("parser stack overflow")
        || m.equals("Recursion limit")
        || m.equals("too many columns in set list")
        || m.equals("trigger cannot use variables")
        || m.equals("parameters are not allowed in views")
        || m.equals("DISTINCT is not supported for window functions")
        || m.startsWith("ORDER BY may not be used with non-aggregate")
        || m.startsWith("too many FROM clause terms");
  }

  /** SQLite's message for {@code sql} ({@link #prepareError}); "?" when sqlite-jdbc itself fails. */
  static String sqliteError(Connection sqlite, String sql) {
    try {
      return prepareError(sqlite, sql);
    } catch (RuntimeException e) {
      return "?";
    }
  }

  /** Pagoda's message for the first statement of {@code sql}, null when it parses. */
  static String pagodaError(String sql) {
    try {
      Parser.parseFirst(sql);
      return null;
    } catch (ParseException e) {
      return e.getMessage();
    }
  }

  /** Pagoda's message for {@code sql} as a whole script, null when it parses. */
  static String pagodaScriptError(String sql) {
    try {
      Parser.parseAll(sql);
      return null;
    } catch (ParseException e) {
      return e.getMessage();
    }
  }

  /** An in-memory SQLite database holding the tables {@code setup} creates. */
  static Connection sqliteWith(String... setup) throws java.sql.SQLException {
    Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
    try (java.sql.Statement s = c.createStatement()) {
      for (String sql : setup) {
        s.execute(sql);
      }
    }
    return c;
  }
}
