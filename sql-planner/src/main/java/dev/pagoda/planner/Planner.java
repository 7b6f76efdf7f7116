package dev.pagoda.planner;

import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.CreateIndex;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.CreateTrigger;
import dev.pagoda.parser.ast.CreateView;
import dev.pagoda.parser.ast.Delete;
import dev.pagoda.parser.ast.DropIndex;
import dev.pagoda.parser.ast.DropTable;
import dev.pagoda.parser.ast.DropTrigger;
import dev.pagoda.parser.ast.DropView;
import dev.pagoda.parser.ast.Explain;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Reindex;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.Update;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.SqlException;

/** Plans one parsed statement against a catalog: the entry point of this module. */
public final class Planner {
  private Planner() {}

  /**
   * The physical plan of {@code parsed}.
   *
   * @param source the SQL text {@code parsed} was parsed from (CREATE statements keep their text)
   * @throws SqlException for names that do not resolve and for what is not supported yet
   */
  public static Plan plan(ParsedStatement parsed, String source, Catalog catalog) {
    Statement statement = parsed.statement();
    if (statement instanceof Select s) {
      return SelectBinder.bind(s, catalog);
    } else if (statement instanceof Insert i) {
      return InsertBinder.bind(i, catalog);
    } else if (statement instanceof CreateTable c) {
      return createTable(c, c.asSelect() != null ? null : Parser.schemaSql(source, parsed),
          catalog);
    } else if (statement instanceof DropTable d) {
      return dropTable(d, catalog);
    } else if (statement instanceof CreateIndex c) {
      return IndexPlanner.createIndex(c, Parser.schemaSql(source, parsed), catalog);
    } else if (statement instanceof DropIndex d) {
      return IndexPlanner.dropIndex(d, catalog);
    } else if (statement instanceof Update u) {
      return UpdateBinder.bind(u, catalog);
    } else if (statement instanceof Delete d) {
      return DeleteBinder.bind(d, catalog);
    } else if (statement instanceof CreateView c) {
      return ViewPlanner.createView(c, Parser.schemaSql(source, parsed), catalog);
    } else if (statement instanceof DropView d) {
      return ViewPlanner.dropView(d, catalog);
    } else if (statement instanceof Reindex r) {
      return ViewPlanner.reindex(r, catalog);
    } else if (statement instanceof CreateTrigger c) {
      return TriggerPlanner.createTrigger(c, Parser.schemaSql(source, parsed), catalog);
    } else if (statement instanceof DropTrigger d) {
      return TriggerPlanner.dropTrigger(d, catalog);
    } else if (statement instanceof Explain e) {
      return ExplainPlanner.plan(e, parsed, source, catalog);
    }
    throw SqlException.error(
        "not supported yet: " + statement.getClass().getSimpleName() + " statements");
  }

  private static Plan createTable(CreateTable c, String sql, Catalog catalog) {
    checkSchemaName(c.name());
    String name = c.name().name();
    if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
      throw SqlException.error("object name reserved for internal use: " + name);
    }
    if (catalog.table(name) != null) {
      if (c.ifNotExists()) {
        return new Plan.CreateTable(catalog.table(name), true);
      }
      throw SqlException.error("table " + name + " already exists");
    }
    if (catalog.view(name) != null) {
      if (c.ifNotExists()) {
        return new Plan.CreateTable(SchemaBuilder.fromCreateTable(c, sql, 0), true);
      }
      throw SqlException.error("view " + name + " already exists");
    }
    if (catalog.index(name) != null) {
      throw SqlException.error("there is already an index named " + name);
    }
    if (c.asSelect() != null) {
      return CreateTableAs.plan(c, catalog);
    }
    TableSchema table = SchemaBuilder.fromCreateTable(c, sql, 0);
    if (table.generated().error() != null) {
      throw SqlException.error(table.generated().error());
    }
    if (table.unsupportedWrite() != null) {
      throw SqlException.error("not supported yet: " + table.unsupportedWrite());
    }
    DmlSupport.validate(table);
    return new Plan.CreateTable(table, false);
  }

  private static Plan dropTable(DropTable d, Catalog catalog) {
    checkSchemaName(d.name());
    TableSchema table = catalog.table(d.name().name());
    if (table == null) {
      if (catalog.view(d.name().name()) != null) {
        throw SqlException.error(
            "use DROP VIEW to delete view " + catalog.view(d.name().name()).name());
      }
      if (d.ifExists()) {
        return new Plan.DropTable(null);
      }
      throw SqlException.error("no such table: " + display(d.name()));
    }
    if (table.rootPage() == 1 || AutoIncrementRule.isSequenceTable(table.name())) {
      throw SqlException.error("table " + table.name() + " may not be dropped");
    }
    return new Plan.DropTable(table);
  }

  /** The table {@code name} refers to, or SQLite's {@code no such table} error. */
  static TableSchema lookupTable(Catalog catalog, QualifiedName name) {
    checkSchemaName(name);
    TableSchema table = catalog.table(name.name());
    if (table == null) {
      String schema = name.schema() == null ? catalog.unqualifiedSchema() : null;
      throw SqlException.error("no such table: " + (schema == null ? "" : schema + ".")
          + display(name));
    }
    if (table.generated().error() != null) {
      throw SqlException.error(table.generated().error());
    }
    return table;
  }

  /** Refuses writes that would leave a table, or its indexes, inconsistent. */
  static void checkWritable(Catalog catalog, TableSchema table) {
    if (table.rootPage() == 1) {
      throw SqlException.error("table sqlite_master may not be modified");
    }
    if (table.unsupportedWrite() != null) {
      throw SqlException.error(
          "not supported yet: writing to table " + table.name() + " with "
              + table.unsupportedWrite());
    }
    for (IndexSchema index : catalog.indexes(table.name())) {
      if (index.unsupportedWrite() != null) {
        throw SqlException.error(
            "not supported yet: writing to table " + table.name() + " with "
                + index.unsupportedWrite() + " (index " + index.name() + ")");
      }
    }
  }

  static void checkSchemaName(QualifiedName name) {
    String schema = name.schema();
    if (schema != null && !schema.equalsIgnoreCase("main")) {
      throw SqlException.error("unknown database " + schema);
    }
  }

  static String display(QualifiedName name) {
    return name.schema() == null ? name.name() : name.schema() + "." + name.name();
  }
}
