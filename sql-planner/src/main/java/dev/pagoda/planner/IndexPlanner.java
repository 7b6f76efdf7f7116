package dev.pagoda.planner;

import dev.pagoda.parser.ast.CreateIndex;
import dev.pagoda.parser.ast.DropIndex;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.SqlException;

/** Plans CREATE INDEX and DROP INDEX, with SQLite's checks and messages. */
final class IndexPlanner {
  private IndexPlanner() {}

  static Plan createIndex(CreateIndex c, String sql, Catalog catalog) {
    Planner.checkSchemaName(c.name());
    String name = c.name().name();
    IndexSchema existing = catalog.index(name);
    TableSchema table = catalog.table(c.table());
    if (table == null && catalog.view(c.table()) != null) {
      throw SqlException.error("views may not be indexed");
    }
    if (table == null) {
      String schema = c.name().schema() == null ? "main" : c.name().schema();
      throw SqlException.error("no such table: " + schema + "." + c.table());
    }
    if (existing != null) {
      if (c.ifNotExists()) {
        return new Plan.CreateIndex(existing, table, true);
      }
      throw SqlException.error("index " + name + " already exists");
    }
    if (catalog.table(name) != null || catalog.view(name) != null) {
      throw SqlException.error("there is already a table named " + name);
    }
    if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
      throw SqlException.error("object name reserved for internal use: " + name);
    }
    if (table.name().regionMatches(true, 0, "sqlite_", 0, 7)) {
      // sqlite_schema, sqlite_sequence: SQLite refuses every sqlite_ table
      throw SqlException.error("table " + table.name() + " may not be indexed");
    }
    Planner.checkWritable(catalog, table);
    IndexSchema index = IndexBuilder.fromCreateIndex(c, sql, 0, table);
    if (index.unsupportedWrite() != null) {
      throw SqlException.error("not supported yet: " + index.unsupportedWrite());
    }
    return new Plan.CreateIndex(index, table, false);
  }

  static Plan dropIndex(DropIndex d, Catalog catalog) {
    Planner.checkSchemaName(d.name());
    IndexSchema index = catalog.index(d.name().name());
    if (index == null) {
      if (d.ifExists()) {
        return new Plan.DropIndex(null);
      }
      throw SqlException.error("no such index: " + Planner.display(d.name()));
    }
    if (index.sql() == null) {
      throw SqlException.error(
          "index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped");
    }
    return new Plan.DropIndex(index);
  }
}
