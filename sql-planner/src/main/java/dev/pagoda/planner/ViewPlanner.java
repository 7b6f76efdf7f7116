package dev.pagoda.planner;

import dev.pagoda.parser.ast.CreateView;
import dev.pagoda.parser.ast.DropView;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Reindex;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plans CREATE VIEW, DROP VIEW and REINDEX with SQLite's checks and messages. Tables and views
 * share one namespace; indexes another that no table or view may share.
 */
final class ViewPlanner {
  private static final Set<String> COLLATIONS = Set.of("BINARY", "NOCASE", "RTRIM");

  private ViewPlanner() {}

  static Plan createView(CreateView c, String sql, Catalog catalog) {
    String schema = c.name().schema();
    boolean temp = c.temporary() || "temp".equalsIgnoreCase(schema);
    if (!temp || schema != null) {
      checkViewSchema(c.name());
    }
    if (c.temporary() && schema != null && !schema.equalsIgnoreCase("temp")) {
      throw SqlException.error("temporary table name must be unqualified");
    }
    String name = c.name().name();
    ViewSchema view =
        new ViewSchema(name, c.columns().isEmpty() ? null : c.columns(), c.select(), sql);
    ViewSchema existingView = temp ? catalog.tempView(name) : mainView(catalog, name);
    TableSchema existingTable = temp ? null : catalog.table(name);
    if (existingView != null || existingTable != null) {
      if (c.ifNotExists()) {
        return new Plan.CreateView(view, true, temp);
      }
      throw SqlException.error(existingView != null
          ? "view " + name + " already exists"
          : "table " + name + " already exists");
    }
    if (!temp && catalog.index(name) != null) {
      throw SqlException.error("there is already an index named " + name);
    }
    if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
      throw SqlException.error("object name reserved for internal use: " + name);
    }
    return new Plan.CreateView(view, false, temp);
  }

  /** {@code main} or {@code temp}, else SQLite's {@code unknown database} error. */
  private static void checkViewSchema(QualifiedName name) {
    if (name.schema() == null || !name.schema().equalsIgnoreCase("temp")) {
      Planner.checkSchemaName(name);
    }
  }

  /** The main schema's view {@code name}, not a temp view of that name. */
  private static ViewSchema mainView(Catalog catalog, String name) {
    ViewSchema v = catalog.view(name);
    return v != null && v.equals(catalog.tempView(name)) ? null : v;
  }

  static Plan dropView(DropView d, Catalog catalog) {
    checkViewSchema(d.name());
    String schema = d.name().schema();
    String name = d.name().name();
    ViewSchema view;
    if (schema == null) {
      view = catalog.view(name);
    } else if (schema.equalsIgnoreCase("temp")) {
      view = catalog.tempView(name);
    } else {
      view = mainView(catalog, name);
    }
    if (view != null) {
      return new Plan.DropView(view, view.equals(catalog.tempView(name)));
    }
    if (view == null) {
      TableSchema table = catalog.table(d.name().name());
      if (table != null) {
        throw SqlException.error("use DROP TABLE to delete table " + table.name());
      }
      if (d.ifExists()) {
        return new Plan.DropView(null, false);
      }
      throw SqlException.error("no such view: " + Planner.display(d.name()));
    }
    return new Plan.DropView(view, false);
  }

  /** REINDEX [name]: every index, a collation's, a table's, or one index. */
  static Plan reindex(Reindex r, Catalog catalog) {
    List<IndexSchema> indexes = new ArrayList<>();
    QualifiedName name = r.name();
    if (name == null) {
      for (TableSchema t : catalog.tables()) {
        indexes.addAll(catalog.indexes(t.name()));
      }
    } else {
      Planner.checkSchemaName(name);
      String collation = name.name().toUpperCase(Locale.ROOT);
      if (name.schema() == null && COLLATIONS.contains(collation)) {
        for (TableSchema t : catalog.tables()) {
          for (IndexSchema index : catalog.indexes(t.name())) {
            if (index.columns().stream().anyMatch(c -> c.collation().equals(collation))) {
              indexes.add(index);
            }
          }
        }
      } else if (catalog.table(name.name()) != null) {
        indexes.addAll(catalog.indexes(catalog.table(name.name()).name()));
      } else if (catalog.index(name.name()) != null) {
        indexes.add(catalog.index(name.name()));
      } else if (catalog.view(name.name()) == null) {
        throw SqlException.error("unable to identify the object to be reindexed");
      }
    }
    List<IndexSchema> rebuilt = new ArrayList<>();
    List<TableSchema> tables = new ArrayList<>();
    for (IndexSchema index : indexes) {
      if (index.unsupportedWrite() == null) { // others are never written, so still intact
        rebuilt.add(index);
        tables.add(catalog.table(index.table()));
      }
    }
    return new Plan.Reindex(rebuilt, tables);
  }
}
