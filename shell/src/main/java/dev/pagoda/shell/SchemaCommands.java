package dev.pagoda.shell;

import dev.pagoda.PagodaException;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import dev.pagoda.shell.DotCommands.Next;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dot-commands that look at the schema, by reading {@code sqlite_schema} as sqlite3 does:
 * {@code .tables ?PATTERN?}, {@code .indexes ?TABLE?}, {@code .schema ?PATTERN?}, {@code
 * .databases}.
 */
final class SchemaCommands {
  /** One row of {@code sqlite_schema}. */
  private record Entry(String type, String name, String table, String sql) {}

  private SchemaCommands() {}

  /** The schema's rows in rowid (creation) order. */
  private static List<Entry> entries(Session session) {
    List<Entry> entries = new ArrayList<>();
    try (PreparedStatement st = session.connection()
            .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid");
        Rows rows = st.query()) {
      while (rows.next()) {
        entries.add(new Entry(rows.getString(0), rows.getString(1), rows.getString(2),
            rows.getString(3)));
      }
    }
    return entries;
  }

  /** {@code .tables}: tables and views matching the LIKE pattern, sorted, in columns. */
  static Next tables(List<String> args, Session session) {
    String pattern = args.isEmpty() ? "%" : args.get(0);
    return listNames(session, e -> (e.type().equals("table") || e.type().equals("view"))
        && !e.name().toLowerCase(Locale.ROOT).startsWith("sqlite_")
        && Like.matches(pattern, e.name()));
  }

  /** {@code .indexes}: the indexes (of the tables matching the LIKE pattern), sorted. */
  static Next indexes(List<String> args, Session session) {
    if (args.size() > 1) {
      return DotCommands.usage(session, "Usage: .indexes ?LIKE-PATTERN?");
    }
    String pattern = args.isEmpty() ? "%" : args.get(0);
    return listNames(session, e -> e.type().equals("index") && Like.matches(pattern, e.table()));
  }

  private static Next listNames(Session session, java.util.function.Predicate<Entry> filter) {
    List<String> names = new ArrayList<>();
    try {
      for (Entry e : entries(session)) {
        if (filter.test(e)) {
          names.add(e.name());
        }
      }
    } catch (PagodaException e) {
      return DotCommands.usage(session, "Error: " + e.getMessage());
    }
    names.sort(null);
    DotCommands.printColumns(names, session);
    return Next.CONTINUE;
  }

  /**
   * {@code .schema}: each CREATE statement with {@code ;}, tables then the rest in creation
   * order; a view gets a {@code /* name(columns) * /} line; {@code CREATE TABLE "x"} becomes
   * {@code CREATE TABLE IF NOT EXISTS "x"} (shell.c's {@code printSchemaLine}). A pattern is
   * matched (LIKE, or GLOB when it holds {@code * ? [}) against the lower-case table name.
   */
  static Next schema(List<String> args, Session session) {
    if (args.size() > 1) {
      return DotCommands.usage(session, "Usage: .schema ?--indent? ?--nosys? ?LIKE-PATTERN?");
    }
    String pattern = args.isEmpty() ? null : args.get(0);
    StringBuilder out = new StringBuilder();
    try {
      for (Entry e : entries(session)) {
        if (e.sql() == null || !matches(pattern, e)) {
          continue;
        }
        out.append(schemaLine(e, session)).append(";\n");
      }
    } catch (PagodaException e) {
      return DotCommands.usage(session, "Error: " + e.getMessage());
    }
    session.out().print(out);
    return Next.CONTINUE;
  }

  private static boolean matches(String pattern, Entry e) {
    if (pattern == null) {
      return !e.name().toLowerCase(Locale.ROOT).startsWith("sqlite_");
    }
    String table = e.table().toLowerCase(Locale.ROOT);
    boolean glob = pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0
        || pattern.indexOf('[') >= 0;
    return glob ? Like.glob(pattern, table) : Like.matches(pattern, table);
  }

  private static String schemaLine(Entry e, Session session) {
    String sql = e.sql();
    if (e.type().equals("view") && sql.startsWith("CREATE VIEW ")) {
      String fake = fakeSchema(e.name(), session);
      if (fake != null) {
        sql = sql + "\n/* " + fake + " */";
      }
    }
    if (sql.matches("(?s)CREATE TABLE ['\"].*")) {
      sql = "CREATE TABLE IF NOT EXISTS " + sql.substring(13);
    }
    return sql;
  }

  /** shell.c's {@code shellFakeSchema}: {@code name(col,...)}, names quoted where needed. */
  private static String fakeSchema(String view, Session session) {
    String sql = "SELECT * FROM \"" + view.replace("\"", "\"\"") + "\"";
    try (PreparedStatement st = session.connection().prepare(sql)) {
      if (st.columnCount() == 0) {
        return null;
      }
      StringBuilder out = new StringBuilder(Identifiers.quoteIfNeeded(view)).append('(');
      for (int i = 0; i < st.columnCount(); i++) {
        out.append(i > 0 ? "," : "").append(Identifiers.quoteIfNeeded(st.columnName(i)));
      }
      return out.append(')').toString();
    } catch (PagodaException e) {
      return null;
    }
  }

  /** {@code .databases}: {@code main: /absolute/path r/w} ({@code ""} for an in-memory one). */
  static Next databases(List<String> args, Session session) {
    String name = session.database().name();
    String path = name.equals(":memory:") || name.isEmpty()
        ? "\"\"" : Path.of(name).toAbsolutePath().normalize().toString();
    session.out().print("main: " + path + (session.database().isReadOnly() ? " r/o" : " r/w")
        + "\n");
    return Next.CONTINUE;
  }
}
