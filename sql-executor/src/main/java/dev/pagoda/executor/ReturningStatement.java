package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled INSERT, UPSERT, UPDATE or DELETE with a RETURNING clause. {@link #execute} runs the
 * write to its end, evaluating the RETURNING values over each row as it is written (after the
 * row's AFTER triggers, as SQLite's RETURNING trigger fires last); the rows are kept for {@link
 * #returnedRows}, so that, as in SQLite, every change is made before the first row is handed
 * out. The statement counts as a write ({@link #isQuery} is false); the engine presents the rows.
 */
final class ReturningStatement implements CompiledStatement {
  private final Plan.Returning plan;
  private final CompiledStatement write;
  private final Evaluator[] values;
  /** The RETURNING values' run: begun again for each row, so subqueries see the row's time. */
  private final RunContext valuesRun;
  private List<List<Value>> rows = List.of();
  private List<List<Value>> collecting = new ArrayList<>();
  private Pager pager;

  ReturningStatement(Plan.Returning plan, ExprCompiler compiler) {
    this.plan = plan;
    this.write = compiler.statement(plan.write());
    ExprCompiler own = compiler.forTrigger(new ExprCompiler.Frame());
    this.values = plan.values().stream().map(own::compile).toArray(Evaluator[]::new);
    this.valuesRun = own.run();
    ReturningSink sink = this::collect;
    if (write instanceof InsertStatement i) {
      i.returning(sink);
    } else if (write instanceof UpdateStatement u) {
      u.returning(sink);
    } else if (write instanceof DeleteStatement d) {
      d.returning(sink);
    } else {
      throw new IllegalStateException("RETURNING on " + write.getClass().getSimpleName());
    }
  }

  private void collect(Value[] row) {
    valuesRun.begin(pager); // SQLite evaluates each row's values when the row is written
    Row view = TableWriter.rowOf(row);
    Value[] out = new Value[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].eval(view);
    }
    collecting.add(Arrays.asList(out));
  }

  @Override
  public Plan.Returning plan() {
    return plan;
  }

  @Override
  public ExecutionResult execute(Pager pager) {
    collecting = new ArrayList<>();
    rows = List.of();
    this.pager = pager;
    ExecutionResult result = write.execute(pager);
    rows = List.copyOf(collecting);
    collecting = new ArrayList<>();
    return result;
  }

  @Override
  public List<List<Value>> returnedRows() {
    return rows;
  }
}
