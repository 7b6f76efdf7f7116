package dev.pagoda.parser.ast;

import java.util.List;

/**
 * One {@code ON CONFLICT [(target) [WHERE targetWhere]] DO NOTHING | DO UPDATE SET set [WHERE
 * where]} clause of an INSERT. {@code target} is the conflict target's indexed columns (empty when
 * absent, which SQLite allows only on the last clause); {@code set} is empty for {@code DO
 * NOTHING}.
 */
public record Upsert(List<OrderingTerm> target, Expr targetWhere, List<Assignment> set, Expr where) {
  public Upsert {
    target = List.copyOf(target);
    set = List.copyOf(set);
    if (target.isEmpty() && targetWhere != null) {
      throw new IllegalArgumentException("a target WHERE needs a conflict target");
    }
    if (set.isEmpty() && where != null) {
      throw new IllegalArgumentException("DO NOTHING has no WHERE");
    }
  }

  /** {@code DO NOTHING}. */
  public boolean doNothing() {
    return set.isEmpty();
  }
}
