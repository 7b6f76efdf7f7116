package dev.pagoda.planner;

import dev.pagoda.parser.ast.ColumnConstraint;
import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.GeneratedStorage;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.BoundExprs;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.SqlFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's generated columns ({@code col [type] [GENERATED ALWAYS] AS (expr) [VIRTUAL|STORED]}):
 * each one's expression bound over the table's row (column {@code j} of the row is table column
 * {@code j}), the order that computes each after the generated columns it reads, and the
 * {@link RecordLayout} that leaves the VIRTUAL ones out of the record.
 *
 * <p>SQLite's rules hold: the expression reads only the table's own columns, unqualified and not
 * the rowid; no subqueries, parameters, aggregates or non-deterministic functions; no DEFAULT and
 * no PRIMARY KEY on a generated column; at least one ordinary column. A loop among generated
 * columns ({@link #error}) is refused by CREATE TABLE and, in a file an older SQLite wrote (which
 * refused it only where the table was used), wherever the table is used.
 */
public final class GeneratedColumns {
  private static final String WHERE = "generated columns";

  private final BoundExpr[] expressions;
  private final boolean[] stored;
  private final int[] order;
  private final RecordLayout layout;
  private final String error;

  private GeneratedColumns(BoundExpr[] expressions, boolean[] stored, int[] order,
      RecordLayout layout, String error) {
    this.expressions = expressions;
    this.stored = stored;
    this.order = order;
    this.layout = layout;
    this.error = error;
  }

  /** A table of {@code columns} ordinary columns. */
  static GeneratedColumns none(int columns) {
    return new GeneratedColumns(new BoundExpr[columns], new boolean[columns], new int[0],
        RecordLayout.identity(columns), null);
  }

  /**
   * The generated columns of the table {@code ast} creates; {@code table} is its schema so far
   * (its columns), the scope the expressions are bound in.
   *
   * @throws SqlException for what SQLite refuses at CREATE TABLE
   */
  static GeneratedColumns of(CreateTable ast, TableSchema table) {
    int n = ast.columns().size();
    BoundExpr[] expressions = new BoundExpr[n];
    boolean[] stored = new boolean[n];
    boolean[] virtual = new boolean[n];
    int ordinary = 0;
    for (int i = 0; i < n; i++) {
      ColumnConstraint.Generated g = definition(ast.columns().get(i));
      if (g == null) {
        ordinary++;
        continue;
      }
      if (table.columns().get(i).defaultValue() != null) {
        throw SqlException.error("cannot use DEFAULT on a generated column");
      }
      if (table.columns().get(i).primaryKey()) {
        throw SqlException.error("generated columns cannot be part of the PRIMARY KEY");
      }
      stored[i] = g.storage() == GeneratedStorage.STORED;
      virtual[i] = !stored[i];
    }
    if (ordinary == 0) {
      throw SqlException.error("must have at least one non-generated column");
    }
    Scope scope = Scope.ofTable(table, "");
    for (int i = 0; i < n; i++) {
      ColumnConstraint.Generated g = definition(ast.columns().get(i));
      if (g != null) {
        expressions[i] = bind(g, scope, table);
      }
    }
    List<Integer> order = new ArrayList<>();
    String error = order(expressions, table, order);
    return new GeneratedColumns(expressions, stored,
        order.stream().mapToInt(Integer::intValue).toArray(), RecordLayout.skipping(virtual),
        error);
  }

  /** The column's {@code AS (...)} constraint, or null for an ordinary column. */
  static ColumnConstraint.Generated definition(ColumnDef def) {
    for (ColumnConstraint c : def.constraints()) {
      if (c instanceof ColumnConstraint.Generated g) {
        return g;
      }
    }
    return null;
  }

  private static BoundExpr bind(ColumnConstraint.Generated g, Scope scope, TableSchema table) {
    BoundExpr bound;
    try {
      bound = new ExprBinder(scope).bind(g.expr());
    } catch (SqlException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.startsWith("not supported yet: subqueries")) {
        throw SqlException.error("subqueries prohibited in " + WHERE);
      }
      String prefix = "no such column: " + table.name() + ".";
      if (message.regionMatches(true, 0, prefix, 0, prefix.length())) {
        throw SqlException.error("the \".\" operator prohibited in " + WHERE);
      }
      throw e;
    }
    check(bound, table.columns().size());
    return bound;
  }

  /** SQLite's rules for the expression of a generated column. */
  private static void check(BoundExpr e, int rowid) {
    if (e instanceof BoundExpr.Parameter) {
      throw SqlException.error("parameters prohibited in " + WHERE);
    }
    if (e instanceof BoundExpr.Function f) {
      SqlFunction fn = FunctionCatalog.standard().find(f.name(), f.args().size());
      if (fn != null && !fn.isDeterministic()) {
        throw SqlException.error("non-deterministic functions prohibited in " + WHERE);
      }
    }
    if (!BoundExprs.isKnown(e) || e instanceof BoundExpr.Subquery) {
      throw SqlException.error("subqueries prohibited in " + WHERE);
    }
    if (e instanceof BoundExpr.Column c && c.index() == rowid) {
      throw SqlException.error("no such column: " + c.name());
    }
    for (BoundExpr child : BoundExprs.children(e)) {
      if (child != null) {
        check(child, rowid);
      }
    }
  }

  /**
   * Fills {@code order} with the generated columns so that each comes after those it reads, by
   * SQLite's rounds: each round computes, in table order, every column whose generated inputs
   * are computed; when a round makes no progress, the last column left names the loop.
   *
   * @return the loop error, or null
   */
  private static String order(BoundExpr[] expressions, TableSchema table, List<Integer> order) {
    int n = expressions.length;
    boolean[] pending = new boolean[n];
    for (int i = 0; i < n; i++) {
      pending[i] = expressions[i] != null;
    }
    int redo;
    boolean progress;
    do {
      redo = -1;
      progress = false;
      for (int i = 0; i < n; i++) {
        if (!pending[i]) {
          continue;
        }
        if (readsPending(expressions[i], pending)) {
          redo = i;
          continue;
        }
        pending[i] = false;
        order.add(i);
        progress = true;
      }
    } while (redo >= 0 && progress);
    return redo < 0 ? null
        : "generated column loop on \"" + table.columns().get(redo).name() + "\"";
  }

  private static boolean readsPending(BoundExpr e, boolean[] pending) {
    if (e instanceof BoundExpr.Column c && c.index() < pending.length && pending[c.index()]) {
      return true;
    }
    for (BoundExpr child : BoundExprs.children(e)) {
      if (child != null && readsPending(child, pending)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the table has any generated column. */
  public boolean any() {
    return order.length > 0 || error != null;
  }

  /** Whether column {@code column} is generated. */
  public boolean isGenerated(int column) {
    return expressions[column] != null;
  }

  /** Whether column {@code column} is a VIRTUAL generated column (not in the record). */
  public boolean isVirtual(int column) {
    return expressions[column] != null && !stored[column];
  }

  /** Whether column {@code column} is a STORED generated column. */
  public boolean isStored(int column) {
    return stored[column];
  }

  /** The expression of generated column {@code column} over the table row, or null. */
  public BoundExpr expression(int column) {
    return expressions[column];
  }

  /** The generated columns in an order that computes each after those it reads (a copy). */
  public int[] order() {
    return order.clone();
  }

  /** Where each column lives in the record. */
  public RecordLayout layout() {
    return layout;
  }

  /**
   * SQLite's error for a use of the table when its generated columns read each other in a loop
   * ({@code generated column loop on "x"}), or null.
   */
  public String error() {
    return error;
  }
}
