package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.pager.Pager;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.plan.Plan;

/**
 * CREATE TABLE and DROP TABLE: B-tree allocation or release, the {@code sqlite_schema} row, and
 * the schema cookie, which tells every connection that its cached schema is stale.
 */
final class SchemaStatement implements CompiledStatement {
  private final Plan plan;

  SchemaStatement(Plan plan) {
    this.plan = plan;
  }

  @Override
  public Plan plan() {
    return plan;
  }

  @Override
  public ExecutionResult execute(Pager pager) {
    if (plan instanceof Plan.CreateTable c) {
      if (!c.noop()) {
        createTable(pager, c.table());
      }
    } else if (plan instanceof Plan.DropTable d) {
      if (d.table() != null) {
        dropTable(pager, d.table());
      }
    } else {
      throw new AssertionError("not a schema statement: " + plan);
    }
    return ExecutionResult.NONE;
  }

  private static void createTable(Pager pager, TableSchema table) {
    int root = BTree.createTable(pager);
    SchemaTable.insert(pager, "table", table.name(), table.name(), root, table.sql());
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
