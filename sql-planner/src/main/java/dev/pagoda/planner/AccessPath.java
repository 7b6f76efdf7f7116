package dev.pagoda.planner;

import static java.util.Objects.requireNonNull;

import dev.pagoda.planner.plan.PlanNode;

/**
 * One way to read a table: the plan node producing its rows (the table's columns, then the
 * rowid), the estimated cost (in rows visited, SQLite-style guesses without statistics) and the
 * rule that offered it.
 */
public record AccessPath(PlanNode node, double cost, String rule) {
  public AccessPath {
    requireNonNull(node, "node");
    requireNonNull(rule, "rule");
  }
}
