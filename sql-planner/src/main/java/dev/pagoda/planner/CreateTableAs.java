package dev.pagoda.planner;

import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.planner.plan.Plan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CREATE TABLE ... AS SELECT: the new table has one column per result column, named after it,
 * with a declared type from its affinity, and SQLite's generated CREATE TABLE text (which sqlite3
 * stores in {@code sqlite_schema}); the query fills it.
 */
final class CreateTableAs {
  private CreateTableAs() {}

  static Plan plan(CreateTable c, Catalog catalog) {
    QueryBinder.Bound query = new QueryBinder(catalog).bind(c.asSelect(), null);
    List<String> names = uniqueNames(query.names());
    String sql = createSql(c.name().name(), names, query.affinities());
    CreateTable generated = (CreateTable) Parser.parseFirst(sql).statement();
    TableSchema table = SchemaBuilder.fromCreateTable(generated, sql, 0);
    return new Plan.CreateTable(table, false, query.root());
  }

  /** Result names made unique as SQLite does: a repeated name gets ":1", ":2", ... */
  private static List<String> uniqueNames(List<String> names) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      String candidate = name;
      for (int n = 1; !seen.add(candidate.toLowerCase(Locale.ROOT)); n++) {
        candidate = name + ":" + n;
      }
      out.add(candidate);
    }
    return out;
  }

  /** SQLite's text for a table made by CREATE TABLE ... AS. */
  static String createSql(String table, List<String> columns, List<Affinity> affinities) {
    int n = identLength(table);
    for (String column : columns) {
      n += identLength(column) + 5;
    }
    String sep = n < 50 ? "" : "\n  ";
    String sep2 = n < 50 ? "," : ",\n  ";
    String end = n < 50 ? ")" : "\n)";
    StringBuilder sb = new StringBuilder("CREATE TABLE ").append(ident(table)).append('(');
    for (int i = 0; i < columns.size(); i++) {
      sb.append(i == 0 ? sep : sep2).append(ident(columns.get(i)))
          .append(typeName(affinities.get(i)));
    }
    return sb.append(end).toString();
  }

  private static String typeName(Affinity affinity) {
    if (affinity == null) {
      return "";
    }
    return switch (affinity) {
      case TEXT -> " TEXT";
      case NUMERIC -> " NUM";
      case INTEGER -> " INT";
      case REAL -> " REAL";
      case BLOB -> "";
    };
  }

  private static int identLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += s.charAt(i) == '"' ? 2 : 1;
    }
    return n + 2;
  }

  /** The name as is when it is a plain identifier and no keyword, else in double quotes. */
  private static String ident(String s) {
    boolean plain = !s.isEmpty() && !Character.isDigit(s.charAt(0)) && !Parser.isKeyword(s);
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
    return plain ? s : '"' + s.replace("\"", "\"\"") + '"';
  }
}
