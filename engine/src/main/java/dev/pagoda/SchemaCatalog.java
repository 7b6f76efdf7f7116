package dev.pagoda;

import dev.pagoda.executor.SchemaTable;
import dev.pagoda.pager.Pager;
import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.CreateIndex;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.CreateTrigger;
import dev.pagoda.parser.ast.CreateView;
import dev.pagoda.planner.Catalog;
import dev.pagoda.planner.FunctionCatalog;
import dev.pagoda.planner.IndexBuilder;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.SchemaBuilder;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.TriggerSchema;
import dev.pagoda.planner.ViewSchema;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.ResultCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  /** Indexes by their key. */
  private Map<String, IndexSchema> indexes = Map.of();
  /** Views by their key. */
  private Map<String, ViewSchema> views = Map.of();
  /** Indexes by the key of their table, in creation order. */
  private Map<String, List<IndexSchema>> indexesByTable = Map.of();
  /** Triggers by their key. */
  private Map<String, TriggerSchema> triggers = Map.of();
  /** Triggers by the key of their table or view, newest first (the order SQLite fires them). */
  private Map<String, List<TriggerSchema>> triggersByTable = Map.of();
  /**
   * The connection's temp schema (SQLite's {@code sqlite_temp_schema}): TEMP views and triggers,
   * kept in memory only and gone when the connection closes; a reload of the file's schema keeps
   * them.
   */
  private final Map<String, ViewSchema> tempViews = new HashMap<>();
  /** TEMP triggers, newest first. */
  private final List<TriggerSchema> tempTriggers = new ArrayList<>();
  private int cookie;
  private boolean loaded;
  private int generation;

  private FunctionCatalog functions = FunctionCatalog.standard();

  SchemaCatalog(Pager pager) {
    this.pager = pager;
    this.schemaTable = schemaTable();
  }

  @Override
  public FunctionCatalog functions() {
    return functions;
  }

  /**
   * Replaces the connection's functions (after a registration); statements prepared before plan
   * again, as {@code sqlite3_create_function} expires them.
   */
  void functions(FunctionCatalog functions) {
    this.functions = functions;
    generation++;
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
    List<SchemaTable.Entry> indexEntries = new ArrayList<>();
    Map<String, ViewSchema> loadedViews = new HashMap<>();
    Map<String, TriggerSchema> loadedTriggers = new HashMap<>();
    Map<String, List<TriggerSchema>> triggersOn = new HashMap<>();
    for (SchemaTable.Entry e : SchemaTable.read(pager)) {
      if ("trigger".equals(e.type())) {
        TriggerSchema t = parseTrigger(e);
        loadedTriggers.put(TableSchema.key(t.name()), t);
        triggersOn.computeIfAbsent(TableSchema.key(t.table()), k -> new ArrayList<>()).add(0, t);
      }
      if ("table".equals(e.type())) {
        loadedTables.put(TableSchema.key(e.name()), parse(e));
      } else if ("index".equals(e.type())) {
        indexEntries.add(e);
      } else if ("view".equals(e.type())) {
        loadedViews.put(TableSchema.key(e.name()), parseView(e));
      }
    }
    Map<String, IndexSchema> loadedIndexes = new LinkedHashMap<>();
    Map<String, List<IndexSchema>> byTable = new HashMap<>();
    for (SchemaTable.Entry e : indexEntries) {
      TableSchema table = e.tableName() == null ? null : loadedTables.get(TableSchema.key(e.tableName()));
      if (table == null) {
        throw new PagodaException(ResultCode.CORRUPT, "malformed database schema (" + e.name() + ")");
      }
      IndexSchema index = parseIndex(e, table);
      loadedIndexes.put(TableSchema.key(index.name()), index);
      byTable.computeIfAbsent(TableSchema.key(table.name()), k -> new ArrayList<>()).add(index);
    }
    tables = loadedTables;
    indexes = loadedIndexes;
    views = loadedViews;
    indexesByTable = byTable;
    triggers = loadedTriggers;
    triggersByTable = triggersOn;
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

  private static ViewSchema parseView(SchemaTable.Entry e) {
    try {
      ParsedStatement parsed = e.sql() == null ? null : Parser.parseFirst(e.sql());
      if (parsed != null && parsed.statement() instanceof CreateView ast) {
        return new ViewSchema(
            e.name(), ast.columns().isEmpty() ? null : ast.columns(), ast.select(), e.sql());
      }
    } catch (RuntimeException ex) {
      throw new PagodaException(
          ResultCode.CORRUPT, "malformed database schema (" + e.name() + ")", ex);
    }
    throw new PagodaException(ResultCode.CORRUPT, "malformed database schema (" + e.name() + ")");
  }

  private static TriggerSchema parseTrigger(SchemaTable.Entry e) {
    try {
      ParsedStatement parsed = e.sql() == null ? null : Parser.parseFirst(e.sql());
      if (parsed != null && parsed.statement() instanceof CreateTrigger ast
          && e.tableName() != null) {
        return new TriggerSchema(e.name(), e.tableName(), ast, e.sql(), false);
      }
    } catch (RuntimeException ex) {
      throw new PagodaException(
          ResultCode.CORRUPT, "malformed database schema (" + e.name() + ")", ex);
    }
    throw new PagodaException(ResultCode.CORRUPT, "malformed database schema (" + e.name() + ")");
  }

  /**
   * Applies a change of the temp schema: CREATE or DROP of a TEMP view or trigger. Statements
   * planned before it plan again.
   */
  void applyTemp(Plan plan) {
    if (plan instanceof Plan.CreateView c && !c.noop()) {
      tempViews.put(TableSchema.key(c.view().name()), c.view());
    } else if (plan instanceof Plan.DropView d && d.view() != null) {
      tempViews.remove(TableSchema.key(d.view().name()));
      dropTempTriggersOn(d.view().name());
    } else if (plan instanceof Plan.CreateTrigger c && !c.noop()) {
      tempTriggers.add(0, c.trigger());
    } else if (plan instanceof Plan.DropTrigger d && d.trigger() != null) {
      tempTriggers.removeIf(t -> t.name().equalsIgnoreCase(d.trigger().name()));
    }
    generation++;
  }

  /** Whether {@code plan} changes the temp schema rather than the file's. */
  static boolean isTempChange(Plan plan) {
    return (plan instanceof Plan.CreateView c && c.temporary())
        || (plan instanceof Plan.DropView d && d.temporary())
        || (plan instanceof Plan.CreateTrigger t && t.trigger().temporary())
        || (plan instanceof Plan.DropTrigger g && g.trigger() != null
            && g.trigger().temporary());
  }

  /** Drops the TEMP triggers on {@code table} (which was dropped). */
  void dropTempTriggersOn(String table) {
    if (tempTriggers.removeIf(t -> t.table().equalsIgnoreCase(table))) {
      generation++;
    }
  }

  @Override
  public ViewSchema tempView(String name) {
    return tempViews.get(TableSchema.key(name));
  }

  @Override
  public TriggerSchema trigger(String name) {
    for (TriggerSchema t : tempTriggers) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return triggers.get(TableSchema.key(name));
  }

  @Override
  public List<TriggerSchema> triggers(String table) {
    List<TriggerSchema> main = triggersByTable.getOrDefault(TableSchema.key(table), List.of());
    if (tempTriggers.isEmpty()) {
      return main;
    }
    List<TriggerSchema> all = new ArrayList<>();
    for (TriggerSchema t : tempTriggers) {
      if (t.table().equalsIgnoreCase(table)) {
        all.add(t);
      }
    }
    all.addAll(main);
    return all;
  }

  private static IndexSchema parseIndex(SchemaTable.Entry e, TableSchema table) {
    if (e.sql() == null) {
      return IndexBuilder.automatic(e.name(), table, e.rootPage());
    }
    try {
      ParsedStatement parsed = Parser.parseFirst(e.sql());
      if (parsed != null && parsed.statement() instanceof CreateIndex ast) {
        return IndexBuilder.fromCreateIndex(ast, e.sql(), e.rootPage(), table);
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
  public List<IndexSchema> indexes(String table) {
    return indexesByTable.getOrDefault(TableSchema.key(table), List.of());
  }

  @Override
  public IndexSchema index(String name) {
    return indexes.get(TableSchema.key(name));
  }

  @Override
  public ViewSchema view(String name) {
    ViewSchema temp = tempViews.get(TableSchema.key(name));
    return temp != null ? temp : views.get(TableSchema.key(name));
  }

  /** The view {@code name} of the database file (not a TEMP one), or null. */
  ViewSchema fileView(String name) {
    return views.get(TableSchema.key(name));
  }

  /** The views of the database file, in no particular order. */
  Collection<ViewSchema> fileViews() {
    return List.copyOf(views.values());
  }

  /** The connection's TEMP views, in no particular order. */
  Collection<ViewSchema> tempViews() {
    return List.copyOf(tempViews.values());
  }

  /** Whether the connection's temp schema holds anything (SQLite has opened its temp database). */
  boolean hasTempObjects() {
    return !tempViews.isEmpty() || !tempTriggers.isEmpty();
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
