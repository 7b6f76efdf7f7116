package dev.pagoda.executor;

import dev.pagoda.planner.FunctionCatalog;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The window operator ({@link PlanNode.Window}): reads its whole input when first advanced,
 * each row prefixed with its partition and order keys, sorts it (stably, through an {@link
 * ExternalSorter}, so within the {@link MemoryBudget} and spilling beyond it), then goes through
 * the sorted rows one partition at a time: the partition's rows are held in memory while every
 * call is computed over them, then produced, each followed by the calls' values.
 */
final class WindowOp implements Operator {
  /** What every run of one window node shares. */
  private record Compiled(Evaluator[] keys, int inputWidth, Comparator<Value[]> order,
      Comparator<Value[]> partitions, Comparator<Value[]> peers, WindowCallRunner.Call[] calls,
      PlanNode.Window node, Evaluator[] offsets, dev.pagoda.spi.Collation firstCollation) {}

  private final Compiled c;
  private final Operator input;
  private final WindowCallRunner[] runners;
  private Operator sorted;
  private Value[] pending;
  private List<Value[]> rows = new ArrayList<>();
  private Value[][] results;
  private int index;

  private WindowOp(Compiled c, Operator input) {
    this.c = c;
    this.input = input;
    this.runners = new WindowCallRunner[c.calls().length];
    for (int i = 0; i < runners.length; i++) {
      PlanNode.WindowFrameSpec spec = c.node().calls().get(i).frame();
      Value start = c.offsets()[2 * i] == null ? null : c.offsets()[2 * i].eval(Operators.NO_ROW);
      Value end =
          c.offsets()[2 * i + 1] == null ? null : c.offsets()[2 * i + 1].eval(Operators.NO_ROW);
      boolean descending = !c.node().orderBy().isEmpty() && c.node().orderBy().get(0).descending();
      boolean nullsLast = !c.node().orderBy().isEmpty() && c.node().orderBy().get(0).nullsLast();
      runners[i] = new WindowCallRunner(c.calls()[i],
          new WindowBounds(spec, start, end, descending, nullsLast, c.firstCollation()));
    }
  }

  /** Compiles window node {@code w} over the operators of {@code input}. */
  static OperatorFactory compile(PlanNode.Window w, OperatorFactory input, ExprCompiler compiler) {
    FunctionCatalog catalog = compiler.run().session().functions();
    int p = w.partitionBy().size();
    int o = w.orderBy().size();
    List<BoundExpr> keyExprs = new ArrayList<>(w.partitionBy());
    List<PlanNode.SortKey> partitionKeys = new ArrayList<>();
    List<PlanNode.SortKey> orderKeys = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      partitionKeys.add(new PlanNode.SortKey(i, false, false, w.partitionCollations().get(i)));
    }
    for (int i = 0; i < o; i++) {
      PlanNode.WindowOrder k = w.orderBy().get(i);
      keyExprs.add(k.expr());
      orderKeys.add(new PlanNode.SortKey(p + i, k.descending(), k.nullsLast(), k.collation()));
    }
    List<PlanNode.SortKey> all = new ArrayList<>(partitionKeys);
    all.addAll(orderKeys);
    Evaluator[] keys = keyExprs.stream().map(compiler::compile).toArray(Evaluator[]::new);
    WindowCallRunner.Call[] calls = new WindowCallRunner.Call[w.calls().size()];
    Evaluator[] offsets = new Evaluator[2 * calls.length];
    for (int i = 0; i < calls.length; i++) {
      PlanNode.WindowCall call = w.calls().get(i);
      Evaluator[] args = call.args().stream().map(compiler::compile).toArray(Evaluator[]::new);
      calls[i] = new WindowCallRunner.Call(compiler.aggregate(call.name(), args.length), args,
          call.filter() == null ? null : compiler.compile(call.filter()),
          call.collation() == null ? null : Comparison.collation(call.collation(), catalog),
          new CallContext(compiler.run()));
      BoundExpr start = call.frame().startOffset();
      BoundExpr end = call.frame().endOffset();
      offsets[2 * i] = start == null ? null : compiler.compile(start);
      offsets[2 * i + 1] = end == null ? null : compiler.compile(end);
    }
    String first = o == 0 ? null : w.orderBy().get(0).collation();
    Compiled compiled = new Compiled(keys, w.input().width(),
        MaterializedOperators.sortOrder(all, catalog),
        MaterializedOperators.sortOrder(partitionKeys, catalog),
        MaterializedOperators.sortOrder(orderKeys, catalog), calls, w, offsets,
        first == null ? null : Comparison.collation(first, catalog));
    return (run, outer) -> new WindowOp(compiled, input.open(run, outer));
  }

  private void sortInput() {
    int k = c.keys().length;
    int width = k + c.inputWidth();
    ExternalSorter sorter = new ExternalSorter(width, c.order(), MemoryBudget.bytes());
    try (input) {
      while (input.next()) {
        Value[] row = new Value[width];
        for (int i = 0; i < k; i++) {
          row[i] = c.keys()[i].eval(input);
        }
        for (int i = 0; i < c.inputWidth(); i++) {
          row[k + i] = input.column(i);
        }
        sorter.add(row);
      }
    } catch (RuntimeException e) {
      sorter.close();
      throw e;
    }
    sorted = sorter.sorted();
    pending = read();
  }

  private Value[] read() {
    return sorted.next()
        ? RowOrder.copy(sorted, c.keys().length + c.inputWidth()) : null;
  }

  @Override
  public boolean next() {
    if (sorted == null) {
      sortInput();
    }
    if (++index < rows.size()) {
      return true;
    }
    if (pending == null) {
      return false;
    }
    rows = new ArrayList<>();
    Value[] first = pending;
    while (pending != null && c.partitions().compare(first, pending) == 0) {
      rows.add(pending);
      pending = read();
    }
    compute();
    index = 0;
    return true;
  }

  /** Computes every call over the partition in {@code rows}. */
  private void compute() {
    int k = c.keys().length;
    int n = rows.size();
    int orderColumn = c.node().partitionBy().size();
    WindowPartition p = new WindowPartition(rows, orderColumn, c.peers());
    results = new Value[n][runners.length];
    OffsetRow view = new OffsetRow(k);
    for (int j = 0; j < runners.length; j++) {
      WindowCallRunner.Call call = c.calls()[j];
      Value[][] args = new Value[n][call.args().length];
      boolean[] include = call.filter() == null ? null : new boolean[n];
      for (int i = 0; i < n; i++) {
        view.values = rows.get(i);
        for (int a = 0; a < call.args().length; a++) {
          args[i][a] = call.args()[a].eval(view);
        }
        if (include != null) {
          include[i] = Values.truth(call.filter().eval(view)) == 1;
        }
      }
      runners[j].run(p, args, include, results, j);
    }
  }

  @Override
  public Value column(int i) {
    if (i < c.inputWidth()) {
      return rows.get(index)[c.keys().length + i];
    }
    return results[index][i - c.inputWidth()];
  }

  @Override
  public void close() {
    input.close();
    if (sorted != null) {
      sorted.close();
    }
  }

  /** A sorted row read as the input row it carries after its keys. */
  private static final class OffsetRow implements Row {
    private final int offset;
    Value[] values;

    OffsetRow(int offset) {
      this.offset = offset;
    }

    @Override
    public Value column(int i) {
      return values[offset + i];
    }
  }
}
