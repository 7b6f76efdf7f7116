package dev.pagoda.executor;

import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.Catalog;
import dev.pagoda.planner.ForeignKey;
import dev.pagoda.planner.FunctionCatalog;
import dev.pagoda.planner.ParentKey;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The foreign keys a write to a table must honour, resolved against the schema once per statement
 * run: those the table holds (it is their child) and those that name it (it is their parent).
 */
final class ForeignKeyLinks {
  /**
   * One foreign key with its parent key located.
   *
   * @param child the child table
   * @param fk the key
   * @param parent the parent key, or null when the parent table does not exist (only while a
   *     table is dropped; otherwise that is an error)
   * @param affinities per key position, the affinity the comparison of a parent value with a
   *     child value applies (null for none)
   * @param collations per key position, the parent column's collation
   * @param error why the key cannot be used (a missing parent, a mismatch), thrown when a write
   *     needs it, or null
   */
  record Link(TableSchema child, ForeignKey fk, ParentKey parent, Affinity[] affinities,
      Collation[] collations, RuntimeException error) {
    /** Throws the key's error, if any: a write needs the key now. */
    void check() {
      if (error != null) {
        throw error;
      }
    }
  }

  private final Catalog catalog;
  private final FunctionCatalog functions;
  private final boolean ignoreErrors;
  private final Map<String, List<Link>> asChild = new HashMap<>();
  private final Map<String, List<Link>> asParent = new HashMap<>();

  /**
   * @param ignoreErrors SQLite's mode for the DELETE a DROP TABLE runs: a missing parent is empty
   *     and a key that does not fit its parent is skipped, rather than errors
   */
  ForeignKeyLinks(Catalog catalog, FunctionCatalog functions, boolean ignoreErrors) {
    this.catalog = catalog;
    this.functions = functions;
    this.ignoreErrors = ignoreErrors;
  }

  /** The keys {@code table} holds, parents located. */
  List<Link> asChild(TableSchema table) {
    String key = TableSchema.key(table.name());
    List<Link> links = asChild.get(key);
    if (links == null) {
      links = new ArrayList<>();
      for (ForeignKey fk : table.foreignKeys()) {
        try {
          ParentKey parent = ParentKey.locate(catalog, table, fk);
          if (parent == null && !ignoreErrors) {
            throw SqlException.error("no such table: main." + fk.parentTable());
          }
          links.add(link(table, fk, parent, null)); // a missing parent is empty while dropping
        } catch (SqlException e) {
          if (!ignoreErrors) {
            links.add(link(table, fk, null, e));
          }
        }
      }
      asChild.put(key, links);
    }
    return links;
  }

  /** The keys that name {@code table} as their parent. */
  List<Link> asParent(TableSchema table) {
    String key = TableSchema.key(table.name());
    List<Link> links = asParent.get(key);
    if (links == null) {
      links = new ArrayList<>();
      for (ParentKey.Reference ref : ParentKey.referencing(catalog.tables(), table.name())) {
        try {
          links.add(link(ref.child(), ref.key(),
              ParentKey.locate(catalog, ref.child(), ref.key()), null));
        } catch (SqlException e) {
          if (!ignoreErrors) {
            links.add(link(ref.child(), ref.key(), null, e));
          }
        }
      }
      asParent.put(key, links);
    }
    return links;
  }

  Link link(TableSchema child, ForeignKey fk, ParentKey parent, RuntimeException error) {
    int n = fk.size();
    Affinity[] affinities = new Affinity[n];
    Collation[] collations = new Collation[n];
    for (int i = 0; i < n && parent != null; i++) {
      int p = parent.parentColumns().get(i);
      int c = parent.childColumns().get(i);
      Affinity pa = parent.isRowid() ? Affinity.INTEGER : parent.parent().columns().get(p).affinity();
      Affinity ca = child.columns().get(c).affinity();
      affinities[i] = pa.isNumeric() || ca.isNumeric() ? Affinity.NUMERIC : null;
      String name = parent.isRowid() ? null : parent.parent().columns().get(p).collation();
      collations[i] = Comparison.collation(name, functions);
    }
    return new Link(child, fk, parent, affinities, collations, error);
  }

  /** The indexes of {@code table}, for writers on child tables. */
  List<dev.pagoda.planner.IndexSchema> indexes(TableSchema table) {
    return catalog.indexes(table.name());
  }

  /** The functions and collations of the connection. */
  FunctionCatalog functions() {
    return functions;
  }

  /** The table's current schema (a cascade may reach a table the statement never named). */
  TableSchema table(String name) {
    return catalog.table(name);
  }
}
