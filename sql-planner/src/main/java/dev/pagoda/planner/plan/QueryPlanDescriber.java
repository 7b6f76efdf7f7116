package dev.pagoda.planner.plan;

import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code EXPLAIN QUERY PLAN}: a description of a {@link Plan} in SQLite's words, one
 * {@link Line} per step, each under its parent step, as {@code sqlite3} prints them after {@code
 * .eqp on}.
 *
 * <p>The description is of Pagoda's plan, not of the plan SQLite would pick: where both read a
 * table the same way the texts are SQLite's ({@code SCAN t}, {@code SEARCH t USING INDEX i
 * (a=? AND b>?)}, {@code SEARCH t USING INTEGER PRIMARY KEY (rowid=?)}), and so is the tree
 * shape. Pagoda's own strategies get the texts SQLite uses for the same strategy: a UNION is a
 * temporary B-tree ({@code UNION USING TEMP B-TREE} under {@code COMPOUND QUERY}), a FROM
 * subquery computed once is {@code MATERIALIZE x}; an index seek always reads the table row, so
 * it never says {@code COVERING}.
 *
 * <p>Lines come in SQLite's order: the FROM subqueries a query materializes, then one line per
 * join step (each followed by the subqueries its terms hold), the temporary B-trees for GROUP
 * BY, then the result columns' subqueries, DISTINCT and ORDER BY. Subqueries are numbered as
 * SQLite numbers its SELECTs: in the order they end in the statement's text (an inner one
 * before the one holding it, the result columns before FROM and WHERE).
 */
public final class QueryPlanDescriber {

  /**
   * One row of EXPLAIN QUERY PLAN: {@code id} (from 1, in order), the {@code parent} line's id
   * (0 at the top) and the {@code detail} text.
   */
  public record Line(int id, int parent, String detail) {}

  private final List<Line> lines = new ArrayList<>();
  private final Map<Object, Integer> selectIds = new IdentityHashMap<>();
  private final Map<Integer, String> recursiveNames = new HashMap<>();
  private final Map<PlanNode, Boolean> materialized = new IdentityHashMap<>();
  private int selectCount;

  private QueryPlanDescriber() {}

  /** The lines describing {@code plan}; none for a plan that reads no table (DDL, VALUES). */
  public static List<Line> describe(Plan plan) {
    QueryPlanDescriber d = new QueryPlanDescriber();
    if (plan instanceof Plan.Query q) {
      d.numberStatement(q.root());
      d.select(q.root(), 0);
    } else if (plan instanceof Plan.Insert i) {
      if (i.source() != null) {
        d.numberStatement(i.source());
        d.select(i.source(), 0);
      }
    } else if (plan instanceof Plan.Update u) {
      d.numberStatement(u.source());
      u.values().forEach(d::numberExpr);
      d.select(u.source(), 0);
      u.values().forEach(v -> d.subqueries(v, 0));
    } else if (plan instanceof Plan.Delete del) {
      d.numberStatement(del.source());
      d.select(del.source(), 0);
    } else if (plan instanceof Plan.InsteadOf v) {
      d.numberStatement(v.source());
      d.select(v.source(), 0);
    }
    return List.copyOf(d.lines);
  }

  // ---- numbering: SELECTs in the order they end in the text ----

  /**
   * Numbers the WITH clause tables {@code node} reads (their SELECTs come before the query's own
   * in the text), then the rest.
   */
  private void numberStatement(PlanNode node) {
    numberCtes(node);
    number(node);
  }

  private void numberCtes(PlanNode node) {
    PlanNode n = node instanceof PlanNode.Filter f ? f.input() : node;
    if (n instanceof PlanNode.Materialize m && m.cte() && !selectIds.containsKey(m)) {
      numberStatement(m.input());
      selectIds.put(m, ++selectCount);
      return;
    }
    for (PlanNode input : PlanNodes.inputs(n)) {
      numberCtes(input);
    }
  }

  private void number(PlanNode node) {
    if (node instanceof PlanNode.Project p) {
      p.expressions().forEach(this::numberExpr);
      number(p.input());
      return;
    }
    if (node instanceof PlanNode.NestedLoop j) {
      for (PlanNode source : j.sources()) {
        numberSource(source);
      }
      for (PlanNode.JoinStep step : j.steps()) {
        step.on().forEach(this::numberExpr);
        step.filters().forEach(this::numberExpr);
      }
      return;
    }
    if (node instanceof PlanNode.Compound c) {
      numberArm(c.left());
      numberArm(c.right());
      return;
    }
    if (isFromItem(node)) {
      numberSource(node);
      return;
    }
    for (PlanNode input : PlanNodes.inputs(node)) {
      number(input);
    }
    for (BoundExpr e : expressions(node)) {
      numberExpr(e);
    }
  }

  private void numberArm(PlanNode arm) {
    if (arm instanceof PlanNode.Compound) {
      number(arm);
    } else {
      number(arm);
      selectIds.put(arm, ++selectCount);
    }
  }

  private void numberSource(PlanNode source) {
    if (selectIds.containsKey(source)) {
      return; // a WITH clause table, numbered first
    }
    if (source instanceof PlanNode.Materialize || isSubquerySource(source)) {
      PlanNode body = source instanceof PlanNode.Materialize m ? m.input() : source;
      number(body);
      selectIds.put(source, ++selectCount);
    } else if (source instanceof PlanNode.Filter f) {
      number(f);
    } else {
      expressions(source).forEach(this::numberExpr);
    }
  }

  private void numberExpr(BoundExpr e) {
    if (e == null) {
      return;
    }
    if (e instanceof BoundExpr.Subquery q) {
      numberExpr(q.operand());
      number(q.plan() instanceof PlanNode.Materialize m ? m.input() : q.plan());
      selectIds.put(q, ++selectCount);
      return;
    }
    for (BoundExpr child : BoundExprs.children(e)) {
      numberExpr(child);
    }
  }

  // ---- description ----

  private int add(int parent, String detail) {
    int id = lines.size() + 1;
    lines.add(new Line(id, parent, detail));
    return id;
  }

  /** One SELECT (a core or a compound) and what is above its FROM clause. */
  private void select(PlanNode node, int parent) {
    List<String> after = new ArrayList<>();
    List<BoundExpr> results = new ArrayList<>();
    PlanNode n = node;
    while (true) {
      if (n instanceof PlanNode.Limit l) {
        n = l.input();
      } else if (n instanceof PlanNode.Sort s) {
        after.add(0, "USE TEMP B-TREE FOR ORDER BY");
        n = s.input();
      } else if (n instanceof PlanNode.Distinct d) {
        after.add(0, "USE TEMP B-TREE FOR DISTINCT");
        n = d.input();
      } else if (n instanceof PlanNode.Project p) {
        results.addAll(p.expressions());
        n = p.input();
      } else if (n instanceof PlanNode.Window w) {
        if (!w.partitionBy().isEmpty() || !w.orderBy().isEmpty()) {
          after.add(0, "USE TEMP B-TREE FOR ORDER BY"); // the window's partition and order sort
        }
        n = w.input();
      } else {
        break;
      }
    }
    if (n instanceof PlanNode.Compound c) {
      compound(c, parent);
    } else {
      core(n, parent);
    }
    for (BoundExpr e : results) {
      subqueries(e, parent);
    }
    for (String line : after) {
      add(parent, line);
    }
  }

  /** A SELECT core below its result columns: HAVING, GROUP BY, the FROM clause and WHERE. */
  private void core(PlanNode node, int parent) {
    if (node instanceof PlanNode.Filter f && f.input() instanceof PlanNode.Aggregate) {
      core(f.input(), parent);
      subqueries(f.predicate(), parent);
    } else if (node instanceof PlanNode.Aggregate a) {
      core(a.input(), parent);
      if (!a.groupKeys().isEmpty()) {
        add(parent, "USE TEMP B-TREE FOR GROUP BY");
      }
      for (BoundExpr e : expressions(a)) {
        subqueries(e, parent);
      }
    } else if (node instanceof PlanNode.NestedLoop j) {
      join(j, parent);
    } else {
      materializations(List.of(node), parent);
      step(node, List.of(), parent, false);
    }
  }

  private void join(PlanNode.NestedLoop j, int parent) {
    materializations(j.sources(), parent);
    for (PlanNode.JoinStep s : j.steps()) {
      List<BoundExpr> terms = new ArrayList<>(s.on());
      terms.addAll(s.filters());
      step(j.sources().get(s.source()), terms, parent, s.leftOuter());
    }
    for (PlanNode.JoinStep s : j.steps()) {
      if (s.rightOuter()) {
        PlanNode source = j.sources().get(s.source());
        int id = add(parent, "RIGHT-JOIN " + sourceName(source));
        step(source, List.of(), id, false);
      }
    }
  }

  /** The name SQLite gives a join source in its lines. */
  private String sourceName(PlanNode source) {
    PlanNode s = source instanceof PlanNode.Filter f ? f.input() : source;
    if (s instanceof PlanNode.Materialize m) {
      return name(m);
    }
    String access = AccessText.of(s);
    if (access == null) {
      return "(subquery)";
    }
    String rest = access.substring(access.indexOf(' ') + 1);
    return rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
  }

  /** The MATERIALIZE lines of the FROM subqueries among {@code sources}, in FROM order. */
  private void materializations(List<PlanNode> sources, int parent) {
    for (PlanNode source : sources) {
      PlanNode s = source instanceof PlanNode.Filter f ? f.input() : source;
      if (s instanceof PlanNode.Materialize m && materialized.put(m, true) == null) {
        int id = add(parent, "MATERIALIZE " + name(m));
        body(m.input(), name(m), id);
      }
    }
  }

  private void body(PlanNode node, String name, int parent) {
    if (node instanceof PlanNode.RecursiveCte r) {
      recursiveNames.put(r.id(), name);
      select(r.initial(), add(parent, "SETUP"));
      int step = add(parent, "RECURSIVE STEP");
      for (PlanNode part : r.recursive()) {
        select(part, step);
      }
    } else {
      select(node, parent);
    }
  }

  /** The line of one join step (a source of the FROM clause), then its terms' subqueries. */
  private void step(PlanNode source, List<BoundExpr> terms, int parent, boolean leftOuter) {
    PlanNode s = source;
    List<BoundExpr> all = new ArrayList<>(terms);
    if (s instanceof PlanNode.Filter f) {
      all.add(f.predicate());
      s = f.input();
    }
    String suffix = leftOuter ? " LEFT-JOIN" : "";
    String access = AccessText.of(s);
    if (access != null) {
      add(parent, access + suffix);
    } else if (s instanceof PlanNode.Materialize m) {
      add(parent, "SCAN " + name(m) + suffix);
    } else if (s instanceof PlanNode.RecursiveRef r) {
      add(parent, "SCAN " + recursiveNames.getOrDefault(r.id(), "(recursive)") + suffix);
    } else if (s instanceof PlanNode.SingleRow) {
      add(parent, "SCAN CONSTANT ROW");
    } else if (s instanceof PlanNode.Values v) {
      add(parent, v.rows().size() == 1
          ? "SCAN CONSTANT ROW" : "SCAN " + v.rows().size() + "-ROW VALUES CLAUSE");
      v.rows().forEach(row -> row.forEach(e -> subqueries(e, parent)));
    } else if (s instanceof PlanNode.RecursiveCte r) {
      body(r, "(recursive)", parent);
    } else if (isSelect(s)) {
      select(s, parent); // a FROM subquery run again for each outer row
    } else {
      throw new IllegalStateException("no EXPLAIN text for a join source " + s.getClass());
    }
    expressions(s).forEach(e -> subqueries(e, parent));
    all.forEach(e -> subqueries(e, parent));
  }

  private void compound(PlanNode.Compound c, int parent) {
    List<PlanNode> arms = new ArrayList<>();
    List<PlanNode.SetOperator> ops = new ArrayList<>();
    PlanNode n = c;
    while (n instanceof PlanNode.Compound k) {
      arms.add(0, k.right());
      ops.add(0, k.op());
      n = k.left();
    }
    arms.add(0, n);
    int top = add(parent, "COMPOUND QUERY");
    select(arms.get(0), add(top, "LEFT-MOST SUBQUERY"));
    for (int i = 1; i < arms.size(); i++) {
      PlanNode.SetOperator op = ops.get(i - 1);
      String label = switch (op) {
        case UNION_ALL -> "UNION ALL";
        case UNION -> "UNION USING TEMP B-TREE";
        case INTERSECT -> "INTERSECT USING TEMP B-TREE";
        case EXCEPT -> "EXCEPT USING TEMP B-TREE";
      };
      select(arms.get(i), add(top, label));
    }
  }

  /** The lines of the subquery expressions inside {@code e}, each with its plan below it. */
  private void subqueries(BoundExpr e, int parent) {
    if (e == null) {
      return;
    }
    if (e instanceof BoundExpr.Subquery q) {
      subqueries(q.operand(), parent);
      String kind = q.kind() == BoundExpr.SubqueryKind.IN ? "LIST SUBQUERY " : "SCALAR SUBQUERY ";
      int id = add(parent, (q.correlated() ? "CORRELATED " : "") + kind + selectId(q));
      PlanNode plan = q.plan() instanceof PlanNode.Materialize m ? m.input() : q.plan();
      select(plan, id);
      return;
    }
    for (BoundExpr child : BoundExprs.children(e)) {
      subqueries(child, parent);
    }
  }

  private String name(PlanNode.Materialize m) {
    return m.name() != null ? m.name() : "(subquery-" + selectId(m) + ")";
  }

  private int selectId(Object select) {
    Integer id = selectIds.get(select);
    if (id == null) {
      throw new IllegalStateException("a subquery the numbering pass did not see");
    }
    return id;
  }

  private static boolean isSelect(PlanNode node) {
    return node instanceof PlanNode.Project || node instanceof PlanNode.Limit
        || node instanceof PlanNode.Sort || node instanceof PlanNode.Distinct
        || node instanceof PlanNode.Window || node instanceof PlanNode.Compound
        || node instanceof PlanNode.Aggregate || node instanceof PlanNode.NestedLoop;
  }

  private static boolean isFromItem(PlanNode node) {
    return node instanceof PlanNode.Materialize;
  }

  /** Whether {@code source}, a FROM item, is a subquery that is run for each outer row. */
  private static boolean isSubquerySource(PlanNode source) {
    return AccessText.of(source) == null && !(source instanceof PlanNode.Filter)
        && !(source instanceof PlanNode.SingleRow) && !(source instanceof PlanNode.Values)
        && !(source instanceof PlanNode.RecursiveRef);
  }

  /** The expressions a node evaluates itself (not those of its inputs). */
  private static List<BoundExpr> expressions(PlanNode node) {
    List<BoundExpr> out = new ArrayList<>();
    if (node instanceof PlanNode.Filter f) {
      out.add(f.predicate());
    } else if (node instanceof PlanNode.Aggregate a) {
      out.addAll(a.groupKeys());
      for (PlanNode.AggregateCall call : a.calls()) {
        out.addAll(call.args());
        out.add(call.filter());
      }
    } else if (node instanceof PlanNode.FunctionScan f) {
      out.addAll(f.args());
    } else if (node instanceof PlanNode.RowidSeek s) {
      out.addAll(s.keys());
    } else if (node instanceof PlanNode.IndexSeek s) {
      out.addAll(s.prefix());
      if (s.inValues() != null) {
        out.addAll(s.inValues());
      }
      addBound(out, s.lower());
      addBound(out, s.upper());
    } else if (node instanceof PlanNode.RowidRange r) {
      addBound(out, r.lower());
      addBound(out, r.upper());
    }
    return out;
  }

  private static void addBound(List<BoundExpr> out, PlanNode.RangeBound bound) {
    if (bound != null) {
      out.add(bound.value());
    }
  }

  /** The SCAN or SEARCH text of a table's access path. */
  static final class AccessText {
    private AccessText() {}

    /** The text of {@code node}, or null when it is no table access. */
    static String of(PlanNode node) {
      if (node instanceof PlanNode.TableScan s) {
        return "SCAN " + s.alias();
      } else if (node instanceof PlanNode.RowidSeek s) {
        return "SEARCH " + s.alias() + " USING INTEGER PRIMARY KEY (rowid=?)";
      } else if (node instanceof PlanNode.RowidRange r) {
        return "SEARCH " + r.alias() + " USING INTEGER PRIMARY KEY ("
            + range("rowid", r.lower(), r.upper()) + ")";
      } else if (node instanceof PlanNode.IndexSeek s) {
        return "SEARCH " + s.alias() + " USING INDEX " + s.index().name() + " ("
            + indexTerms(s) + ")";
      } else if (node instanceof PlanNode.FunctionScan f) {
        // SQLite shows the xBestIndex plan number; Pagoda's is which arguments are given.
        return "SCAN " + f.alias() + " VIRTUAL TABLE INDEX " + ((1 << f.args().size()) - 1)
            + ":";
      }
      return null;
    }

    private static String indexTerms(PlanNode.IndexSeek s) {
      List<String> terms = new ArrayList<>();
      int k = 0;
      for (; k < s.prefix().size(); k++) {
        terms.add(columnName(s.table(), s.index(), k) + "=?");
      }
      if (s.inValues() != null) {
        terms.add(columnName(s.table(), s.index(), k) + "=?");
      } else if (s.lower() != null || s.upper() != null) {
        terms.add(range(columnName(s.table(), s.index(), k), s.lower(), s.upper()));
      }
      return String.join(" AND ", terms);
    }

    private static String range(String column, PlanNode.RangeBound lower,
        PlanNode.RangeBound upper) {
      if (lower != null && upper != null) {
        return column + ">? AND " + column + "<?";
      }
      return lower != null ? column + ">?" : column + "<?";
    }

    private static String columnName(TableSchema table, IndexSchema index, int k) {
      IndexSchema.IndexColumn column = index.columns().get(k);
      if (column.expression() != null) {
        return "<expr>";
      }
      return column.column() >= table.columns().size()
          ? "rowid" : table.columns().get(column.column()).name();
    }
  }
}
