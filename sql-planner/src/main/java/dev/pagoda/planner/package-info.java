/**
 * The planner: binds a parsed statement against a {@link dev.pagoda.planner.Catalog} and emits an
 * immutable physical {@link dev.pagoda.planner.plan.Plan}.
 *
 * <p>Binding resolves every name to a position (a table, a column index, the rowid), decides each
 * comparison's affinity and collation by SQLite's rules, expands {@code *}, fills omitted INSERT
 * columns with their defaults, and names the result columns as {@code sqlite3_column_name} would.
 *
 * <p>Queries: {@code QueryBinder} (WITH, compound SELECT, subqueries) drives {@code CoreBinder}
 * (one SELECT core: FROM, WHERE, result columns, GROUP BY/HAVING through {@code AggregateBinder},
 * DISTINCT, ORDER BY through {@code OrderBy}, LIMIT). {@code FromBinder} turns the FROM clause
 * into the sources of a {@code Scope} (tables, views, CTEs, subqueries side by side in one joined
 * row); {@code JoinPlanner} orders the join steps and places each WHERE/ON term at the first step
 * that can test it; {@link dev.pagoda.planner.AccessPaths} asks the {@link
 * dev.pagoda.planner.AccessPathRule}s how to read each table (rowid or index seeks). A reference
 * to an enclosing query's column is a {@code BoundExpr.Outer}; a subquery that has none is marked
 * uncorrelated so the executor runs it once per statement run.
 *
 * <p>Tables: {@code SchemaBuilder} builds a {@link dev.pagoda.planner.TableSchema} from CREATE
 * TABLE; its {@link dev.pagoda.planner.GeneratedColumns} hold the generated columns' expressions
 * bound over the table row, their dependency order and the {@link dev.pagoda.planner.RecordLayout}
 * (which record field holds each column: VIRTUAL ones are not stored). Generated columns are
 * ordinary columns to every binder, except that INSERT and UPDATE may not name them.
 *
 * <p>Writes: {@code InsertBinder}, {@code UpdateBinder} (with {@code UpdateFrom} for UPDATE ...
 * FROM, planned as the SELECT join of the target and the FROM clause), {@code DeleteBinder}.
 * {@link dev.pagoda.planner.AutoIncrementRule} holds SQLite's rules for AUTOINCREMENT and the
 * name and text of {@code sqlite_sequence}.
 *
 * <p>{@code EXPLAIN QUERY PLAN stmt} ({@code ExplainPlanner}) plans {@code stmt} and becomes a
 * query over constant rows: {@link dev.pagoda.planner.plan.QueryPlanDescriber}'s lines for that
 * plan. Plain {@code EXPLAIN} (SQLite's bytecode listing) is refused with an error.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Planning has no side effects: it reads the catalog and builds new immutable objects.
 *   <li>Every name error is found here, at prepare time, with SQLite's wording: {@code no such
 *       table: t}, {@code no such column: c}, {@code ambiguous column name: c}, {@code table t has
 *       no column named c}.
 *   <li>A plan refers to tables by their {@link dev.pagoda.planner.TableSchema} as of planning;
 *       the engine plans again when the schema generation moves. The triggers a write fires are
 *       bound into its plan (their steps too, with NEW and OLD as an outer scope), so their name
 *       errors also come at prepare time, as in SQLite.
 *   <li>The planner never depends on storage or execution: it knows root page numbers only as
 *       opaque integers.
 *   <li>An access path may return more rows than its terms allow, never fewer: every term stays
 *       a filter; so switching any rule off changes plans, not results.
 * </ol>
 */
package dev.pagoda.planner;
