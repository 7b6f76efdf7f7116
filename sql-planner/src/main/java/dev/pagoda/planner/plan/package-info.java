/**
 * Physical plans: {@link dev.pagoda.planner.plan.Plan} per statement, a tree of {@link
 * dev.pagoda.planner.plan.PlanNode}s for queries, and {@link dev.pagoda.planner.plan.BoundExpr}
 * expressions; {@link dev.pagoda.planner.plan.QueryPlanDescriber} renders a plan as SQLite's
 * {@code EXPLAIN QUERY PLAN} lines.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Every type here is an immutable record or enum; sealed interfaces list every kind, so the
 *       executor's switches are exhaustive and a new kind fails to compile until handled.
 *   <li>A {@link dev.pagoda.planner.plan.BoundExpr.Column} index is valid for the row of the node
 *       it is evaluated over; {@code -1} denotes the rowid of a table scan.
 *   <li>{@link dev.pagoda.planner.plan.PlanNode#width()} is the exact number of columns a node's
 *       rows have.
 * </ol>
 */
package dev.pagoda.planner.plan;
