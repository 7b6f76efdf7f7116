package dev.pagoda;

import dev.pagoda.planner.ForeignKey;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code foreign_key_list(T)}: one row per column of each foreign key of table T (id, seq, table,
 * from, to, on_update, on_delete, match), in SQLite's order: keys by id, the last declared first
 * ({@link TableSchema#foreignKeys()} keeps that order), columns by position in the key. {@code to}
 * is NULL when the key names no parent columns (the parent's PRIMARY KEY is meant); {@code match}
 * is always {@code NONE}, as SQLite shows it whatever MATCH says. Views, unknown tables and the
 * {@code temp} schema (Pagoda has no TEMP tables) give no rows.
 */
final class ForeignKeyListPragma {
  private ForeignKeyListPragma() {}

  static List<List<Value>> rows(Connection conn, String schema, String table) {
    if (table == null || "temp".equals(schema)) {
      return List.of();
    }
    TableSchema t = conn.catalog().table(table);
    if (t == null) {
      return List.of();
    }
    List<List<Value>> rows = new ArrayList<>();
    List<ForeignKey> keys = t.foreignKeys();
    for (int id = 0; id < keys.size(); id++) {
      ForeignKey key = keys.get(id);
      for (int seq = 0; seq < key.size(); seq++) {
        rows.add(List.of(Value.of(id), Value.of(seq), Value.of(key.parentTable()),
            Value.of(key.childNames().get(seq)),
            key.referencesPrimaryKey() ? Value.NULL : Value.of(key.parentColumns().get(seq)),
            Value.of(key.onUpdate().sql()), Value.of(key.onDelete().sql()), Value.of("NONE")));
      }
    }
    return rows;
  }
}
