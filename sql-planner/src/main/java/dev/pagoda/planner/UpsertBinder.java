package dev.pagoda.planner;

import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.parser.ast.Update;
import dev.pagoda.parser.ast.Upsert;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds the ON CONFLICT clauses of an INSERT (SQLite's UPSERT, 3.35 rules): each conflict target
 * must name the rowid (the INTEGER PRIMARY KEY) or exactly the columns of a UNIQUE index or
 * constraint, with a partial index's WHERE written again as its target WHERE; else SQLite's "ON
 * CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint". A DO UPDATE is bound as
 * an UPDATE of the table (so its constraints, indexes, triggers and foreign keys apply, with
 * ABORT as SQLite's sqlite3UpsertDoUpdate uses), with the {@code excluded} row as the scope
 * around it.
 */
final class UpsertBinder {
  private UpsertBinder() {}

  static List<Plan.OnConflict> bind(Insert insert, TableSchema table, Catalog catalog,
      TriggerPlanner.Context context) {
    Scope excluded = new Scope(
        List.of(Scope.tableSource(table, "excluded", 0, Set.of())), context.outer());
    TriggerPlanner.Context inner =
        new TriggerPlanner.Context(excluded, context.active(), null);
    List<IndexSchema> indexes = catalog.indexes(table.name());
    List<Plan.OnConflict> clauses = new ArrayList<>();
    for (Upsert u : insert.upserts()) {
      boolean any = u.target().isEmpty();
      IndexSchema index = null;
      if (!any) {
        index = target(u, table, indexes, new QueryBinder(catalog));
      }
      Plan.Update update = null;
      BoundExpr where = null;
      if (!u.doNothing()) {
        TableRef ref = new TableRef(insert.table(), insert.alias());
        Update statement = new Update(null, ConflictAction.ABORT, ref, u.set(), null, null,
            List.of(), List.of(), null, null);
        update = (Plan.Update) UpdateBinder.bind(statement, catalog, inner);
        if (u.where() != null) {
          Scope row = DmlSupport.rowScope(table, insert.alias(), excluded);
          where = new ExprBinder(row, new QueryBinder(catalog)).bind(u.where());
        }
      }
      clauses.add(new Plan.OnConflict(any, index, update, where));
    }
    return clauses;
  }

  /**
   * The UNIQUE index a conflict target names, or null for the rowid; SQLite's error when it
   * names neither.
   */
  private static IndexSchema target(Upsert u, TableSchema table, List<IndexSchema> indexes,
      QueryBinder queries) {
    Set<Integer> columns = new HashSet<>();
    for (OrderingTerm term : u.target()) {
      Expr e = term.expr();
      while (e instanceof Collate c) {
        e = c.expr();
      }
      if (!(e instanceof ColumnRef ref)) {
        throw noMatch(); // Pagoda's indexes on expressions are not conflict targets yet
      }
      int index = table.columnIndex(ref.column());
      if (index < 0 && !Scope.isRowidName(ref.column())) {
        throw SqlException.error("no such column: " + ref.column());
      }
      columns.add(index < 0 || index == table.rowidAlias() ? -1 : index);
    }
    if (u.target().size() == 1 && columns.contains(-1)) {
      return null;
    }
    BoundExpr where = u.targetWhere() == null ? null
        : new ExprBinder(DmlSupport.rowScope(table, null), queries).bind(u.targetWhere());
    for (IndexSchema index : indexes) {
      if (index.unique() && matches(index, columns, u.target().size())
          && (index.where() == null || index.where().equals(where))) {
        return index;
      }
    }
    throw noMatch();
  }

  private static boolean matches(IndexSchema index, Set<Integer> columns, int terms) {
    if (index.columns().size() != terms || index.hasExpressions()) {
      return false;
    }
    for (IndexSchema.IndexColumn c : index.columns()) {
      if (!columns.contains(c.column())) {
        return false;
      }
    }
    return true;
  }

  private static SqlException noMatch() {
    return SqlException.error(
        "ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint");
  }
}
