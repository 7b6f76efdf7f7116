package dev.pagoda.planner;

import dev.pagoda.parser.ast.ColumnConstraint;
import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.ForeignKeyAction;
import dev.pagoda.parser.ast.ForeignKeyClause;
import dev.pagoda.parser.ast.TableConstraint;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The foreign keys of a CREATE TABLE, in SQLite's order, with SQLite's errors for keys that
 * cannot be built (an unknown child column, a column constraint naming several parent columns,
 * child and parent column counts that differ). Whether the parent exists and has a matching
 * PRIMARY KEY or UNIQUE index is only checked when a write needs the key, as in SQLite.
 */
final class ForeignKeyBuilder {
  private ForeignKeyBuilder() {}

  /** The foreign keys of {@code ast}, last declared first (SQLite's {@code id} order). */
  static List<ForeignKey> foreignKeys(CreateTable ast) {
    List<ForeignKey> keys = new ArrayList<>();
    List<ColumnDef> columns = ast.columns();
    for (int i = 0; i < columns.size(); i++) {
      ColumnDef def = columns.get(i);
      for (ColumnConstraint c : def.constraints()) {
        if (c instanceof ColumnConstraint.References r) {
          keys.add(columnKey(i, def, r.foreignKey()));
        } else if (c instanceof ColumnConstraint.Deferral d && !keys.isEmpty()) {
          int last = keys.size() - 1;
          keys.set(last, keys.get(last).withDeferred(d.deferrability().initiallyDeferred()));
        }
      }
    }
    for (TableConstraint c : ast.constraints()) {
      if (c instanceof TableConstraint.ForeignKey fk) {
        keys.add(tableKey(ast, fk.columns(), fk.references()));
      }
    }
    if (keys.isEmpty()) {
      return List.of();
    }
    Collections.reverse(keys);
    return List.copyOf(keys);
  }

  private static ForeignKey columnKey(int index, ColumnDef def, ForeignKeyClause clause) {
    if (clause.columns().size() > 1) {
      throw SqlException.error("foreign key on " + def.name()
          + " should reference only one column of table " + clause.table());
    }
    return key(List.of(index), List.of(def.name()), clause);
  }

  private static ForeignKey tableKey(CreateTable ast, List<String> from, ForeignKeyClause clause) {
    if (!clause.columns().isEmpty() && clause.columns().size() != from.size()) {
      throw SqlException.error("number of columns in foreign key does not match the number of "
          + "columns in the referenced table");
    }
    List<Integer> indexes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String name : from) {
      int index = -1;
      for (int i = 0; i < ast.columns().size() && index < 0; i++) {
        if (ast.columns().get(i).name().equalsIgnoreCase(name)) {
          index = i;
        }
      }
      if (index < 0) {
        throw SqlException.error("unknown column \"" + name + "\" in foreign key definition");
      }
      indexes.add(index);
      names.add(ast.columns().get(index).name());
    }
    return key(indexes, names, clause);
  }

  private static ForeignKey key(List<Integer> indexes, List<String> names, ForeignKeyClause c) {
    return new ForeignKey(indexes, names, c.table(), c.columns(), action(c.onDelete()),
        action(c.onUpdate()), c.match(), c.deferrability() != null
            && c.deferrability().initiallyDeferred());
  }

  private static ForeignKeyAction action(ForeignKeyAction written) {
    return written != null ? written : ForeignKeyAction.NO_ACTION;
  }
}
