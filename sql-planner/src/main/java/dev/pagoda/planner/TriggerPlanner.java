package dev.pagoda.planner;

import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.CreateTrigger;
import dev.pagoda.parser.ast.Delete;
import dev.pagoda.parser.ast.DropTrigger;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.TriggerEvent;
import dev.pagoda.parser.ast.TriggerTime;
import dev.pagoda.parser.ast.Update;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CREATE TRIGGER and DROP TRIGGER with SQLite's checks and messages, and the binding of the
 * triggers a statement fires. Each trigger is bound into every statement that fires it: its WHEN
 * and its steps see the trigger row (OLD, NEW) as the scope around them, so {@code NEW.x} is an
 * outer reference whose row the executor supplies when the trigger fires. As with SQLite's default
 * {@code recursive_triggers = OFF}, a trigger does not fire again from within its own program.
 */
final class TriggerPlanner {
  /** SQLite's SQLITE_MAX_TRIGGER_DEPTH. */
  static final int MAX_DEPTH = 1000;

  private TriggerPlanner() {}

  /**
   * Where a statement is bound: at the top level, or as a step of trigger programs.
   *
   * @param outer the trigger row scope of the program the statement is a step of, or null
   * @param active the triggers (lower-case names) whose programs enclose the statement
   * @param override the firing statement's conflict action, which replaces a step's own, or null
   */
  record Context(Scope outer, Set<String> active, ConflictAction override) {
    static final Context TOP = new Context(null, Set.of(), null);

    Context {
      active = Set.copyOf(active);
    }

    /** The conflict action a statement with OR clause {@code own} runs with. */
    ConflictAction action(ConflictAction own) {
      return override != null ? override : own;
    }
  }

  static Plan createTrigger(CreateTrigger c, String sql, Catalog catalog) {
    String schema = c.name().schema();
    boolean temp = c.temporary() || "temp".equalsIgnoreCase(schema);
    if (schema != null && !schema.equalsIgnoreCase("main") && !schema.equalsIgnoreCase("temp")) {
      throw SqlException.error("unknown database " + schema);
    }
    if (c.temporary() && schema != null && !schema.equalsIgnoreCase("temp")) {
      throw SqlException.error("temporary trigger may not have qualified name");
    }
    QualifiedName on = c.table();
    if (on.schema() != null && !on.schema().equalsIgnoreCase("main")
        && !on.schema().equalsIgnoreCase("temp")) {
      throw SqlException.error("unknown database " + on.schema());
    }
    if (!temp && on.schema() != null && on.schema().equalsIgnoreCase("temp")) {
      throw SqlException.error(
          "trigger " + c.name().name() + " cannot reference objects in database temp");
    }
    TableSchema table = catalog.table(on.name());
    ViewSchema view = table == null ? catalog.view(on.name()) : null;
    if (table == null && view == null) {
      throw SqlException.error("no such table: " + (temp ? "" : "main.") + on.name());
    }
    String name = c.name().name();
    String subject = table != null ? table.name() : view.name();
    TriggerSchema trigger = new TriggerSchema(name, subject, c, sql, temp);
    if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
      throw SqlException.error("object name reserved for internal use: " + name);
    }
    if (catalog.trigger(name) != null) {
      if (c.ifNotExists()) {
        return new Plan.CreateTrigger(trigger, true);
      }
      throw SqlException.error("trigger " + name + " already exists");
    }
    if (subject.regionMatches(true, 0, "sqlite_", 0, 7)) {
      throw SqlException.error("cannot create trigger on system table");
    }
    if (view != null && c.time() != TriggerTime.INSTEAD_OF) {
      throw SqlException.error(
          "cannot create " + c.time().sql() + " trigger on view: " + on.name());
    }
    if (table != null && c.time() == TriggerTime.INSTEAD_OF) {
      throw SqlException.error("cannot create INSTEAD OF trigger on table: " + on.name());
    }
    return new Plan.CreateTrigger(trigger, false);
  }

  static Plan dropTrigger(DropTrigger d, Catalog catalog) {
    String schema = d.name().schema();
    if (schema != null && !schema.equalsIgnoreCase("main") && !schema.equalsIgnoreCase("temp")) {
      throw SqlException.error("unknown database " + schema);
    }
    TriggerSchema trigger = catalog.trigger(d.name().name());
    if (trigger != null && schema != null && trigger.temporary() != schema.equalsIgnoreCase("temp")) {
      trigger = null;
    }
    if (trigger == null) {
      if (d.ifExists()) {
        return new Plan.DropTrigger(null);
      }
      throw SqlException.error("no such trigger: " + Planner.display(d.name()));
    }
    return new Plan.DropTrigger(trigger);
  }

  /**
   * The BEFORE and AFTER triggers a write to {@code table} fires.
   *
   * @param setColumns for UPDATE, the column names its SET assigns (for {@code UPDATE OF})
   * @param action the firing statement's conflict action (its steps use it instead of theirs)
   */
  static Plan.Triggers forTable(Catalog catalog, TableSchema table, TriggerEvent event,
      Set<String> setColumns, ConflictAction action, Context context) {
    List<TriggerSchema> fired = fired(catalog, table.name(), event, setColumns, context);
    if (fired.isEmpty()) {
      return Plan.Triggers.NONE;
    }
    List<String> names = new ArrayList<>();
    List<Affinity> affinities = new ArrayList<>();
    for (ColumnSchema c : table.columns()) {
      names.add(c.name());
      affinities.add(c.affinity());
    }
    Scope scope = rowScope(names, affinities, table, event);
    List<Plan.Trigger> before = new ArrayList<>();
    List<Plan.Trigger> after = new ArrayList<>();
    for (TriggerSchema t : fired) {
      Plan.Trigger bound = bind(catalog, t, scope, action, context);
      (t.time() == TriggerTime.BEFORE ? before : after).add(bound);
    }
    return new Plan.Triggers(before, after, names.size() + 1);
  }

  /** The INSTEAD OF triggers a write to a view fires, over its columns. */
  static List<Plan.Trigger> insteadOf(Catalog catalog, ViewSchema view, List<String> names,
      List<Affinity> affinities, TriggerEvent event, Set<String> setColumns,
      ConflictAction action, Context context) {
    List<TriggerSchema> fired = fired(catalog, view.name(), event, setColumns, context);
    Scope scope = rowScope(names, affinities, null, event);
    List<Plan.Trigger> bound = new ArrayList<>();
    for (TriggerSchema t : fired) {
      bound.add(bind(catalog, t, scope, action, context));
    }
    return bound;
  }

  /**
   * Whether a write to {@code view} has INSTEAD OF triggers for {@code event} (for UPDATE, one
   * whose {@code UPDATE OF} columns the SET assigns).
   */
  static boolean hasInsteadOf(
      Catalog catalog, ViewSchema view, TriggerEvent event, Set<String> setColumns) {
    for (TriggerSchema t : catalog.triggers(view.name())) {
      if (t.event() == event && t.time() == TriggerTime.INSTEAD_OF
          && (event != TriggerEvent.UPDATE || overlaps(t, setColumns))) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlaps(TriggerSchema t, Set<String> setColumns) {
    return t.ast().updateColumns().isEmpty()
        || t.ast().updateColumns().stream().anyMatch(c -> setColumns.contains(key(c)));
  }

  private static List<TriggerSchema> fired(Catalog catalog, String subject, TriggerEvent event,
      Set<String> setColumns, Context context) {
    List<TriggerSchema> fired = new ArrayList<>();
    for (TriggerSchema t : catalog.triggers(subject)) {
      if (t.event() != event || context.active().contains(key(t.name()))) {
        continue;
      }
      if (event == TriggerEvent.UPDATE && !overlaps(t, setColumns)) {
        continue;
      }
      fired.add(t);
    }
    return fired;
  }

  private static Plan.Trigger bind(
      Catalog catalog, TriggerSchema t, Scope scope, ConflictAction action, Context context) {
    if (context.active().size() >= MAX_DEPTH) {
      throw SqlException.error("too many levels of trigger recursion");
    }
    Set<String> active = new HashSet<>(context.active());
    active.add(key(t.name()));
    Context inner = new Context(scope, active, action);
    BoundExpr when = null;
    if (t.ast().when() != null) {
      when = new ExprBinder(new Scope(List.of(), scope), new QueryBinder(catalog))
          .bind(t.ast().when());
    }
    Catalog steps = t.temporary() ? catalog : Catalog.inSchema(catalog, "main");
    List<Plan> body = new ArrayList<>();
    try {
      for (Statement s : t.ast().body()) {
        body.add(step(steps, s, inner));
      }
    } catch (StackOverflowError e) {
      // a chain of distinct triggers deeper than the thread's stack allows: Pagoda's limit is
      // then below SQLite's 1000, with SQLite's message
      throw SqlException.error("too many levels of trigger recursion");
    }
    return new Plan.Trigger(t.name(), when, body);
  }

  /** One step of a trigger program. */
  static Plan step(Catalog catalog, Statement s, Context context) {
    if (s instanceof Insert i) {
      return InsertBinder.bind(i, catalog, context);
    } else if (s instanceof Update u) {
      return UpdateBinder.bind(u, catalog, context);
    } else if (s instanceof Delete d) {
      return DeleteBinder.bind(d, catalog, context);
    } else if (s instanceof Select q) {
      QueryBinder.Bound bound = new QueryBinder(catalog).bind(q, context.outer());
      return new Plan.Query(bound.root(), bound.names());
    }
    throw new AssertionError("not a trigger step: " + s);
  }

  /**
   * The trigger row's scope: OLD (UPDATE, DELETE) and NEW (INSERT, UPDATE), each the subject's
   * columns (and a table's rowid), OLD at offset 0 and NEW after it. Only qualified names resolve
   * to them: an unqualified name in a trigger program never means a NEW or OLD column.
   */
  private static Scope rowScope(
      List<String> names, List<Affinity> affinities, TableSchema table, TriggerEvent event) {
    Set<String> qualifiedOnly = new HashSet<>();
    for (String n : names) {
      qualifiedOnly.add(n.toLowerCase(Locale.ROOT));
    }
    qualifiedOnly.addAll(List.of("rowid", "oid", "_rowid_"));
    int width = names.size() + (table != null ? 1 : 0);
    List<Scope.Source> sources = new ArrayList<>();
    if (event != TriggerEvent.INSERT) {
      sources.add(new Scope.Source("old", names, affinities, table, 0, qualifiedOnly));
    }
    if (event != TriggerEvent.DELETE) {
      sources.add(new Scope.Source("new", names, affinities, table, width, qualifiedOnly));
    }
    return Scope.triggerRow(sources);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
