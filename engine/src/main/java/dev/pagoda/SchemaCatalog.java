package dev.pagoda;

import dev.pagoda.executor.SchemaTable;
import dev.pagoda.pager.Pager;
import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.planner.Catalog;
import dev.pagoda.planner.SchemaBuilder;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.ResultCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema as read from {@code sqlite_schema}: each table's CREATE text parsed and turned into a
 * {@link TableSchema}. Reloaded whenever the schema cookie in the file header changes, and after a
 * rollback. The generation number tells prepared statements when to plan again.
 */
final class SchemaCatalog implements Catalog {
  private static final String SCHEMA_SQL =
      "CREATE TABLE sqlite_schema(type text,name text,tbl_name text,rootpage int,sql text)";

  private final Pager pager;
  private final TableSchema schemaTable;
  private Map<String, TableSchema> tables = Map.of();
  /** Keys of tables that have at least one index (as named in {@code tbl_name}). */
  private Set<String> indexed = Set.of();
  private int cookie;
  private boolean loaded;
  private int generation;

  SchemaCatalog(Pager pager) {
    this.pager = pager;
    this.schemaTable = schemaTable();
  }

  private static TableSchema schemaTable() {
    CreateTable ast = (CreateTable) Parser.parseFirst(SCHEMA_SQL).statement();
    return SchemaBuilder.fromCreateTable(ast, SCHEMA_SQL, SchemaTable.ROOT_PAGE);
  }

  /** Reloads the schema if the file's schema cookie moved since the last load. */
  void refresh() {
    if (!loaded || pager.schemaCookie() != cookie) {
      load();
    }
  }

  /** Forgets the loaded schema; the next {@link #refresh()} reads it again. */
  void invalidate() {
    loaded = false;
  }

  /** Increases every time the schema is loaded; a statement planned at another one is stale. */
  int generation() {
    return generation;
  }

  private void load() {
    Map<String, TableSchema> loadedTables = new LinkedHashMap<>();
    loadedTables.put("sqlite_schema", schemaTable);
    loadedTables.put("sqlite_master", schemaTable);
    Set<String> loadedIndexed = new HashSet<>();
    for (SchemaTable.Entry e : SchemaTable.read(pager)) {
      if ("table".equals(e.type())) {
        loadedTables.put(TableSchema.key(e.name()), parse(e));
      } else if ("index".equals(e.type()) && e.tableName() != null) {
        loadedIndexed.add(TableSchema.key(e.tableName()));
      }
    }
    tables = loadedTables;
    indexed = loadedIndexed;
    cookie = pager.schemaCookie();
    loaded = true;
    generation++;
  }

  private static TableSchema parse(SchemaTable.Entry e) {
    try {
      ParsedStatement parsed = Parser.parseFirst(e.sql());
      if (parsed != null && parsed.statement() instanceof CreateTable ast) {
        return SchemaBuilder.fromCreateTable(ast, e.sql(), e.rootPage());
      }
    } catch (RuntimeException ex) {
      throw new PagodaException(
          ResultCode.CORRUPT, "malformed database schema (" + e.name() + ")", ex);
    }
    throw new PagodaException(ResultCode.CORRUPT, "malformed database schema (" + e.name() + ")");
  }

  @Override
  public TableSchema table(String name) {
    return tables.get(TableSchema.key(name));
  }

  @Override
  public Collection<TableSchema> tables() {
    return tables.values().stream().distinct().toList();
  }

  @Override
  public boolean hasIndexes(String name) {
    return indexed.contains(TableSchema.key(name));
  }

  /** The names of the user's tables (not {@code sqlite_*} ones), sorted. */
  List<String> userTableNames() {
    List<String> names = new ArrayList<>();
    for (TableSchema t : tables.values()) {
      if (!t.name().regionMatches(true, 0, "sqlite_", 0, 7)) {
        names.add(t.name());
      }
    }
    names.sort(null);
    return names;
  }
}
