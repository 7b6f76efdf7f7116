package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.pager.Pager;
import dev.pagoda.planner.Catalog;
import dev.pagoda.planner.ForeignKey;
import dev.pagoda.planner.FunctionCatalog;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PRAGMA foreign_key_check[(table)]}: every row of a child table whose key (no column NULL)
 * has no parent row, per row in rowid order and per key in {@code id} order, with SQLite's four
 * columns. A key whose parent table is missing fails for every such row; one whose parent has no
 * fitting index fails the pragma with SQLite's mismatch error. Without a table, the tables come in
 * the catalog's order (SQLite's is its hash table's).
 */
public final class ForeignKeyCheck {
  /**
   * One violation.
   *
   * @param table the child table
   * @param rowid the child row
   * @param parent the parent table as the key names it
   * @param fkid the key's {@code id} in {@code PRAGMA foreign_key_list}
   */
  public record Violation(String table, long rowid, String parent, int fkid) {}

  private ForeignKeyCheck() {}

  /**
   * The violations of {@code table}'s keys, or of every table's when {@code table} is null. Runs
   * inside the caller's read transaction.
   *
   * @throws SqlException {@code no such table: t}, or a foreign key mismatch
   */
  public static List<Violation> check(Pager pager, Catalog catalog, FunctionCatalog functions,
      String table) {
    List<TableSchema> tables = new ArrayList<>();
    if (table != null) {
      TableSchema t = catalog.table(table);
      if (t == null) {
        throw SqlException.error("no such table: " + table);
      }
      tables.add(t);
    } else {
      tables.addAll(catalog.tables());
    }
    ForeignKeyLinks links = new ForeignKeyLinks(catalog, functions, true);
    ForeignKeyChecker checker = new ForeignKeyChecker(null, links, pager, Session.NONE);
    List<Violation> out = new ArrayList<>();
    for (TableSchema t : tables) {
      if (!t.foreignKeys().isEmpty() && t.rootPage() > 0) {
        check(pager, t, linksOf(catalog, links, t), checker, out);
      }
    }
    return out;
  }

  /** Per key in id order, its link; the parent null when the parent table is missing. */
  private static List<ForeignKeyLinks.Link> linksOf(Catalog catalog, ForeignKeyLinks links,
      TableSchema t) {
    List<ForeignKeyLinks.Link> out = new ArrayList<>();
    for (ForeignKey fk : t.foreignKeys()) {
      dev.pagoda.planner.ParentKey parent = dev.pagoda.planner.ParentKey.locate(catalog, t, fk);
      out.add(links.link(t, fk, parent, null));
    }
    return out;
  }

  private static void check(Pager pager, TableSchema t, List<ForeignKeyLinks.Link> keys,
      ForeignKeyChecker checker, List<Violation> out) {
    Value[] row = new Value[t.columns().size() + 1];
    List<Long> rowids = new ArrayList<>();
    try (TableCursor cursor = BTree.openTable(pager, t.rootPage())) {
      for (boolean ok = cursor.first(); ok; ok = cursor.next()) {
        rowids.add(cursor.rowid());
      }
    }
    try (TableWriter reader = new TableWriter(pager, t, List.of(), null, new String[0],
        new Evaluator[0], new Evaluator[0])) {
      for (long rowid : rowids) {
        reader.read(rowid, row);
        for (int i = 0; i < keys.size(); i++) {
          if (!checker.hasParent(keys.get(i), row)) {
            out.add(new Violation(t.name(), rowid, keys.get(i).fk().parentTable(), i));
          }
        }
      }
    }
  }
}
