package dev.pagoda;

import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.CreateIndex;
import dev.pagoda.planner.ColumnSchema;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code index_list}, {@code index_info} and {@code index_xinfo}, with SQLite's columns and
 * values. Indexes are listed in SQLite's order: newest first, except that those whose constraint
 * says ON CONFLICT REPLACE stay behind the others (as {@code sqlite3CreateIndex} links them).
 * A WITHOUT ROWID table's PRIMARY KEY index, which has no {@code sqlite_schema} row, is listed and
 * described as SQLite does; {@code index_info} of such a table's name describes that index.
 * Collation names are shown as written, as SQLite keeps them.
 */
final class IndexPragmas {
  private IndexPragmas() {}

  /** An index with its table. */
  private record Located(IndexSchema index, TableDefinition table) {}

  /** {@code index_list(T)}: seq, name, unique, origin ({@code c}, {@code u}, {@code pk}), partial. */
  static List<List<Value>> indexList(Connection conn, String schema, String tableName) {
    SchemaCatalog catalog = conn.catalog();
    TableSchema t = tableName == null || "temp".equals(schema) ? null : catalog.table(tableName);
    if (t == null) {
      return List.of();
    }
    List<IndexSchema> linked = new ArrayList<>();
    for (IndexSchema auto : t.constraints().autoIndexes()) {
      link(linked, auto);
    }
    for (IndexSchema index : catalog.indexes(t.name())) {
      if (index.sql() != null) {
        link(linked, index);
      }
    }
    List<List<Value>> rows = new ArrayList<>();
    for (IndexSchema index : linked) {
      String origin = index.sql() != null ? "c" : index.primaryKey() ? "pk" : "u";
      rows.add(List.of(Value.of(rows.size()), Value.of(index.name()),
          Value.of(index.unique() ? 1 : 0), Value.of(origin),
          Value.of(index.where() != null ? 1 : 0)));
    }
    return rows;
  }

  /** Links a new index into the table's list as {@code sqlite3CreateIndex} does. */
  private static void link(List<IndexSchema> list, IndexSchema index) {
    if (!isReplace(index) || list.isEmpty() || isReplace(list.get(0))) {
      list.add(0, index);
      return;
    }
    int other = 0;
    while (other + 1 < list.size() && !isReplace(list.get(other + 1))) {
      other++;
    }
    list.add(other + 1, index);
  }

  private static boolean isReplace(IndexSchema index) {
    return index.onConflict() == ConflictAction.REPLACE;
  }

  /**
   * {@code index_info(I)} (seqno, cid, name of each key column) or {@code index_xinfo(I)} (also
   * desc, coll, key, and the columns after the key: the rowid, cid -1, or a WITHOUT ROWID table's
   * PRIMARY KEY columns). An expression has cid -2 and no name.
   */
  static List<List<Value>> indexInfo(
      Connection conn, String schema, String name, boolean extended) {
    if (name == null || "temp".equals(schema)) {
      return List.of();
    }
    Located found = locate(conn.catalog(), name);
    if (found == null) {
      return List.of();
    }
    IndexSchema index = found.index();
    TableSchema t = found.table().table();
    List<String> collations = writtenCollations(index, t);
    List<List<Value>> rows = new ArrayList<>();
    for (int k = 0; k < index.columns().size(); k++) {
      IndexSchema.IndexColumn c = index.columns().get(k);
      int cid = c.column() >= 0 ? c.column() : -2;
      rows.add(row(rows.size(), cid, t, c.descending(), collations.get(k), true, extended));
    }
    if (extended) {
      trailingColumns(found, rows);
    }
    return rows;
  }

  /** The entry's columns after the key, which only {@code index_xinfo} shows. */
  private static void trailingColumns(Located found, List<List<Value>> rows) {
    IndexSchema index = found.index();
    TableDefinition def = found.table();
    TableSchema t = def.table();
    if (!def.withoutRowid()) {
      rows.add(row(rows.size(), -1, t, false, "BINARY", false, true));
      return;
    }
    IndexSchema pk = def.primaryKeyIndex();
    if (pk.name().equalsIgnoreCase(index.name())) {
      for (int i = 0; i < t.columns().size(); i++) {
        if (position(pk, i, null) < 0) {
          String coll = t.columns().get(i).collation();
          rows.add(row(rows.size(), i, t, false, coll != null ? coll : "BINARY", false, true));
        }
      }
      return;
    }
    List<String> pkCollations = writtenCollations(pk, t);
    for (int k = 0; k < pk.columns().size(); k++) {
      IndexSchema.IndexColumn c = pk.columns().get(k);
      if (position(index, c.column(), c.collation()) < 0) {
        rows.add(row(rows.size(), c.column(), t, c.descending(), pkCollations.get(k), false,
            true));
      }
    }
  }

  /** Where {@code index} has table column {@code column} (with {@code collation}, if given). */
  private static int position(IndexSchema index, int column, String collation) {
    for (int k = 0; k < index.columns().size(); k++) {
      IndexSchema.IndexColumn c = index.columns().get(k);
      if (c.column() == column && (collation == null || c.collation().equalsIgnoreCase(collation))) {
        return k;
      }
    }
    return -1;
  }

  private static List<Value> row(int seqno, int cid, TableSchema t, boolean desc, String coll,
      boolean key, boolean extended) {
    Value name = cid >= 0 ? Value.of(t.columns().get(cid).name()) : Value.NULL;
    if (!extended) {
      return List.of(Value.of(seqno), Value.of(cid), name);
    }
    return List.of(Value.of(seqno), Value.of(cid), name, Value.of(desc ? 1 : 0), Value.of(coll),
        Value.of(key ? 1 : 0));
  }

  /** The index named {@code name}, or a WITHOUT ROWID table's PRIMARY KEY index by its name. */
  private static Located locate(SchemaCatalog catalog, String name) {
    IndexSchema index = catalog.index(name);
    if (index != null) {
      TableSchema t = catalog.table(index.table());
      return t == null ? null : new Located(index, TableDefinition.of(t));
    }
    for (TableSchema t : catalog.tables()) {
      IndexSchema pk = null;
      for (IndexSchema auto : t.constraints().autoIndexes()) {
        if (auto.primaryKey()) {
          pk = auto;
        }
      }
      if (pk != null && (pk.name().equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name))) {
        TableDefinition def = TableDefinition.of(t);
        if (def.withoutRowid()) {
          return new Located(pk, def);
        }
      }
    }
    return null;
  }

  /**
   * The key columns' collation names as written: a COLLATE in CREATE INDEX, else the column's
   * declared COLLATE, else BINARY (the catalog keeps them upper-cased).
   */
  private static List<String> writtenCollations(IndexSchema index, TableSchema t) {
    List<String> explicit = explicitCollations(index);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < index.columns().size(); k++) {
      IndexSchema.IndexColumn c = index.columns().get(k);
      String written = explicit == null ? null : explicit.get(k);
      if (written == null && c.column() >= 0) {
        ColumnSchema column = t.columns().get(c.column());
        if (column.collation() != null && column.collation().equalsIgnoreCase(c.collation())) {
          written = column.collation();
        }
      }
      out.add(written != null ? written : c.collation());
    }
    return out;
  }

  /** Per term of a CREATE INDEX, its COLLATE name as written or null; null for an autoindex. */
  private static List<String> explicitCollations(IndexSchema index) {
    if (index.sql() == null) {
      return null;
    }
    ParsedStatement parsed = Parser.parseFirst(index.sql());
    if (parsed == null || !(parsed.statement() instanceof CreateIndex ast)
        || ast.columns().size() != index.columns().size()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    ast.columns().forEach(term ->
        out.add(term.expr() instanceof Collate c ? c.collation() : null));
    return out;
  }
}
