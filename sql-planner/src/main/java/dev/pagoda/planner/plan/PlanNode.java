package dev.pagoda.planner.plan;

import static java.util.Objects.requireNonNull;

import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.TableSchema;
import java.util.List;

/**
 * A node of a physical query plan. Each node produces rows; a row is a list of values addressed by
 * position, as {@link BoundExpr.Column} indexes them.
 */
public sealed interface PlanNode {

  /** The number of columns in the rows this node produces. */
  int width();

  /** One row of no columns: the FROM clause of a SELECT that has none. */
  record SingleRow() implements PlanNode {
    @Override
    public int width() {
      return 0;
    }
  }

  /**
   * Every row of a rowid table in rowid order. Row column i is table column i for i below the
   * table's column count, and column {@code columns().size()} is the rowid; a column that aliases
   * the rowid reads the rowid too. {@code alias} is the name the query gives the table (its own
   * name when it has no alias), for EXPLAIN QUERY PLAN.
   */
  record TableScan(TableSchema table, String alias) implements PlanNode {
    public TableScan {
      requireNonNull(table, "table");
      requireNonNull(alias, "alias");
    }

    /** A scan of a table that has no alias. */
    public TableScan(TableSchema table) {
      this(table, table.name());
    }

    @Override
    public int width() {
      return table.columns().size() + 1;
    }
  }

  /**
   * The rows of table-valued function {@code function} called with {@code args}: each row is the
   * function's visible columns, then its hidden columns, which read the arguments in order (NULL
   * past the last one). The arguments may read columns of the outer row (a join's earlier steps)
   * and are evaluated each time the node is opened. {@code alias} is the name the query gives
   * the call (the function's name when it has no alias).
   */
  record FunctionScan(dev.pagoda.spi.TableFunction function, List<BoundExpr> args, String alias)
      implements PlanNode {
    public FunctionScan {
      requireNonNull(function, "function");
      requireNonNull(alias, "alias");
      args = List.copyOf(args);
    }

    /** A call without an alias. */
    public FunctionScan(dev.pagoda.spi.TableFunction function, List<BoundExpr> args) {
      this(function, args, function.name());
    }

    /** The number of visible columns: hidden column i is row column {@code visible() + i}. */
    public int visible() {
      return function.columns().size();
    }

    @Override
    public int width() {
      return function.columns().size() + function.hiddenColumns().size();
    }
  }

  /** The rows of {@code input} for which {@code predicate} is true. */
  record Filter(PlanNode input, BoundExpr predicate) implements PlanNode {
    public Filter {
      requireNonNull(input, "input");
      requireNonNull(predicate, "predicate");
    }

    @Override
    public int width() {
      return input.width();
    }
  }

  /** One output column per expression, evaluated over each row of {@code input}. */
  record Project(PlanNode input, List<BoundExpr> expressions) implements PlanNode {
    public Project {
      requireNonNull(input, "input");
      expressions = List.copyOf(expressions);
    }

    @Override
    public int width() {
      return expressions.size();
    }
  }

  /**
   * A nested-loop join of {@code sources} (in FROM order). The joined row is the sources' rows
   * side by side in FROM order: source i's columns start at {@code offsets().get(i)}. The loop
   * visits the sources in the order of {@code steps}; at each step the source is opened again for
   * every row of the steps before it, {@code on} decides whether its row matches (a LEFT step
   * with no match contributes one row of NULLs) and {@code filters} drop rows after that.
   */
  record NestedLoop(List<PlanNode> sources, List<JoinStep> steps) implements PlanNode {
    public NestedLoop {
      sources = List.copyOf(sources);
      steps = List.copyOf(steps);
      if (steps.size() != sources.size()) {
        throw new IllegalArgumentException("one step per source");
      }
    }

    /** Where each source's columns start in the joined row. */
    public List<Integer> offsets() {
      List<Integer> offsets = new java.util.ArrayList<>();
      int offset = 0;
      for (PlanNode source : sources) {
        offsets.add(offset);
        offset += source.width();
      }
      return offsets;
    }

    @Override
    public int width() {
      int width = 0;
      for (PlanNode source : sources) {
        width += source.width();
      }
      return width;
    }
  }

  /**
   * One step of a {@link NestedLoop}: the source it scans, whether it is the right side of a LEFT
   * join ({@code leftOuter}: a row of NULLs when nothing matches) and of a RIGHT join ({@code
   * rightOuter}: after the loop, each row of this source that no combination of the steps before
   * it matched is joined once with NULLs for every source before it, and the later steps go on
   * from there; a FULL join is both), the ON terms deciding a match and the filter terms applied
   * after; every term reads only columns of this step's source and of the steps before it. A
   * right-outer step's source must not depend on the earlier steps (it is read once per run of
   * the join); the steps of a join with one are in FROM order.
   */
  record JoinStep(int source, boolean leftOuter, boolean rightOuter, List<BoundExpr> on,
      List<BoundExpr> filters) {
    public JoinStep {
      on = List.copyOf(on);
      filters = List.copyOf(filters);
    }

    /** A step that is not the right side of a RIGHT or FULL join. */
    public JoinStep(int source, boolean leftOuter, List<BoundExpr> on, List<BoundExpr> filters) {
      this(source, leftOuter, false, on, filters);
    }
  }

  /** The rows of {@code input} in the order of {@code keys}; ties keep their input order. */
  record Sort(PlanNode input, List<SortKey> keys) implements PlanNode {
    public Sort {
      requireNonNull(input, "input");
      keys = List.copyOf(keys);
    }

    @Override
    public int width() {
      return input.width();
    }
  }

  /**
   * One sort key: input column {@code column}, compared with {@code collation} (null: BINARY);
   * NULLs come first unless {@code nullsLast}.
   */
  record SortKey(int column, boolean descending, boolean nullsLast, String collation) {}

  /**
   * At most {@code limit} rows of {@code input} after skipping {@code offset} (null: none); both
   * are evaluated once per run; a negative limit means no limit.
   */
  record Limit(PlanNode input, BoundExpr limit, BoundExpr offset) implements PlanNode {
    public Limit {
      requireNonNull(input, "input");
      requireNonNull(limit, "limit");
    }

    @Override
    public int width() {
      return input.width();
    }
  }

  /**
   * The rows of {@code input} whose first {@code keyWidth} columns differ from every earlier row's
   * (NULLs equal to each other), compared with {@code collations} (null entries: BINARY).
   */
  record Distinct(PlanNode input, int keyWidth, List<String> collations) implements PlanNode {
    public Distinct {
      requireNonNull(input, "input");
      collations = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(collations));
    }

    @Override
    public int width() {
      return input.width();
    }
  }

  /**
   * Groups the rows of {@code input} by {@code groupKeys} (one group of all rows when there are
   * none, even when there are no rows) and produces one row per group, in group-key order: the
   * group's representative input row (its first row, or the row a lone min() or max() picked;
   * NULLs for an empty input), then one column per aggregate call.
   */
  record Aggregate(PlanNode input, List<BoundExpr> groupKeys, List<String> keyCollations,
      List<AggregateCall> calls) implements PlanNode {
    public Aggregate {
      requireNonNull(input, "input");
      groupKeys = List.copyOf(groupKeys);
      keyCollations =
          java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keyCollations));
      calls = List.copyOf(calls);
    }

    @Override
    public int width() {
      return input.width() + calls.size();
    }
  }

  /**
   * An aggregate function call: {@code name} (lower case), its arguments over the input row,
   * DISTINCT, the FILTER condition (null: none), the collation its comparisons use, and the
   * order its rows are stepped in ({@code group_concat(x ORDER BY y)}): {@code orderBy} are the
   * expressions over the input row, {@code orderKeys} their directions and collations, each key's
   * column being the index of its expression in {@code orderBy}. Both are empty for input order.
   */
  record AggregateCall(String name, List<BoundExpr> args, boolean distinct, BoundExpr filter,
      String collation, List<BoundExpr> orderBy, List<SortKey> orderKeys) {
    public AggregateCall {
      requireNonNull(name, "name");
      args = List.copyOf(args);
      orderBy = List.copyOf(orderBy);
      orderKeys = List.copyOf(orderKeys);
      if (orderBy.size() != orderKeys.size()) {
        throw new IllegalArgumentException("one sort key per ORDER BY expression");
      }
    }

    /** A call whose rows are stepped in input order. */
    public AggregateCall(String name, List<BoundExpr> args, boolean distinct, BoundExpr filter,
        String collation) {
      this(name, args, distinct, filter, collation, List.of(), List.of());
    }
  }

  /** The kinds of compound SELECT. */
  enum SetOperator {
    UNION,
    UNION_ALL,
    INTERSECT,
    EXCEPT
  }

  /**
   * {@code left op right}. UNION ALL yields the left rows then the right rows; the others yield
   * distinct rows in ascending order of all columns, as SQLite's temporary B-tree does.
   */
  record Compound(SetOperator op, PlanNode left, PlanNode right, List<String> collations)
      implements PlanNode {
    public Compound {
      requireNonNull(op, "op");
      requireNonNull(left, "left");
      requireNonNull(right, "right");
      collations = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(collations));
      if (left.width() != right.width()) {
        throw new IllegalArgumentException("compound sides differ in width");
      }
    }

    @Override
    public int width() {
      return left.width();
    }
  }

  /** Literal rows: {@code VALUES (...), (...)}, each row evaluated when it is reached. */
  record Values(List<List<BoundExpr>> rows) implements PlanNode {
    public Values {
      rows = rows.stream().map(List::copyOf).toList();
      if (rows.isEmpty()) {
        throw new IllegalArgumentException("VALUES needs a row");
      }
    }

    @Override
    public int width() {
      return rows.get(0).size();
    }
  }

  /**
   * The rows of {@code input} (which reads nothing of an outer query), computed once per run and
   * replayed each time this node is opened again. {@code name} is the name of the FROM item or
   * CTE it holds, for EXPLAIN QUERY PLAN (null: it is no FROM item of its own, as a subquery
   * expression's rows or a parenthesized join); {@code cte} tells it is the body of a WITH
   * clause's table (whose SELECT comes first in the text).
   */
  record Materialize(PlanNode input, String name, boolean cte) implements PlanNode {
    public Materialize {
      requireNonNull(input, "input");
    }

    /** Rows that are not a named FROM item. */
    public Materialize(PlanNode input) {
      this(input, null, false);
    }

    /** The rows of the FROM subquery {@code name}. */
    public Materialize(PlanNode input, String name) {
      this(input, name, false);
    }

    @Override
    public int width() {
      return input.width();
    }
  }

  /**
   * The rows of {@code table} (as a {@link TableScan} produces them) whose rowid is one of the
   * {@code keys}' values, each key read under numeric affinity; a key that is not an integer
   * value finds nothing. Keys may read columns of the outer row (a join's earlier steps).
   * {@code alias} is as for {@link TableScan}.
   */
  record RowidSeek(TableSchema table, List<BoundExpr> keys, String alias) implements PlanNode {
    public RowidSeek {
      requireNonNull(table, "table");
      requireNonNull(alias, "alias");
      keys = List.copyOf(keys);
    }

    /** A seek in a table that has no alias. */
    public RowidSeek(TableSchema table, List<BoundExpr> keys) {
      this(table, keys, table.name());
    }

    @Override
    public int width() {
      return table.columns().size() + 1;
    }
  }

  /**
   * The rows of {@code table} in rowid order from {@code lower} to {@code upper} (either null:
   * unbounded). A superset is allowed: the terms the bounds come from stay as filters. {@code
   * alias} is as for {@link TableScan}.
   */
  record RowidRange(TableSchema table, RangeBound lower, RangeBound upper, String alias)
      implements PlanNode {
    public RowidRange {
      requireNonNull(table, "table");
      requireNonNull(alias, "alias");
    }

    /** A range of a table that has no alias. */
    public RowidRange(TableSchema table, RangeBound lower, RangeBound upper) {
      this(table, lower, upper, table.name());
    }

    @Override
    public int width() {
      return table.columns().size() + 1;
    }
  }

  /** A bound of a range: its value, read under {@code affinity} (null: as it is). */
  record RangeBound(BoundExpr value, boolean inclusive, Affinity affinity) {
    public RangeBound {
      requireNonNull(value, "value");
    }
  }

  /**
   * The rows of {@code table} found through {@code index}: the entries whose first columns equal
   * {@code prefix} (each read under its affinity), then, when {@code inValues} is given, whose
   * next column equals one of those values, else whose next column lies between {@code lower} and
   * {@code upper} (null: unbounded). Each entry's rowid fetches the table row. A superset is
   * allowed: the terms the keys come from stay as filters. {@code alias} is as for {@link
   * TableScan}.
   */
  record IndexSeek(TableSchema table, IndexSchema index, List<BoundExpr> prefix,
      List<Affinity> prefixAffinities, List<BoundExpr> inValues, Affinity inAffinity,
      RangeBound lower, RangeBound upper, String alias) implements PlanNode {
    /** A seek in a table that has no alias. */
    public IndexSeek(TableSchema table, IndexSchema index, List<BoundExpr> prefix,
        List<Affinity> prefixAffinities, List<BoundExpr> inValues, Affinity inAffinity,
        RangeBound lower, RangeBound upper) {
      this(table, index, prefix, prefixAffinities, inValues, inAffinity, lower, upper,
          table.name());
    }

    public IndexSeek {
      requireNonNull(table, "table");
      requireNonNull(index, "index");
      requireNonNull(alias, "alias");
      prefix = List.copyOf(prefix);
      prefixAffinities =
          java.util.Collections.unmodifiableList(new java.util.ArrayList<>(prefixAffinities));
      inValues = inValues == null ? null : List.copyOf(inValues);
    }

    @Override
    public int width() {
      return table.columns().size() + 1;
    }
  }

  /**
   * A recursive common table expression: the rows of {@code initial} go into a queue; each row
   * taken from the queue (first in, first out; or, when {@code order} is not empty, the least
   * under it first) is a result row, and every query of {@code recursive} runs once with that row
   * as the single row of its {@link RecursiveRef} {@code id}, its rows going into the queue. With
   * {@code distinct} (UNION), a row equal to one already queued is dropped. {@code limit} (null:
   * none) bounds the rows produced and {@code offset} skips the first ones.
   */
  record RecursiveCte(int id, PlanNode initial, List<PlanNode> recursive, boolean distinct,
      List<SortKey> order, BoundExpr limit, BoundExpr offset) implements PlanNode {
    public RecursiveCte {
      requireNonNull(initial, "initial");
      recursive = List.copyOf(recursive);
      order = List.copyOf(order);
      for (PlanNode r : recursive) {
        if (r.width() != initial.width()) {
          throw new IllegalArgumentException("recursive part differs in width");
        }
      }
    }

    @Override
    public int width() {
      return initial.width();
    }
  }

  /** The current row of the recursive CTE {@code id}, inside its recursive part. */
  record RecursiveRef(int id, int width) implements PlanNode {
    @Override
    public int width() {
      return width;
    }
  }

  /**
   * The rows of {@code input}, in the order of {@code partitionBy} then {@code orderBy} (a stable
   * sort), each followed by one column per window call: its value over the row's partition (the
   * rows equal in every partition key, under {@code partitionCollations}) and frame. Rows equal
   * in every order key are peers.
   */
  record Window(PlanNode input, List<BoundExpr> partitionBy, List<String> partitionCollations,
      List<WindowOrder> orderBy, List<WindowCall> calls) implements PlanNode {
    public Window {
      requireNonNull(input, "input");
      partitionBy = List.copyOf(partitionBy);
      partitionCollations =
          java.util.Collections.unmodifiableList(new java.util.ArrayList<>(partitionCollations));
      orderBy = List.copyOf(orderBy);
      calls = List.copyOf(calls);
    }

    @Override
    public int width() {
      return input.width() + calls.size();
    }
  }

  /** One ORDER BY term of a window: NULLs first unless {@code nullsLast}. */
  record WindowOrder(BoundExpr expr, boolean descending, boolean nullsLast, String collation) {
    public WindowOrder {
      requireNonNull(expr, "expr");
    }
  }

  /**
   * A window function call: {@code name} (lower case), its arguments and FILTER (null: none)
   * over the input row, the collation its comparisons use, and its frame.
   */
  record WindowCall(String name, List<BoundExpr> args, BoundExpr filter, String collation,
      WindowFrameSpec frame) {
    public WindowCall {
      requireNonNull(name, "name");
      requireNonNull(frame, "frame");
      args = List.copyOf(args);
    }
  }

  /**
   * A window frame: {@code unit BETWEEN start AND end EXCLUDE exclude}; an offset (the {@code n}
   * of {@code n PRECEDING} or {@code n FOLLOWING}, else null) is evaluated once per run.
   */
  record WindowFrameSpec(dev.pagoda.parser.ast.WindowFrame.Unit unit,
      dev.pagoda.parser.ast.WindowFrame.BoundKind start, BoundExpr startOffset,
      dev.pagoda.parser.ast.WindowFrame.BoundKind end, BoundExpr endOffset,
      dev.pagoda.parser.ast.WindowFrame.Exclude exclude) {
    public WindowFrameSpec {
      requireNonNull(unit, "unit");
      requireNonNull(start, "start");
      requireNonNull(end, "end");
      requireNonNull(exclude, "exclude");
    }
  }
}
