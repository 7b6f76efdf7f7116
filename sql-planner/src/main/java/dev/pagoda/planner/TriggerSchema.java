package dev.pagoda.planner;

import static java.util.Objects.requireNonNull;

import dev.pagoda.parser.ast.CreateTrigger;
import dev.pagoda.parser.ast.TriggerEvent;
import dev.pagoda.parser.ast.TriggerTime;

/**
 * One trigger as the catalog knows it, from its CREATE TRIGGER text in {@code sqlite_schema} (type
 * {@code 'trigger'}, root page 0) or in the connection's temp schema. Its body is kept parsed, not
 * bound: it is bound into every statement that fires it, so it may name tables that do not exist
 * yet, as in SQLite.
 *
 * @param name the trigger name, exact case
 * @param table the name of the table or view it is on, exact case as stored in {@code tbl_name}
 * @param ast the parsed CREATE TRIGGER statement
 * @param sql the text as stored in {@code sqlite_schema}
 * @param temporary whether it lives in the temp schema
 */
public record TriggerSchema(
    String name, String table, CreateTrigger ast, String sql, boolean temporary) {
  public TriggerSchema {
    requireNonNull(name, "name");
    requireNonNull(table, "table");
    requireNonNull(ast, "ast");
    requireNonNull(sql, "sql");
  }

  public TriggerTime time() {
    return ast.time();
  }

  public TriggerEvent event() {
    return ast.event();
  }
}
