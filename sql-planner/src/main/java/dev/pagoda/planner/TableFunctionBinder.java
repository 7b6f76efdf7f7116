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
 * functions ("no such table: NAME" when none has it). The arguments see the other sources of the
 * FROM clause and the enclosing queries; {@link JoinPlanner} puts the function after the sources
 * they read.
 *
 * <p>Differences from SQLite: an argument cannot name a column of the function itself (SQLite
 * resolves it, to no useful effect); a schema qualifier is ignored, as SQLite ignores it for
 * eponymous tables; there is no rowid column; and a hidden column the call left out reads NULL,
 * where a SQLite virtual table may give it a default (json_each's {@code root} reads '$').
 */
final class TableFunctionBinder {
  private final QueryBinder queries;
  private final TableFunctionRef call;
  private final TableFunction function;

  /** Resolves {@code call}'s name and checks its argument count. */
  TableFunctionBinder(QueryBinder queries, TableFunctionRef call) {
    this.queries = queries;
    this.call = call;
    this.function = resolve(queries, call);
    checkCount(function, call.args().size());
  }

  /** The function's scope entry: visible then hidden columns from {@code offset}. */
  Scope.Source source(int offset) {
    List<String> names = new ArrayList<>(function.columns());
    names.addAll(function.hiddenColumns());
    List<Affinity> affinities = Collections.nCopies(names.size(), Affinity.BLOB);
    String alias = call.alias() != null ? call.alias() : call.name().name();
    return new Scope.Source(alias, names, affinities, null, offset, Set.of(), null,
        function.hiddenColumns().size());
  }

  /**
   * The plan node, its arguments bound in {@code others}: the FROM clause's other sources, with
   * the enclosing queries' scopes as its outer scope (whose {@link Scope#reachesOut()} then
   * tells whether an argument read an enclosing query).
   */
  PlanNode.FunctionScan node(Scope others) {
    ExprBinder binder = new ExprBinder(others, queries);
    List<BoundExpr> args = new ArrayList<>();
    for (Expr arg : call.args()) {
      args.add(binder.bind(arg));
    }
    String alias = call.alias() != null ? call.alias() : call.name().name();
    return new PlanNode.FunctionScan(function, args, alias);
  }

  private static TableFunction resolve(QueryBinder queries, TableFunctionRef call) {
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
   * SQLite's only message about a call's argument count is the one for too many; for too few
   * (below the function's minimum, which SQLite leaves each virtual table to judge) the message
   * is Pagoda's own, in the same form.
   */
  private static void checkCount(TableFunction function, int argc) {
    if (argc > function.arity().max()) {
      throw SqlException.error("too many arguments on " + function.name() + "() - max "
          + function.arity().max());
    }
    if (argc < function.arity().min()) {
      throw SqlException.error("too few arguments on " + function.name() + "() - min "
          + function.arity().min());
    }
    if (function.hiddenColumns().size() < argc) {
      throw SqlException.error("table-valued function " + function.name() + " has "
          + function.hiddenColumns().size() + " hidden columns for " + argc + " arguments");
    }
  }
}
