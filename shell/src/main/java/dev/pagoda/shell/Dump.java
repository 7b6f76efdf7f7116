package dev.pagoda.shell;

import dev.pagoda.Connection;
import dev.pagoda.PagodaException;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import dev.pagoda.spi.StorageClass;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code .dump ?TABLE...?}: the database (or the tables whose names match the LIKE patterns) as SQL
 * text, in sqlite3 3.40's format, byte for byte:
 *
 * <pre>
 * PRAGMA foreign_keys=OFF;
 * BEGIN TRANSACTION;
 * CREATE TABLE ...;                     -- each table in sqlite_schema rowid order,
 * INSERT INTO t VALUES(1,'x',2.5,X'00',NULL);   -- followed by its rows
 * DELETE FROM sqlite_sequence;          -- sqlite_sequence last among the tables
 * INSERT INTO sqlite_sequence VALUES('t',4);
 * CREATE INDEX ...; CREATE VIEW ...; CREATE TRIGGER ...;
 * COMMIT;
 * </pre>
 *
 * <p>Values are written as sqlite3's insert mode writes them: integers as they are, reals by
 * {@link DumpReal}, blobs as {@code X'hex'}, text quoted with {@code ''} and, when it holds line
 * feeds or carriage returns, wrapped in {@code replace('..\n..','\n',char(10))}. Like sqlite3, text
 * is cut at its first NUL character (sqlite3 handles values as C strings). A {@code CREATE TABLE}
 * whose name is quoted becomes {@code CREATE TABLE IF NOT EXISTS}; identifiers are quoted with
 * {@code "} only when they are not plain words or are SQL keywords.
 */
final class Dump {
  private final Connection connection;
  private final PrintStream out;
  private int errors;

  private Dump(Connection connection, PrintStream out) {
    this.connection = connection;
    this.out = out;
  }

  /** The {@code .dump} command: LIKE patterns for table names; no options yet. */
  static DotCommands.Next command(List<String> args, Session session) {
    for (String arg : args) {
      if (arg.startsWith("-")) {
        session.error("Unknown option \"" + arg + "\" on \".dump\"");
        return DotCommands.Next.CONTINUE;
      }
    }
    try {
      if (dump(session.connection(), args, session.out()) > 0) {
        session.error("Error: some tables could not be dumped");
      }
    } catch (PagodaException e) {
      session.error("Error: " + e.getMessage());
    }
    return DotCommands.Next.CONTINUE;
  }

  /**
   * Writes the dump of the tables matching any of {@code patterns} (all when empty) to {@code out};
   * returns the number of tables that could not be read (the dump then ends in {@code ROLLBACK}).
   */
  static int dump(Connection connection, List<String> patterns, PrintStream out) {
    Dump dump = new Dump(connection, out);
    String where = where(patterns);
    out.print("PRAGMA foreign_keys=OFF;\n");
    out.print("BEGIN TRANSACTION;\n");
    boolean savepoint = dump.tryExecute("SAVEPOINT dump");
    try {
      dump.tables(
          "SELECT name, type, sql FROM sqlite_schema AS o WHERE ("
              + where
              + ") AND type=='table' AND sql NOT NULL ORDER BY tbl_name='sqlite_sequence', rowid");
      dump.schemaLines(
          "SELECT sql FROM sqlite_schema AS o WHERE ("
              + where
              + ") AND sql NOT NULL AND type IN ('index','trigger','view')");
    } finally {
      if (savepoint) {
        dump.tryExecute("RELEASE dump");
      }
    }
    out.print(dump.errors > 0 ? "ROLLBACK; -- due to errors\n" : "COMMIT;\n");
    return dump.errors;
  }

  /** The WHERE condition for the LIKE patterns, as sqlite3 builds it. */
  private static String where(List<String> patterns) {
    if (patterns.isEmpty()) {
      return "true";
    }
    List<String> terms = new ArrayList<>();
    for (String pattern : patterns) {
      terms.add("name LIKE " + quoteText(pattern) + " ESCAPE '\\'");
    }
    return String.join(" OR ", terms);
  }

  private boolean tryExecute(String sql) {
    try {
      connection.execute(sql);
      return true;
    } catch (PagodaException e) {
      return false;
    }
  }

  /** Each table's CREATE statement and its rows (sqlite3's {@code dump_callback}). */
  private void tables(String sql) {
    List<String[]> tables = new ArrayList<>();
    try (PreparedStatement statement = connection.prepare(sql);
        Rows rows = statement.query()) {
      while (rows.next()) {
        tables.add(new String[] {rows.getString(0), rows.getString(1), rows.getString(2)});
      }
    }
    for (String[] table : tables) {
      table(table[0], table[2]);
    }
  }

  private void table(String name, String createSql) {
    if (name.equals("sqlite_sequence")) {
      out.print("DELETE FROM sqlite_sequence;\n");
    } else if (name.matches("sqlite_stat.")) {
      out.print("ANALYZE sqlite_schema;\n");
    } else if (name.startsWith("sqlite_")) {
      return;
    } else if (createSql.regionMatches(true, 0, "CREATE VIRTUAL TABLE", 0, 20)) {
      out.print("PRAGMA writable_schema=ON;\n");
      out.print(
          "INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table',"
              + quoteText(name) + "," + quoteText(name) + ",0," + quoteText(createSql) + ");\n");
      return;
    } else if (createSql.startsWith("CREATE TABLE '") || createSql.startsWith("CREATE TABLE \"")) {
      out.print("CREATE TABLE IF NOT EXISTS " + createSql.substring(13) + ";\n");
    } else {
      out.print(createSql + ";\n");
    }
    rows(name);
  }

  /** The table's rows as {@code INSERT INTO name VALUES(...);} lines. */
  private void rows(String table) {
    String quotedTable = identifier(table);
    List<String> columns;
    try (PreparedStatement probe = connection.prepare("SELECT * FROM " + quotedTable)) {
      columns = new ArrayList<>(probe.columnCount());
      for (int i = 0; i < probe.columnCount(); i++) {
        columns.add(identifier(probe.columnName(i)));
      }
    } catch (PagodaException e) {
      errors++;
      return;
    }
    String select = "SELECT " + String.join(",", columns) + " FROM " + quotedTable;
    String prefix = "INSERT INTO " + quotedTable + " VALUES(";
    StringBuilder line = new StringBuilder();
    try (PreparedStatement statement = connection.prepare(select);
        Rows rows = statement.query()) {
      int count = rows.columnCount();
      while (rows.next()) {
        line.setLength(0);
        line.append(prefix);
        for (int i = 0; i < count; i++) {
          if (i > 0) {
            line.append(',');
          }
          appendValue(line, rows, i);
        }
        out.append(line).append(");\n");
      }
    } catch (PagodaException e) {
      errors++;
    }
  }

  /** One value as sqlite3's insert mode writes it. */
  static void appendValue(StringBuilder b, Rows rows, int column) {
    StorageClass type = rows.type(column);
    switch (type) {
      case NULL -> b.append("NULL");
      case INTEGER -> b.append(rows.getLong(column));
      case REAL -> b.append(DumpReal.format(rows.getDouble(column)));
      case BLOB -> appendBlob(b, rows.getBytes(column));
      case TEXT -> appendText(b, rows.getString(column));
    }
  }

  private static void appendBlob(StringBuilder b, byte[] blob) {
    b.append("X'");
    for (byte x : blob) {
      b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    b.append('\'');
  }

  /**
   * Text as sqlite3's {@code output_quoted_escaped_string}: {@code '...'} with {@code ''} for a
   * quote; line feeds and carriage returns are written as an escape that does not occur in the
   * text ({@code \n}, else {@code \012}, else {@code (\n0)}, ...) undone by {@code replace()}.
   */
  static void appendText(StringBuilder b, String text) {
    int nul = text.indexOf('\0');
    String z = nul >= 0 ? text.substring(0, nul) : text;
    boolean hasNl = z.indexOf('\n') >= 0;
    boolean hasCr = z.indexOf('\r') >= 0;
    String nl = hasNl ? unusedString(z, "\\n", "\\012") : null;
    String cr = hasCr ? unusedString(z, "\\r", "\\015") : null;
    if (hasNl) {
      b.append("replace(");
    }
    if (hasCr) {
      b.append("replace(");
    }
    b.append('\'');
    for (int i = 0; i < z.length(); i++) {
      char c = z.charAt(i);
      switch (c) {
        case '\'' -> b.append("''");
        case '\n' -> b.append(nl);
        case '\r' -> b.append(cr);
        default -> b.append(c);
      }
    }
    b.append('\'');
    if (hasCr) {
      b.append(",'").append(cr).append("',char(13))");
    }
    if (hasNl) {
      b.append(",'").append(nl).append("',char(10))");
    }
  }

  /** sqlite3's {@code unused_string}: {@code a}, {@code b} or {@code (a0)}, {@code (a1)}, ... */
  private static String unusedString(String z, String a, String b) {
    if (!z.contains(a)) {
      return a;
    }
    if (!z.contains(b)) {
      return b;
    }
    for (long i = 0; ; i++) {
      String candidate = "(" + a + i + ")";
      if (!z.contains(candidate)) {
        return candidate;
      }
    }
  }

  /** {@code CREATE INDEX/TRIGGER/VIEW} statements, each followed by {@code ;}. */
  private void schemaLines(String sql) {
    try (PreparedStatement statement = connection.prepare(sql);
        Rows rows = statement.query()) {
      while (rows.next()) {
        out.print(rows.getString(0) + ";\n");
      }
    }
  }

  /** {@code text} as an SQL string literal ({@code %Q}). */
  static String quoteText(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** {@code name} in double quotes when sqlite3's {@code quoteChar} says it needs them. */
  static String identifier(String name) {
    return needsQuotes(name) ? '"' + name.replace("\"", "\"\"") + '"' : name;
  }

  private static boolean needsQuotes(String name) {
    if (name.isEmpty() || !(isAsciiLetter(name.charAt(0)) || name.charAt(0) == '_')) {
      return true;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return true;
      }
    }
    return KEYWORDS.contains(name.toUpperCase(Locale.ROOT));
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** SQLite's 147 keywords ({@code sqlite3_keyword_check}). */
  private static final Set<String> KEYWORDS =
      Set.of(
          "ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "AS",
          "ASC", "ATTACH", "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE",
          "CAST", "CHECK", "COLLATE", "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE",
          "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE",
          "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC", "DETACH", "DISTINCT", "DO",
          "DROP", "EACH", "ELSE", "END", "ESCAPE", "EXCEPT", "EXCLUDE", "EXCLUSIVE", "EXISTS",
          "EXPLAIN", "FAIL", "FILTER", "FIRST", "FOLLOWING", "FOR", "FOREIGN", "FROM", "FULL",
          "GENERATED", "GLOB", "GROUP", "GROUPS", "HAVING", "IF", "IGNORE", "IMMEDIATE", "IN",
          "INDEX", "INDEXED", "INITIALLY", "INNER", "INSERT", "INSTEAD", "INTERSECT", "INTO", "IS",
          "ISNULL", "JOIN", "KEY", "LAST", "LEFT", "LIKE", "LIMIT", "MATCH", "MATERIALIZED",
          "NATURAL", "NO", "NOT", "NOTHING", "NOTNULL", "NULL", "NULLS", "OF", "OFFSET", "ON",
          "OR", "ORDER", "OTHERS", "OUTER", "OVER", "PARTITION", "PLAN", "PRAGMA", "PRECEDING",
          "PRIMARY", "QUERY", "RAISE", "RANGE", "RECURSIVE", "REFERENCES", "REGEXP", "REINDEX",
          "RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RIGHT", "ROLLBACK", "ROW",
          "ROWS", "SAVEPOINT", "SELECT", "SET", "TABLE", "TEMP", "TEMPORARY", "THEN", "TIES", "TO",
          "TRANSACTION", "TRIGGER", "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USING", "VACUUM",
          "VALUES", "VIEW", "VIRTUAL", "WHEN", "WHERE", "WINDOW", "WITH", "WITHOUT");
}
