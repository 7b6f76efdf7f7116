package dev.pagoda.planner;

import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.parser.ast.NamedWindow;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.Over;
import dev.pagoda.parser.ast.SortOrder;
import dev.pagoda.parser.ast.WindowDefinition;
import dev.pagoda.parser.ast.WindowFrame;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.SqlFunction;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The window function calls of one SELECT core: resolves their OVER clauses against the core's
 * WINDOW clause (with SQLite's inheritance rules and errors), binds each call over the rows the
 * windows see (the aggregate's output in an aggregate query), and plans one {@link
 * PlanNode.Window} per distinct PARTITION BY and ORDER BY.
 *
 * <p>While the result columns and ORDER BY are bound, a window call stands for a placeholder
 * column ({@link #PLACEHOLDER} and up), because the width of the row the windows extend is known
 * only once every aggregate call has been seen; {@link #remap} then moves each to its place.
 */
final class WindowBinder {
  /** The first placeholder column index, far beyond any real row width. */
  static final int PLACEHOLDER = 1 << 28;

  /** The partition and order a group of calls shares, and so one sort. */
  private record Key(List<BoundExpr> partitionBy, List<String> partitionCollations,
      List<PlanNode.WindowOrder> orderBy) {}

  private record Pending(Key key, PlanNode.WindowCall call) {}

  private final QueryBinder queries;
  private final Map<String, WindowDefinition> named = new HashMap<>();
  private final List<Pending> calls = new ArrayList<>();
  private int[] placed;

  /**
   * Resolves the WINDOW clause: each definition may extend one defined before it (a base
   * defined later is ignored, as SQLite ignores it); a later definition of a name replaces an
   * earlier one.
   */
  WindowBinder(List<NamedWindow> windows, QueryBinder queries) {
    this.queries = queries;
    for (NamedWindow w : windows) {
      named.put(key(w.name()), inherit(w.definition(), true));
    }
  }

  /** True when some window call was bound. */
  boolean any() {
    return !calls.isEmpty();
  }

  /**
   * Checks that {@code f} may be called with OVER: the function exists with this many arguments
   * and is an aggregate or a window function, with no ORDER BY among its arguments unless it is
   * a window function.
   */
  static AggregateFunction check(FunctionCall f, FunctionCatalog functions) {
    SqlFunction fn = functions.resolve(f.name(), f.args().size());
    if (!f.orderBy().isEmpty() && !(fn instanceof WindowOnlyFunction)) {
      // SQLite's words, even for an aggregate; a window function ignores the ORDER BY.
      throw SqlException.error("ORDER BY may not be used with non-aggregate " + f.name() + "()");
    }
    if (fn instanceof ScalarFunction) {
      throw SqlException.error(f.name() + "() may not be used as a window function");
    }
    return (AggregateFunction) fn;
  }

  /** Binds the window call {@code f}; its arguments and window read {@code binder}'s row. */
  BoundExpr bind(FunctionCall f, ExprBinder binder) {
    AggregateFunction fn = check(f, binder.functions());
    if (f.distinct()) {
      throw SqlException.error("DISTINCT is not supported for window functions");
    }
    if (f.filter() != null && fn instanceof WindowOnlyFunction) {
      throw SqlException.error(
          "FILTER clause may only be used with aggregate window functions");
    }
    WindowDefinition d = resolve(f.over());
    List<BoundExpr> args = new ArrayList<>();
    for (Expr a : f.args()) {
      args.add(binder.bind(a));
    }
    BoundExpr filter = f.filter() == null ? null : binder.bind(f.filter());
    List<BoundExpr> partition = new ArrayList<>();
    List<String> collations = new ArrayList<>();
    for (Expr p : d.partitionBy()) {
      BoundExpr b = binder.bind(p);
      partition.add(b);
      collations.add(QueryBinder.collationOf(b));
    }
    List<PlanNode.WindowOrder> order = new ArrayList<>();
    for (OrderingTerm t : d.orderBy()) {
      BoundExpr b = binder.bind(t.expr());
      boolean descending = t.order() == SortOrder.DESC;
      boolean nullsLast = t.nulls() == null
          ? descending : t.nulls() == dev.pagoda.parser.ast.NullsOrder.LAST;
      order.add(new PlanNode.WindowOrder(b, descending, nullsLast, QueryBinder.collationOf(b)));
    }
    String collation = args.isEmpty() ? null : QueryBinder.collationOf(args.get(0));
    PlanNode.WindowCall call = new PlanNode.WindowCall(f.name().toLowerCase(Locale.ROOT), args,
        filter, collation, frame(d.frame(), order.size()));
    Pending p = new Pending(new Key(partition, collations, order), call);
    int index = calls.indexOf(p);
    if (index < 0) {
      index = calls.size();
      calls.add(p);
    }
    return new BoundExpr.Column(PLACEHOLDER + index, null, f.name());
  }

  /** The window an OVER clause means, its base merged in. */
  private WindowDefinition resolve(Over over) {
    if (over.windowName() != null) {
      WindowDefinition d = named.get(key(over.windowName()));
      if (d == null) {
        throw SqlException.error("no such window: " + over.windowName());
      }
      return d;
    }
    return inherit(over.definition(), false);
  }

  /**
   * {@code d} with its base window merged in: the base's PARTITION BY, its ORDER BY unless
   * {@code d} has one, {@code d}'s frame. With {@code lenient}, an unknown base is ignored.
   */
  private WindowDefinition inherit(WindowDefinition d, boolean lenient) {
    if (d.base() == null) {
      return d;
    }
    WindowDefinition base = named.get(key(d.base()));
    if (base == null) {
      if (lenient) {
        return new WindowDefinition(null, d.partitionBy(), d.orderBy(), d.frame());
      }
      throw SqlException.error("no such window: " + d.base());
    }
    String clause = null;
    if (!d.partitionBy().isEmpty()) {
      clause = "PARTITION clause";
    } else if (!base.orderBy().isEmpty() && !d.orderBy().isEmpty()) {
      clause = "ORDER BY clause";
    } else if (base.frame() != null) {
      clause = "frame specification";
    }
    if (clause != null) {
      throw SqlException.error("cannot override " + clause + " of window: " + d.base());
    }
    return new WindowDefinition(null, base.partitionBy(),
        d.orderBy().isEmpty() ? base.orderBy() : d.orderBy(), d.frame());
  }

  /** The frame of a window with {@code orderTerms} ORDER BY terms; null: the default one. */
  private PlanNode.WindowFrameSpec frame(WindowFrame f, int orderTerms) {
    if (f == null) {
      return new PlanNode.WindowFrameSpec(WindowFrame.Unit.RANGE,
          WindowFrame.BoundKind.UNBOUNDED_PRECEDING, null, WindowFrame.BoundKind.CURRENT_ROW,
          null, WindowFrame.Exclude.NO_OTHERS);
    }
    if (f.unit() == WindowFrame.Unit.RANGE && orderTerms != 1
        && (f.start().offset() != null || f.end().offset() != null)) {
      throw SqlException.error(
          "RANGE with offset PRECEDING/FOLLOWING requires one ORDER BY expression");
    }
    return new PlanNode.WindowFrameSpec(f.unit(), f.start().kind(), offset(f.start().offset()),
        f.end().kind(), offset(f.end().offset()),
        f.exclude() == null ? WindowFrame.Exclude.NO_OTHERS : f.exclude());
  }

  /**
   * A frame offset, bound over no row: a column there is not an error until the statement runs
   * (SQLite then reports the offset as not a non-negative number), so it becomes NULL.
   */
  private BoundExpr offset(Expr e) {
    if (e == null) {
      return null;
    }
    try {
      return new ExprBinder(Scope.EMPTY, queries).bind(e);
    } catch (SqlException noColumn) {
      if (noColumn.getMessage() != null && noColumn.getMessage().startsWith("no such column")) {
        return new BoundExpr.Constant(Value.NULL);
      }
      throw noColumn;
    }
  }

  /**
   * The Window nodes over {@code input}, one per distinct partition and order; afterwards
   * {@link #remap} places the calls' columns. The window of the first call is the outermost, so
   * that without an ORDER BY the rows come in its order, as in SQLite.
   */
  PlanNode plan(PlanNode input) {
    Map<Key, List<Integer>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      byKey.computeIfAbsent(calls.get(i).key(), k -> new ArrayList<>()).add(i);
    }
    List<Map.Entry<Key, List<Integer>>> innermostFirst = new ArrayList<>(byKey.entrySet());
    java.util.Collections.reverse(innermostFirst);
    placed = new int[calls.size()];
    int next = input.width();
    PlanNode node = input;
    for (Map.Entry<Key, List<Integer>> e : innermostFirst) {
      List<PlanNode.WindowCall> group = new ArrayList<>();
      for (int i : e.getValue()) {
        group.add(calls.get(i).call());
        placed[i] = next++;
      }
      Key k = e.getKey();
      node = new PlanNode.Window(node, k.partitionBy(), k.partitionCollations(), k.orderBy(),
          group);
    }
    return node;
  }

  /** {@code e} with each placeholder column moved to its window call's column. */
  BoundExpr remap(BoundExpr e) {
    return WindowRemap.remap(e, placed, PLACEHOLDER);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
