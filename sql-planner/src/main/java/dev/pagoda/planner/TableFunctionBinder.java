package dev.pagoda.planner;

import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.TableFunctionRef;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.TableFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Binds a table-valued function in FROM ({@code json_each(t.doc) AS j}) as SQLite binds an
 * eponymous virtual table: the name is looked up among the tables, views and CTEs first (one of
 * those called with arguments is "'NAME' is not a function"), then among the catalog's table
 * functions ("no such table: NAME" when none has it). The arguments see the sources to the left
 * of the call and the enclosing queries.
 *
 * <p>Differences from SQLite: an argument cannot name a column of the function itself or of a
 * source to its right (SQLite resolves arguments against the whole FROM clause); a schema
 * qualifier is ignored, as SQLite ignores it for eponymous tables; and there is no rowid column.
 */
final class TableFunctionBinder {
  /** The bound call: its scope entry, its plan node, and whether it reads an enclosing query. */
  record Bound(Scope.Source source, PlanNode.FunctionScan node, boolean readsOuter) {}

  private final QueryBinder queries;
  private final Scope left;

  /**
   * @param left the sources to the left of the call in its FROM clause, with the enclosing
   *     queries' scopes as its outer scope
   */
  TableFunctionBinder(QueryBinder queries, Scope left) {
    this.queries = queries;
    this.left = left;
  }

  /** Binds {@code call} with its columns starting at {@code offset} in the joined row. */
  Bound bind(TableFunctionRef call, int offset) {
    TableFunction function = resolve(call);
    List<BoundExpr> args = bindArguments(function, call.args());
    List<String> names = new ArrayList<>(function.columns());
    names.addAll(function.hiddenColumns());
    List<Affinity> affinities = Collections.nCopies(names.size(), Affinity.BLOB);
    String alias = call.alias() != null ? call.alias() : call.name().name();
    Scope.Source source = new Scope.Source(alias, names, affinities, null, offset, Set.of(),
        null, function.hiddenColumns().size());
    return new Bound(source, new PlanNode.FunctionScan(function, args), left.reachesOut());
  }

  private TableFunction resolve(TableFunctionRef call) {
    String name = call.name().name();
    if (queries.recursiveReference(name) != null || queries.cte(name) != null
        || queries.view(name) != null || queries.catalog().table(name) != null) {
      throw SqlException.error("'" + name + "' is not a function");
    }
    TableFunction function = queries.catalog().functions().tableFunction(name);
    if (function == null) {
      throw SqlException.error("no such table: " + name);
    }
    return function;
  }

  /**
   * The arguments, bound in the scope to the left. SQLite's only message about a call's argument
   * count is the one for too many; for too few (below the function's minimum, which SQLite leaves
   * each virtual table to judge) the message is Pagoda's own, in the same form.
   */
  private List<BoundExpr> bindArguments(TableFunction function, List<Expr> args) {
    if (args.size() > function.arity().max()) {
      throw SqlException.error("too many arguments on " + function.name() + "() - max "
          + function.arity().max());
    }
    if (args.size() < function.arity().min()) {
      throw SqlException.error("too few arguments on " + function.name() + "() - min "
          + function.arity().min());
    }
    if (function.hiddenColumns().size() < args.size()) {
      throw SqlException.error("table-valued function " + function.name() + " has "
          + function.hiddenColumns().size() + " hidden columns for " + args.size()
          + " arguments");
    }
    ExprBinder binder = new ExprBinder(left, queries);
    List<BoundExpr> bound = new ArrayList<>();
    for (Expr arg : args) {
      bound.add(binder.bind(arg));
    }
    return bound;
  }
}
