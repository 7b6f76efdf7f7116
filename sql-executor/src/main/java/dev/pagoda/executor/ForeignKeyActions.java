package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.ForeignKeyAction;
import dev.pagoda.planner.ParentKey;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.Value;
import java.util.List;

/**
 * The ON DELETE and ON UPDATE actions of the keys that name a table, run after a parent row is
 * deleted or updated, as SQLite's action triggers are ({@code fkActionTrigger}): RESTRICT fails
 * at once when a child row refers to the old key (unless {@code defer_foreign_keys} is on);
 * CASCADE deletes the child rows, or sets their key to the new one; SET NULL and SET DEFAULT set
 * their key. An ON UPDATE action runs only when the key's values change ({@code IS}). The child
 * writes run under ABORT with the child's NOT NULL, CHECK and UNIQUE constraints, are themselves
 * checked, so actions recurse, and count in {@code total_changes()}. Triggers on the child
 * tables do not fire for these writes (a known difference from SQLite).
 */
final class ForeignKeyActions {
  private final ForeignKeyChecker checker;
  private final ForeignKeyState state;
  private final ForeignKeyLinks links;
  private final Pager pager;
  private final Session session;

  ForeignKeyActions(ForeignKeyChecker checker, ForeignKeyState state, ForeignKeyLinks links,
      Pager pager, Session session) {
    this.checker = checker;
    this.session = session;
    this.state = state;
    this.links = links;
    this.pager = pager;
  }

  /** The ON DELETE actions for {@code old}, just deleted from {@code table}. */
  void deleted(TableSchema table, Value[] old) {
    for (ForeignKeyLinks.Link link : links.asParent(table)) {
      if (link.error() == null) {
        act(link, link.fk().onDelete(), old, null);
      }
    }
  }

  /** The ON UPDATE actions for a row of {@code table} updated from {@code old} to {@code row}. */
  void updated(TableSchema table, Value[] old, Value[] row, boolean[] changed,
      boolean rowidChanged) {
    for (ForeignKeyLinks.Link link : links.asParent(table)) {
      if (link.error() == null
          && ForeignKeyChecker.parentModified(table, link.fk(), changed, rowidChanged)
          && !sameKey(link, old, row)) {
        act(link, link.fk().onUpdate(), old, row);
      }
    }
  }

  /** {@code old.k IS new.k} for every key column, under the parent column's collation. */
  private static boolean sameKey(ForeignKeyLinks.Link link, Value[] old, Value[] row) {
    for (int i = 0; i < link.parent().parentColumns().size(); i++) {
      int p = link.parent().parentColumns().get(i);
      Value a = old[p];
      Value b = row[p];
      if (a.isNull() || b.isNull()) {
        if (a.isNull() != b.isNull()) {
          return false;
        }
      } else if (Comparison.compare(a, b, null, link.collations()[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  private void act(ForeignKeyLinks.Link link, ForeignKeyAction action, Value[] old, Value[] row) {
    if (action == ForeignKeyAction.NO_ACTION
        || (action == ForeignKeyAction.RESTRICT && state.deferAll())) {
      return;
    }
    List<Long> children =
        checker.children(link, ForeignKeyChecker.parentKey(link, old), Long.MIN_VALUE);
    if (children.isEmpty()) {
      return;
    }
    if (action == ForeignKeyAction.RESTRICT) {
      throw ForeignKeyState.restricted();
    }
    TableSchema child = links.table(link.child().name());
    if (action == ForeignKeyAction.CASCADE && row == null) {
      long n = 0;
      try (TableWriter writer = writer(child)) {
        for (long rowid : children) {
          n += deleteChild(writer, child, rowid) ? 1 : 0;
        }
      }
      session.triggerChanges(n); // an action is a trigger program: its rows count in total_changes
      return;
    }
    Value[] values = newKey(link, action, child, row);
    long n = 0;
    try (TableWriter writer = writer(child)) {
      for (long rowid : children) {
        n += updateChild(writer, child, link.parent(), values, rowid) ? 1 : 0;
      }
    }
    session.triggerChanges(n);
  }

  /** The values the action gives the child key, in key order. */
  private Value[] newKey(ForeignKeyLinks.Link link, ForeignKeyAction action, TableSchema child,
      Value[] row) {
    List<Integer> columns = link.parent().childColumns();
    Value[] values = new Value[columns.size()];
    Evaluator[] defaults = action == ForeignKeyAction.SET_DEFAULT ? defaults(child) : null;
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (action) {
        case CASCADE -> row[link.parent().parentColumns().get(i)];
        case SET_DEFAULT -> defaults[columns.get(i)].eval(j -> Value.NULL);
        default -> Value.NULL;
      };
    }
    return values;
  }

  private static Evaluator[] defaults(TableSchema table) {
    ExprCompiler compiler = new ExprCompiler(new Bindings(0));
    return ParentKey.defaults(table).stream().map(compiler::compile).toArray(Evaluator[]::new);
  }

  private TableWriter writer(TableSchema child) {
    ExprCompiler compiler = new ExprCompiler(new Bindings(0), session);
    List<dev.pagoda.planner.plan.Plan.Check> checks = ParentKey.checks(child);
    TableWriter writer = new TableWriter(pager, child, links.indexes(child), ConflictAction.ABORT,
        checks.stream().map(dev.pagoda.planner.plan.Plan.Check::name).toArray(String[]::new),
        checks.stream().map(c -> compiler.compile(c.expr())).toArray(Evaluator[]::new),
        new Evaluator[0]);
    writer.foreignKeys(checker);
    return writer;
  }

  private boolean deleteChild(TableWriter writer, TableSchema child, long rowid) {
    Value[] row = new Value[writer.width()];
    if (!writer.read(rowid, row)) {
      return false; // an earlier cascade removed it
    }
    checker.deleting(child, row);
    writer.delete(row, rowid);
    deleted(child, row);
    return true;
  }

  private boolean updateChild(TableWriter writer, TableSchema child, ParentKey key,
      Value[] values, long rowid) {
    int n = child.columns().size();
    Value[] old = new Value[n + 1];
    if (!writer.read(rowid, old)) {
      return false;
    }
    Value[] row = old.clone();
    boolean[] changed = new boolean[n];
    for (int i = 0; i < values.length; i++) {
      int c = key.childColumns().get(i);
      row[c] = Values.applyAffinity(child.columns().get(c).affinity(), values[i]);
      changed[c] = true;
    }
    long newRowid = rowid;
    boolean rowidChanged = child.rowidAlias() >= 0 && changed[child.rowidAlias()];
    if (rowidChanged) {
      Value v = row[child.rowidAlias()];
      newRowid = v.isNull() ? writer.nextRowid() : TableWriter.rowidOf(v);
      row[child.rowidAlias()] = Value.of(newRowid);
    }
    row[n] = Value.of(newRowid);
    if (!writer.checkRow(row) || !writer.resolveConflicts(row, newRowid, rowid)) {
      return false; // not reached under ABORT
    }
    checker.updatingFrom(child, old, changed, rowidChanged);
    writer.read(rowid, old);
    writer.delete(old, rowid);
    checker.updatingTo(child, row, changed, rowidChanged);
    writer.insert(row, newRowid);
    updated(child, old, row, changed, rowidChanged);
    return true;
  }
}
