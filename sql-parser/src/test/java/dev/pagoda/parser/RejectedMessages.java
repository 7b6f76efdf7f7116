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
        || m.equals("Recursion limit");
  }
}
