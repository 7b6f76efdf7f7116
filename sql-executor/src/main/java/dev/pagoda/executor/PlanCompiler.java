package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns plan nodes into operator factories, compiling their expressions once. */
final class PlanCompiler {
  private final ExprCompiler compiler;
  /** The current row of each recursive CTE being compiled, by id. */
  private final java.util.Map<Integer, RecursiveCteOp.CurrentRow> recursiveRows =
      new java.util.HashMap<>();

  PlanCompiler(ExprCompiler compiler) {
    this.compiler = compiler;
  }

  OperatorFactory compile(PlanNode node) {
    if (node instanceof PlanNode.SingleRow) {
      return (run, outer) -> new Operators.SingleRowOp();
    } else if (node instanceof PlanNode.TableScan s) {
      return tableScan(s.table());
    } else if (node instanceof PlanNode.Filter f) {
      OperatorFactory input = compile(f.input());
      Evaluator predicate = compiler.compile(f.predicate());
      return (run, outer) -> new Operators.FilterOp(input.open(run, outer), predicate);
    } else if (node instanceof PlanNode.Project p) {
      OperatorFactory input = compile(p.input());
      List<Evaluator> expressions = p.expressions().stream().map(compiler::compile).toList();
      return (run, outer) -> new Operators.ProjectOp(input.open(run, outer), expressions);
    } else if (node instanceof PlanNode.NestedLoop j) {
      return nestedLoop(j);
    } else if (node instanceof PlanNode.Sort s) {
      OperatorFactory input = sortInput(s);
      Comparator<Value[]> order = MaterializedOperators.sortOrder(s.keys(), functions());
      int width = s.width();
      return (run, outer) -> MaterializedOperators.sort(input.open(run, outer), width, order);
    } else if (node instanceof PlanNode.Limit l) {
      return limit(l);
    } else if (node instanceof PlanNode.Distinct d) {
      return distinct(d, false);
    } else if (node instanceof PlanNode.Aggregate a) {
      return aggregate(a);
    } else if (node instanceof PlanNode.Compound c) {
      OperatorFactory left = compile(c.left());
      OperatorFactory right = compile(c.right());
      int width = c.width();
      Comparator<Value[]> order = RowOrder.prefix(width, c.collations(), functions());
      return (run, outer) -> MaterializedOperators.compound(
          c.op(), left.open(run, outer), right.open(run, outer), width, order);
    } else if (node instanceof PlanNode.Values v) {
      List<Evaluator[]> rows = new ArrayList<>();
      for (List<BoundExpr> row : v.rows()) {
        rows.add(row.stream().map(compiler::compile).toArray(Evaluator[]::new));
      }
      return (run, outer) -> new Operators.ValuesOp(rows);
    } else if (node instanceof PlanNode.Materialize m) {
      return materialize(m);
    } else if (node instanceof PlanNode.RowidSeek r) {
      return SeekOperators.rowidSeek(r, compiler);
    } else if (node instanceof PlanNode.RowidRange r) {
      return SeekOperators.rowidRange(r, compiler);
    } else if (node instanceof PlanNode.IndexSeek i) {
      return SeekOperators.indexSeek(i, compiler);
    } else if (node instanceof PlanNode.FunctionScan f) {
      return FunctionScanOp.factory(f, compiler);
    } else if (node instanceof PlanNode.RecursiveCte r) {
      return recursiveCte(r);
    } else if (node instanceof PlanNode.Window w) {
      return WindowOp.compile(w, compile(w.input()), compiler);
    } else if (node instanceof PlanNode.RecursiveRef r) {
      RecursiveCteOp.CurrentRow current = recursiveRows.get(r.id());
      if (current == null) {
        throw new AssertionError("recursive reference outside its CTE: " + r.id());
      }
      return (run, outer) -> new MaterializedOperators.ListOp(
          java.util.Collections.singletonList(current.row));
    }
    throw new AssertionError("unknown plan node: " + node);
  }

  /** A DISTINCT; {@code orderFree} when a sort follows, so that it may spill out of order. */
  private OperatorFactory distinct(PlanNode.Distinct d, boolean orderFree) {
    OperatorFactory input = compile(d.input());
    Comparator<Value[]> order = RowOrder.prefix(d.keyWidth(), d.collations(), functions());
    int width = d.width();
    int keyWidth = d.keyWidth();
    return (run, outer) -> new MaterializedOperators.DistinctOp(
        input.open(run, outer), width, keyWidth, order, orderFree);
  }

  private static OperatorFactory tableScan(TableSchema table) {
    RowDecoding decoding = TableRowOp.decoding(table);
    return (run, outer) -> {
      TableCursor cursor = BTree.openTable(run.pager(), table.rootPage());
      return new Operators.TableScanOp(cursor, decoding);
    };
  }

  private OperatorFactory nestedLoop(PlanNode.NestedLoop j) {
    OperatorFactory[] factories =
        j.sources().stream().map(this::compile).toArray(OperatorFactory[]::new);
    NestedLoopOp.Step[] steps = new NestedLoopOp.Step[j.steps().size()];
    for (int i = 0; i < steps.length; i++) {
      PlanNode.JoinStep s = j.steps().get(i);
      steps[i] = new NestedLoopOp.Step(
          s.source(), s.leftOuter(), s.rightOuter(), all(s.on()), all(s.filters()));
    }
    int[] offsets = j.offsets().stream().mapToInt(Integer::intValue).toArray();
    int width = j.width();
    return (run, outer) -> new NestedLoopOp(factories, offsets, width, steps, run);
  }

  /** The AND of {@code terms} as one evaluator, or null when there are none. */
  private Evaluator all(List<BoundExpr> terms) {
    if (terms.isEmpty()) {
      return null;
    }
    Evaluator[] each = terms.stream().map(compiler::compile).toArray(Evaluator[]::new);
    if (each.length == 1) {
      return each[0];
    }
    return row -> {
      boolean sawNull = false;
      for (Evaluator e : each) {
        int t = Values.truth(e.eval(row));
        if (t == 0) {
          return Values.FALSE;
        }
        sawNull |= t < 0;
      }
      return sawNull ? Value.NULL : Values.TRUE;
    };
  }

  /** A sort's input: a DISTINCT under it may spill out of order. */
  private OperatorFactory sortInput(PlanNode.Sort s) {
    return s.input() instanceof PlanNode.Distinct d ? distinct(d, true) : compile(s.input());
  }

  /**
   * A LIMIT and OFFSET; over a sort whose limit is small, the sort keeps only the rows the limit
   * can reach ({@link TopNSort}).
   */
  private OperatorFactory limit(PlanNode.Limit l) {
    Evaluator limit = compiler.compile(l.limit());
    Evaluator offset = l.offset() == null ? null : compiler.compile(l.offset());
    if (l.input() instanceof PlanNode.Sort s) {
      OperatorFactory input = sortInput(s);
      Comparator<Value[]> order = MaterializedOperators.sortOrder(s.keys(), functions());
      int width = s.width();
      return (run, outer) -> {
        long n = Operators.LimitOp.count(limit.eval(Operators.NO_ROW));
        long skip = offset == null ? 0 : Operators.LimitOp.count(offset.eval(Operators.NO_ROW));
        skip = Math.max(0, skip);
        Operator rows = input.open(run, outer);
        Operator sorted = TopNSort.applies(n, skip)
            ? TopNSort.sorted(rows, width, order, (int) (n + skip))
            : MaterializedOperators.sort(rows, width, order);
        return new Operators.LimitOp(sorted, n, skip);
      };
    }
    OperatorFactory input = compile(l.input());
    return (run, outer) -> {
      long n = Operators.LimitOp.count(limit.eval(Operators.NO_ROW));
      long skip = offset == null ? 0 : Operators.LimitOp.count(offset.eval(Operators.NO_ROW));
      return new Operators.LimitOp(input.open(run, outer), n, Math.max(0, skip));
    };
  }

  private dev.pagoda.planner.FunctionCatalog functions() {
    return compiler.run().session().functions();
  }

  private OperatorFactory aggregate(PlanNode.Aggregate a) {
    OperatorFactory input = compile(a.input());
    Evaluator[] keys = a.groupKeys().stream().map(compiler::compile).toArray(Evaluator[]::new);
    Comparator<Value[]> keyOrder = RowOrder.prefix(keys.length, a.keyCollations(), functions());
    AggregateOp.Call[] calls = new AggregateOp.Call[a.calls().size()];
    for (int i = 0; i < calls.length; i++) {
      PlanNode.AggregateCall c = a.calls().get(i);
      Evaluator[] args = c.args().stream().map(compiler::compile).toArray(Evaluator[]::new);
      Evaluator[] orderBy = c.orderBy().stream().map(compiler::compile).toArray(Evaluator[]::new);
      List<PlanNode.SortKey> shifted = c.orderKeys().stream()
          .map(k -> new PlanNode.SortKey(args.length + k.column(), k.descending(), k.nullsLast(),
              k.collation()))
          .toList();
      calls[i] = new AggregateOp.Call(
          compiler.aggregate(c.name(), args.length), args, new ArgumentBuffer(args.length),
          new CallContext(compiler.run()), c.distinct(),
          c.filter() == null ? null : compiler.compile(c.filter()),
          c.collation() == null ? null : Comparison.collation(c.collation(), functions()),
          orderBy,
          orderBy.length == 0 ? null : MaterializedOperators.sortOrder(shifted, functions()));
    }
    int inputWidth = a.input().width();
    return (run, outer) -> new AggregateOp(input.open(run, outer), inputWidth, keys, keyOrder, calls);
  }

  private OperatorFactory materialize(PlanNode.Materialize m) {
    // One node reached twice (a CTE's references) is computed once per run.
    OperatorFactory shared = compiler.run().sharedFactory(m);
    if (shared != null) {
      return shared;
    }
    OperatorFactory input = compile(m.input());
    int width = m.width();
    Object[] cache = new Object[2]; // {run number, rows}
    OperatorFactory factory = (run, outer) -> {
      if (cache[1] == null || (long) cache[0] != run.run()) {
        cache[0] = run.run();
        cache[1] = MaterializedOperators.drain(input.open(run, Operators.NO_ROW), width);
      }
      @SuppressWarnings("unchecked")
      List<Value[]> rows = (List<Value[]>) cache[1];
      return new MaterializedOperators.ListOp(rows);
    };
    compiler.run().shareFactory(m, factory);
    return factory;
  }

  private OperatorFactory recursiveCte(PlanNode.RecursiveCte r) {
    RecursiveCteOp.CurrentRow current = new RecursiveCteOp.CurrentRow();
    recursiveRows.put(r.id(), current);
    OperatorFactory initial = compile(r.initial());
    OperatorFactory[] parts = r.recursive().stream().map(this::compile)
        .toArray(OperatorFactory[]::new);
    recursiveRows.remove(r.id());
    Evaluator limit = r.limit() == null ? null : compiler.compile(r.limit());
    Evaluator offset = r.offset() == null ? null : compiler.compile(r.offset());
    Comparator<Value[]> order =
        r.order().isEmpty() ? null : MaterializedOperators.sortOrder(r.order(), functions());
    int width = r.width();
    boolean distinct = r.distinct();
    return (run, outer) -> {
      long n = limit == null ? -1 : Operators.LimitOp.count(limit.eval(Operators.NO_ROW));
      long skip = offset == null ? 0 : Operators.LimitOp.count(offset.eval(Operators.NO_ROW));
      return new RecursiveCteOp(run, outer, initial, parts, current, width, distinct, order,
          n < 0 ? Long.MAX_VALUE : n, Math.max(0, skip));
    };
  }
}
