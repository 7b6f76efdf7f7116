package dev.pagoda.planner;

import static java.util.Objects.requireNonNull;

import dev.pagoda.parser.ast.ForeignKeyAction;
import java.util.List;

/**
 * One foreign key of a child table, from a column {@code REFERENCES} clause or a table {@code
 * FOREIGN KEY(...)} constraint.
 *
 * <p>A table's foreign keys are listed in SQLite's order, the order of the {@code id} column of
 * {@code PRAGMA foreign_key_list}: the last one declared first (SQLite prepends each new key to
 * the table's list, reading column constraints before table constraints).
 *
 * @param childColumns the child columns' positions in the child table, in key order
 * @param childNames the child columns' names as declared in the child table, in key order
 * @param parentTable the parent table's name as written after {@code REFERENCES}
 * @param parentColumns the parent columns as written; empty when none are written, which means the
 *     parent's PRIMARY KEY
 * @param onDelete the {@code ON DELETE} action, {@code NO_ACTION} when none is written
 * @param onUpdate the {@code ON UPDATE} action, {@code NO_ACTION} when none is written
 * @param match the last {@code MATCH} name written, or null (SQLite parses it and ignores it)
 * @param deferred true for {@code DEFERRABLE INITIALLY DEFERRED}, the only form SQLite defers;
 *     every other deferrability clause leaves the key immediate
 */
public record ForeignKey(
    List<Integer> childColumns,
    List<String> childNames,
    String parentTable,
    List<String> parentColumns,
    ForeignKeyAction onDelete,
    ForeignKeyAction onUpdate,
    String match,
    boolean deferred) {
  public ForeignKey {
    childColumns = List.copyOf(childColumns);
    childNames = List.copyOf(childNames);
    requireNonNull(parentTable, "parentTable");
    parentColumns = List.copyOf(parentColumns);
    requireNonNull(onDelete, "onDelete");
    requireNonNull(onUpdate, "onUpdate");
    if (childColumns.isEmpty() || childColumns.size() != childNames.size()) {
      throw new IllegalArgumentException("child columns and names must be non-empty and match");
    }
    if (!parentColumns.isEmpty() && parentColumns.size() != childColumns.size()) {
      throw new IllegalArgumentException("parent columns must match the child columns");
    }
  }

  /** The number of columns in the key. */
  public int size() {
    return childColumns.size();
  }

  /** True when the key names no parent columns and so refers to the parent's PRIMARY KEY. */
  public boolean referencesPrimaryKey() {
    return parentColumns.isEmpty();
  }

  /** This key with its deferral replaced, for a deferrability clause that follows it. */
  ForeignKey withDeferred(boolean value) {
    return new ForeignKey(childColumns, childNames, parentTable, parentColumns, onDelete, onUpdate,
        match, value);
  }
}
