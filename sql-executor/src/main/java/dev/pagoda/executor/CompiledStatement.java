package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.Value;
import java.util.List;

/**
 * A physical plan compiled for execution: expressions are evaluators, built once when the
 * statement is prepared; each {@link #query} or {@link #execute} only opens cursors and runs.
 * Parameters are read from the {@link Bindings} given at compile time on every run.
 */
public sealed interface CompiledStatement
    permits QueryStatement, InsertStatement, UpdateStatement, DeleteStatement, InsteadOfStatement,
        SchemaStatement, ReturningStatement {

  /** The plan this was compiled from. */
  Plan plan();

  /** Whether {@link #query} applies (the statement yields rows). */
  default boolean isQuery() {
    return false;
  }

  /** Runs a query statement, returning its rows. */
  default QueryRun query(Pager pager) {
    throw new IllegalStateException("not a query: " + plan().getClass().getSimpleName());
  }

  /**
   * The RETURNING rows of the last {@link #execute} of a write with a RETURNING clause, in the
   * order the rows were written; empty for every other statement.
   */
  default List<List<Value>> returnedRows() {
    return List.of();
  }

  /**
   * Runs a statement that changes the database, inside the caller's write transaction.
   *
   * @return the rows changed and the last rowid inserted
   */
  ExecutionResult execute(Pager pager);

  /** Compiles {@code plan}; its parameters will be read from {@code bindings}. */
  static CompiledStatement compile(Plan plan, Bindings bindings) {
    return compile(plan, bindings, Session.NONE);
  }

  /**
   * Compiles {@code plan} to run for a connection: its parameters are read from {@code bindings},
   * changes() and its kin from {@code session}.
   */
  static CompiledStatement compile(Plan plan, Bindings bindings, Session session) {
    return new ExprCompiler(bindings, session).statement(plan);
  }
}
