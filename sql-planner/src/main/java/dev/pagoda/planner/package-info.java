/**
 * The planner: binds a parsed statement against a {@link dev.pagoda.planner.Catalog} and emits an
 * immutable physical {@link dev.pagoda.planner.plan.Plan}.
 *
 * <p>Binding resolves every name to a position (a table, a column index, the rowid), decides each
 * comparison's affinity by SQLite's rules, expands {@code *}, fills omitted INSERT columns with
 * their defaults, and names the result columns as {@code sqlite3_column_name} would.
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
 * </ol>
 */
package dev.pagoda.planner;
