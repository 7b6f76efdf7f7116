package dev.pagoda.planner;

import java.util.List;

/**
 * A way to read one table of a query: given the table, its indexes and the terms that constrain it,
 * a rule offers candidate access paths, each with an estimated cost; the planner takes the
 * cheapest (a full scan when no rule offers anything). Rules are found with {@link
 * java.util.ServiceLoader} besides the built-in ones, and any rule can be switched off by name
 * ({@link AccessPaths#disable}) — switching a rule off may change plans, never results.
 *
 * <p>A path may return more rows than its terms allow (the planner keeps every term as a filter),
 * but never fewer.
 */
public interface AccessPathRule {
  /** The rule's name, unique among rules. */
  String name();

  /** The candidate paths this rule offers for {@code request}; empty when it has none. */
  List<AccessPath> candidates(AccessRequest request);
}
