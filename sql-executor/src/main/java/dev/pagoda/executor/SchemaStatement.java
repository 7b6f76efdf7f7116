package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.pager.Pager;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.Value;
import dev.pagoda.planner.plan.Plan;

/**
 * CREATE and DROP of tables, indexes, views and triggers, and REINDEX: B-tree allocation or release, the {@code sqlite_schema} row, and
 * the schema cookie, which tells every connection that its cached schema is stale.
 */
final class SchemaStatement implements CompiledStatement {
  private final Plan plan;
  private final ExprCompiler compiler;

  SchemaStatement(Plan plan, ExprCompiler compiler) {
    this.plan = plan;
    this.compiler = compiler;
  }

  @Override
  public Plan plan() {
    return plan;
  }

  @Override
  public ExecutionResult execute(Pager pager) {
    if (plan instanceof Plan.CreateTable c) {
      if (!c.noop()) {
        int root = createTable(pager, c.table());
        if (c.fill() != null) {
          return fill(pager, c.table().withRootPage(root), c.fill());
        }
      }
    } else if (plan instanceof Plan.DropTable d) {
      if (d.table() != null) {
        ForeignKeyChecker.dropping(compiler.run().session(), pager, d.table());
        AutoIncrement.dropped(pager, d.table());
        dropTable(pager, d.table());
      }
    } else if (plan instanceof Plan.CreateIndex c) {
      if (!c.noop()) {
        createIndex(pager, c.index(), c.table());
      }
    } else if (plan instanceof Plan.DropIndex d) {
      if (d.index() != null) {
        dropIndex(pager, d.index());
      }
    } else if (plan instanceof Plan.CreateView c) {
      if (!c.noop()) {
        requireMain(c.temporary());
        SchemaTable.insert(pager, "view", c.view().name(), c.view().name(), 0, c.view().sql());
        pager.setSchemaCookie(pager.schemaCookie() + 1);
      }
    } else if (plan instanceof Plan.DropView d) {
      if (d.view() != null) {
        requireMain(d.temporary());
        dropEntry(pager, "view", d.view().name());
      }
    } else if (plan instanceof Plan.CreateTrigger c) {
      if (!c.noop()) {
        requireMain(c.trigger().temporary());
        SchemaTable.insert(
            pager, "trigger", c.trigger().name(), c.trigger().table(), 0, c.trigger().sql());
        pager.setSchemaCookie(pager.schemaCookie() + 1);
      }
    } else if (plan instanceof Plan.DropTrigger d) {
      if (d.trigger() != null) {
        requireMain(d.trigger().temporary());
        dropEntry(pager, "trigger", d.trigger().name());
      }
    } else if (plan instanceof Plan.Reindex r) {
      for (int i = 0; i < r.indexes().size(); i++) {
        BTree.clear(pager, r.indexes().get(i).rootPage());
        fill(pager, r.indexes().get(i), r.tables().get(i));
      }
    } else {
      throw new AssertionError("not a schema statement: " + plan);
    }
    return ExecutionResult.NONE;
  }

  /** CREATE TABLE ... AS SELECT: the query's rows go into the new table. */
  private ExecutionResult fill(Pager pager, TableSchema table, dev.pagoda.planner.plan.PlanNode q) {
    java.util.List<dev.pagoda.planner.plan.BoundExpr> columns = new java.util.ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      columns.add(new dev.pagoda.planner.plan.BoundExpr.Column(
          i, null, table.columns().get(i).name()));
    }
    Plan.Insert insert = new Plan.Insert(table, q, java.util.List.of(columns),
        java.util.List.of(new dev.pagoda.planner.plan.BoundExpr.Constant(Value.NULL)), null,
        java.util.List.of(), java.util.List.of(),
        java.util.Collections.nCopies(table.columns().size(),
            new dev.pagoda.planner.plan.BoundExpr.Constant(Value.NULL)),
        Plan.Triggers.NONE);
    new InsertStatement(insert, compiler).execute(pager);
    return ExecutionResult.NONE;
  }

  private static int createTable(Pager pager, TableSchema table) {
    int root = BTree.createTable(pager);
    SchemaTable.insert(pager, "table", table.name(), table.name(), root, table.sql());
    for (IndexSchema index : table.constraints().autoIndexes()) {
      // the automatic indexes of UNIQUE and PRIMARY KEY constraints: rows with NULL sql
      SchemaTable.insert(pager, "index", index.name(), table.name(), BTree.createIndex(pager),
          null);
    }
    AutoIncrement.created(pager, table);
    pager.setSchemaCookie(pager.schemaCookie() + 1);
    return root;
  }

  /** Allocates the index B-tree and adds an entry for every row already in the table. */
  private static void createIndex(Pager pager, IndexSchema index, TableSchema table) {
    IndexSchema allocated = index.withRootPage(BTree.createIndex(pager));
    fill(pager, allocated, table);
    SchemaTable.insert(
        pager, "index", index.name(), table.name(), allocated.rootPage(), index.sql());
    pager.setSchemaCookie(pager.schemaCookie() + 1);
  }

  /** Adds an entry to the (empty) index for every row of its table. */
  private static void fill(Pager pager, IndexSchema allocated, TableSchema table) {
    RecordReader record = new RecordReader();
    Value[] row = new Value[table.columns().size() + 1];
    RowDecoding decoding = RowDecoding.of(table);
    try (TableCursor rows = BTree.openTable(pager, table.rootPage());
        IndexWriter writer = new IndexWriter(pager, allocated, table)) {
      for (boolean ok = rows.first(); ok; ok = rows.next()) {
        record.reset(rows.payload());
        decoding.decode(record, rows.rowid(), row);
        writer.add(row, rows.rowid());
      }
    }
  }

  /** The temp schema is the connection's, not the file's: its changes are not made here. */
  private static void requireMain(boolean temporary) {
    if (temporary) {
      throw new IllegalStateException("a temp schema change is the connection's to make");
    }
  }

  /**
   * Deletes the {@code sqlite_schema} row of the view or trigger {@code name}; a view's triggers
   * go with it.
   */
  private static void dropEntry(Pager pager, String type, String name) {
    for (SchemaTable.Entry e : SchemaTable.read(pager)) {
      boolean itself = type.equals(e.type()) && e.name().equalsIgnoreCase(name);
      boolean itsTrigger = type.equals("view") && "trigger".equals(e.type())
          && e.tableName() != null && e.tableName().equalsIgnoreCase(name);
      if (itself || itsTrigger) {
        SchemaTable.delete(pager, e.rowid());
      }
    }
    pager.setSchemaCookie(pager.schemaCookie() + 1);
  }

  private static void dropIndex(Pager pager, IndexSchema index) {
    for (SchemaTable.Entry e : SchemaTable.read(pager)) {
      if ("index".equals(e.type()) && e.name().equalsIgnoreCase(index.name())) {
        BTree.drop(pager, e.rootPage());
        SchemaTable.delete(pager, e.rowid());
      }
    }
    pager.setSchemaCookie(pager.schemaCookie() + 1);
  }

  private static void dropTable(Pager pager, TableSchema table) {
    for (SchemaTable.Entry e : SchemaTable.read(pager)) {
      if (e.tableName() != null && e.tableName().equalsIgnoreCase(table.name())) {
        if (e.rootPage() > 0) {
          BTree.dropTable(pager, e.rootPage());
        }
        SchemaTable.delete(pager, e.rowid());
      }
    }
    pager.setSchemaCookie(pager.schemaCookie() + 1);
  }
}
