package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code CREATE [TEMP] TRIGGER [IF NOT EXISTS] [schema.]name [BEFORE|AFTER|INSTEAD OF]
 * DELETE|INSERT|UPDATE [OF columns] ON [schema.]table [FOR EACH ROW] [WHEN when] BEGIN body END}.
 * {@code FOR EACH ROW} is implied (SQLite has row triggers only) and not kept; {@code
 * updateColumns} is the {@code UPDATE OF} list, empty otherwise; {@code when} is null when absent.
 * Each body statement is an {@link Insert}, {@link Update}, {@link Delete} or {@link Select}
 * within SQLite's trigger-step grammar (no WITH before a DML step, no INDEXED BY, no RETURNING, no
 * ORDER BY or LIMIT on UPDATE or DELETE, no DEFAULT VALUES). The parser also rejects a
 * schema-qualified DML target unless the trigger is TEMP or named {@code temp.name}; SQLite
 * further allows one in a trigger on a TEMP table, which only the schema can tell, so that case is
 * rejected too.
 */
public record CreateTrigger(
    boolean temporary,
    boolean ifNotExists,
    QualifiedName name,
    TriggerTime time,
    TriggerEvent event,
    List<String> updateColumns,
    QualifiedName table,
    Expr when,
    List<Statement> body)
    implements Statement {
  public CreateTrigger {
    requireNonNull(name, "name");
    requireNonNull(time, "time");
    requireNonNull(event, "event");
    updateColumns = List.copyOf(updateColumns);
    requireNonNull(table, "table");
    body = List.copyOf(body);
    if (!updateColumns.isEmpty() && event != TriggerEvent.UPDATE) {
      throw new IllegalArgumentException("OF columns go with UPDATE only");
    }
    if (body.isEmpty()) {
      throw new IllegalArgumentException("a trigger needs at least one statement");
    }
    for (Statement s : body) {
      if (!(s instanceof Insert || s instanceof Update || s instanceof Delete
          || s instanceof Select)) {
        throw new IllegalArgumentException("not a trigger step: " + s.getClass().getSimpleName());
      }
    }
  }
}
