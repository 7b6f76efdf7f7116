package dev.pagoda.planner;

import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds the expressions evaluated over an aggregate's output (result columns, HAVING, ORDER BY):
 * each aggregate call becomes a column after the representative input row, and is collected for
 * the {@link PlanNode.Aggregate} node; other column references keep their input positions, which
 * the aggregate's output repeats.
 */
final class AggregateBinder extends ExprBinder {
  private final int inputWidth;
  private final QueryBinder queries;
  private final List<PlanNode.AggregateCall> calls = new ArrayList<>();
  /** The window calls of the SELECT, or null where window calls are not allowed. */
  private WindowBinder windows;

  AggregateBinder(Scope scope, QueryBinder queries) {
    super(scope, queries);
    this.inputWidth = scope.width();
    this.queries = queries;
  }

  /** The aggregate calls bound so far, in output order. */
  List<PlanNode.AggregateCall> calls() {
    return calls;
  }

  /** Allows window calls, bound by {@code w}, from now on; null forbids them again. */
  void windows(WindowBinder w) {
    this.windows = w;
  }

  @Override
  BoundExpr bindWindow(FunctionCall f) {
    WindowBinder w = windows;
    if (w == null) {
      return super.bindWindow(f);
    }
    windows = null; // no window call inside a window call
    try {
      return w.bind(f, this);
    } finally {
      windows = w;
    }
  }

  @Override
  BoundExpr bindAggregate(FunctionCall f) {
    String name = f.name().toLowerCase(Locale.ROOT);
    checkArity(name, f);
    ExprBinder args = new ExprBinder(scope(), queries);
    List<BoundExpr> bound = new ArrayList<>();
    for (Expr arg : f.args()) {
      bound.add(args.bind(arg));
    }
    if (f.distinct() && bound.size() != 1) {
      throw SqlException.error("DISTINCT aggregates must have exactly one argument");
    }
    List<BoundExpr> orderBy = new ArrayList<>();
    List<PlanNode.SortKey> orderKeys = new ArrayList<>();
    for (dev.pagoda.parser.ast.OrderingTerm term : f.orderBy()) {
      BoundExpr key = args.bind(OrderBy.stripCollate(term.expr()));
      String keyCollation = OrderBy.collation(term.expr());
      orderKeys.add(OrderBy.key(term, orderBy.size(),
          keyCollation != null ? keyCollation : QueryBinder.collationOf(key)));
      orderBy.add(key);
    }
    BoundExpr filter = f.filter() == null ? null : args.bind(f.filter());
    String collation = bound.isEmpty() ? null : QueryBinder.collationOf(bound.get(0));
    PlanNode.AggregateCall call = new PlanNode.AggregateCall(
        name, bound, f.distinct(), filter, collation, orderBy, orderKeys);
    int index = calls.indexOf(call);
    if (index < 0) {
      index = calls.size();
      calls.add(call);
    }
    return new BoundExpr.Column(inputWidth + index, null, f.name());
  }

  /**
   * Checks that {@code f} names an aggregate taking its argument count, with SQLite's messages:
   * "wrong number of arguments" when the name exists with other arities, "no such function"
   * otherwise ({@code abs(*)} included).
   */
  private void checkArity(String name, FunctionCall f) {
    FunctionCatalog functions = functions();
    int argc = f.args().size();
    if (f.star() && !name.equals("count")) {
      throw SqlException.error(functions.hasName(name)
          ? "wrong number of arguments to function " + f.name() + "()"
          : "no such function: " + f.name());
    }
    if (!functions.isAggregate(name, argc)) {
      if (functions.find(name, argc) instanceof dev.pagoda.spi.ScalarFunction) {
        // a FILTER clause on a scalar function
        throw SqlException.error("FILTER may not be used with non-aggregate " + f.name() + "()");
      }
      throw SqlException.error(functions.hasName(name)
          ? "wrong number of arguments to function " + f.name() + "()"
          : "no such function: " + f.name());
    }
  }
}
