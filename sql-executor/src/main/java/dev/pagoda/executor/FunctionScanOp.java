package dev.pagoda.executor;

import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.TableFunction;
import dev.pagoda.spi.Value;

/**
 * The rows of a table-valued function ({@link PlanNode.FunctionScan}): each open evaluates the
 * arguments over the outer row (in a join, the earlier steps' row, so a correlated call such as
 * {@code json_each(t.doc)} sees the current row of {@code t}) and opens a new cursor of the
 * function. A row is the cursor's visible columns, then the hidden columns, which read the
 * arguments (past the last one, the function's {@link TableFunction#hiddenDefault}). Errors the function throws reach the caller unchanged.
 */
final class FunctionScanOp implements Operator {
  private final TableFunction.Cursor cursor;
  private final int visible;
  private final Value[] args;
  private final Value[] defaults;
  private final int width;

  private FunctionScanOp(TableFunction.Cursor cursor, int visible, Value[] args,
      Value[] defaults, int width) {
    this.cursor = cursor;
    this.visible = visible;
    this.args = args;
    this.defaults = defaults;
    this.width = width;
  }

  /** The factory of {@code scan}: its arguments compiled once, one call context for the site. */
  static OperatorFactory factory(PlanNode.FunctionScan scan, ExprCompiler compiler) {
    TableFunction function = scan.function();
    Evaluator[] argEvaluators =
        scan.args().stream().map(compiler::compile).toArray(Evaluator[]::new);
    int visible = scan.visible();
    int width = scan.width();
    CallContext context = new CallContext(compiler.run());
    Value[] defaults = new Value[width - visible];
    for (int i = 0; i < defaults.length; i++) {
      Value d = function.hiddenDefault(i);
      defaults[i] = d == null ? Value.NULL : d;
    }
    return (run, outer) -> {
      ArgumentBuffer buffer = new ArgumentBuffer(argEvaluators.length);
      Value[] values = buffer.values();
      for (int i = 0; i < values.length; i++) {
        values[i] = argEvaluators[i].eval(outer);
      }
      context.arguments(buffer);
      TableFunction.Cursor cursor = function.open(context, buffer);
      if (cursor == null) {
        throw new IllegalStateException(function.name() + ".open returned no cursor");
      }
      return new FunctionScanOp(cursor, visible, values, defaults, width);
    };
  }

  @Override
  public boolean next() {
    Interrupts.check();
    return cursor.next();
  }

  @Override
  public Value column(int i) {
    if (i < visible) {
      Value v = cursor.column(i);
      return v == null ? Value.NULL : v;
    }
    int arg = i - visible;
    if (i >= width) {
      throw new IndexOutOfBoundsException("column " + i + " of " + width);
    }
    return arg < args.length ? args[arg] : defaults[arg];
  }

  @Override
  public void close() {
    // A cursor holds no resources the SPI lets the engine release.
  }
}
