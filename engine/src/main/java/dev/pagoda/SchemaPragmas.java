package dev.pagoda;

import dev.pagoda.planner.ColumnSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.ViewSchema;
import dev.pagoda.spi.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code table_info}, {@code table_xinfo}, {@code table_list} and {@code database_list}, with
 * SQLite's columns and values. A name is looked up as SQLite's {@code sqlite3LocateTable} does:
 * in the given schema, or without one in {@code temp} (TEMP views) and then {@code main}; an
 * unknown name gives no rows.
 */
final class SchemaPragmas {
  private SchemaPragmas() {}

  /** A table or a view, found by name. */
  private record Found(TableSchema table, ViewSchema view, String schema) {}

  private static Found locate(SchemaCatalog catalog, String schema, String name) {
    if (name == null) {
      return null;
    }
    if (!"main".equals(schema)) {
      ViewSchema temp = catalog.tempView(name);
      if (temp != null) {
        return new Found(null, temp, "temp");
      }
      if ("temp".equals(schema)) {
        return null;
      }
    }
    TableSchema t = catalog.table(name);
    if (t != null) {
      return new Found(t, null, "main");
    }
    ViewSchema v = catalog.fileView(name);
    return v == null ? null : new Found(null, v, "main");
  }

  /**
   * {@code table_info} ({@code extended} false: cid, name, type, notnull, dflt_value, pk; generated
   * columns left out) or {@code table_xinfo} (every column, and {@code hidden}).
   */
  static List<List<Value>> tableInfo(
      Connection conn, String schema, String name, boolean extended) {
    Found found = locate(conn.catalog(), schema, name);
    if (found == null) {
      return List.of();
    }
    if (found.view() != null) {
      return viewInfo(conn, found.view(), extended);
    }
    TableSchema t = found.table();
    TableDefinition def = TableDefinition.of(t);
    List<List<Value>> rows = new ArrayList<>();
    int hiddenSoFar = 0;
    for (int i = 0; i < t.columns().size(); i++) {
      ColumnSchema c = t.columns().get(i);
      TableDefinition.Column d = def.columns().get(i);
      int hidden = d.hidden();
      if (hidden != 0 && !extended) {
        hiddenSoFar++;
        continue;
      }
      List<Value> row = new ArrayList<>(List.of(Value.of(i - hiddenSoFar), Value.of(c.name()),
          Value.of(TableDefinition.shownType(c.declaredType())), Value.of(def.notNull(i) ? 1 : 0),
          hidden >= 2 ? Value.NULL : Value.of(d.defaultText()),
          Value.of(def.primaryKeyPosition(i))));
      if (extended) {
        row.add(Value.of(hidden));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<Value>> viewInfo(Connection conn, ViewSchema view, boolean extended) {
    ViewColumns columns = ViewColumns.of(conn.catalog(), view);
    List<List<Value>> rows = new ArrayList<>();
    for (int i = 0; i < columns.names().size(); i++) {
      List<Value> row = new ArrayList<>(List.of(Value.of(i), Value.of(columns.names().get(i)),
          Value.of(columns.types().get(i)), Value.of(0), Value.NULL, Value.of(0)));
      if (extended) {
        row.add(Value.of(0));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * {@code table_list[(name)]}: schema, name, type ({@code table} or {@code view}: Pagoda has no
   * virtual or shadow tables), ncol, wr (WITHOUT ROWID), strict; each schema's own
   * {@code sqlite_schema} (or {@code sqlite_temp_schema}) among them, as SQLite lists it.
   */
  static List<List<Value>> tableList(Connection conn, String schema, String name) {
    SchemaCatalog catalog = conn.catalog();
    List<List<Value>> rows = new ArrayList<>();
    if (!"temp".equals(schema)) {
      for (TableSchema t : catalog.tables()) {
        if (matches(name, internalName(t.name()))) {
          TableDefinition def = TableDefinition.of(t);
          rows.add(tableListRow("main", t.name(), "table", t.columns().size(),
              def.withoutRowid(), def.strict()));
        }
      }
      for (ViewSchema v : catalog.fileViews()) {
        if (matches(name, v.name())) {
          rows.add(tableListRow("main", v.name(), "view",
              ViewColumns.of(catalog, v).names().size(), false, false));
        }
      }
    }
    if (!"main".equals(schema)) {
      for (ViewSchema v : catalog.tempViews()) {
        if (matches(name, v.name())) {
          rows.add(tableListRow("temp", v.name(), "view",
              ViewColumns.of(catalog, v).names().size(), false, false));
        }
      }
      if (matches(name, "sqlite_temp_master")) {
        rows.add(tableListRow("temp", "sqlite_temp_schema", "table", 5, false, false));
      }
    }
    return rows;
  }

  /**
   * The name SQLite matches {@code table_list}'s argument against: the schema table's internal
   * name {@code sqlite_master}, though it lists it as {@code sqlite_schema}.
   */
  private static String internalName(String table) {
    return table.equalsIgnoreCase("sqlite_schema") ? "sqlite_master" : table;
  }

  private static boolean matches(String wanted, String name) {
    return wanted == null || wanted.equalsIgnoreCase(name);
  }

  private static List<Value> tableListRow(String schema, String name, String type, int ncol,
      boolean withoutRowid, boolean strict) {
    return List.of(Value.of(schema), Value.of(name), Value.of(type), Value.of(ncol),
        Value.of(withoutRowid ? 1 : 0), Value.of(strict ? 1 : 0));
  }

  /**
   * {@code database_list}: seq, name, file. The file is the database's absolute path, as SQLite's
   * {@code sqlite3_db_filename} gives it, or empty for an in-memory database; {@code temp} is
   * listed once the connection has TEMP objects, as SQLite opens its temp database then.
   */
  static List<List<Value>> databaseList(Connection conn) {
    List<List<Value>> rows = new ArrayList<>();
    rows.add(List.of(Value.of(0), Value.of("main"), Value.of(fileName(conn.db()))));
    if (conn.catalog().hasTempObjects()) {
      rows.add(List.of(Value.of(1), Value.of("temp"), Value.of("")));
    }
    return rows;
  }

  private static String fileName(Database db) {
    if (":memory:".equals(db.name())) {
      return "";
    }
    Path path = Path.of(db.name()).toAbsolutePath().normalize();
    try {
      return path.toRealPath().toString(); // SQLite resolves symbolic links too
    } catch (IOException e) {
      return path.toString();
    }
  }
}
