package dev.pagoda.planner;

import static java.util.Objects.requireNonNull;

import dev.pagoda.parser.ast.Select;
import java.util.List;

/**
 * One view as the catalog knows it, from its CREATE VIEW text in {@code sqlite_schema} (type
 * {@code 'view'}, root page 0).
 *
 * @param name the view name, exact case
 * @param columns the column names written after the view name, or null when none are written
 *     (the SELECT's result column names apply)
 * @param select the view's query, parsed but not bound: it is bound where the view is used, so a
 *     view may name tables that do not exist yet, as in SQLite
 * @param sql the CREATE VIEW text as stored in {@code sqlite_schema}
 */
public record ViewSchema(String name, List<String> columns, Select select, String sql) {
  public ViewSchema {
    requireNonNull(name, "name");
    columns = columns == null ? null : List.copyOf(columns);
    requireNonNull(select, "select");
    requireNonNull(sql, "sql");
  }
}
