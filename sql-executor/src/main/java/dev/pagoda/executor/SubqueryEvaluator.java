package dev.pagoda.executor;

import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Evaluates a subquery expression: a scalar subquery's first value, EXISTS, or IN. A subquery
 * that reads no column of its outer query runs once per statement run and its result is kept; a
 * correlated one runs for every row, with that row as its outer row.
 */
final class SubqueryEvaluator implements Evaluator {
  private final BoundExpr.Subquery q;
  private final OperatorFactory plan;
  private final ExprCompiler.Frame frame;
  private final Evaluator operand;
  private final RunContext run;
  private long cachedRun = -1;
  private Value cachedValue;
  private InSet cachedSet;

  SubqueryEvaluator(BoundExpr.Subquery q, OperatorFactory plan, ExprCompiler.Frame frame,
      Evaluator operand, RunContext run) {
    this.q = q;
    this.plan = plan;
    this.frame = frame;
    this.operand = operand;
    this.run = run;
  }

  @Override
  public Value eval(Row row) {
    Row saved = frame.row;
    frame.row = row;
    try {
      return switch (q.kind()) {
        case SCALAR -> scalar();
        case EXISTS -> exists();
        case IN -> in(row);
      };
    } finally {
      frame.row = saved;
    }
  }

  private boolean cached() {
    return !q.correlated() && cachedRun == run.run();
  }

  private Value scalar() {
    if (cached()) {
      return cachedValue;
    }
    Value v = Value.NULL;
    try (Operator op = plan.open(run, Operators.NO_ROW)) {
      if (op.next()) {
        v = op.column(0);
      }
    }
    remember(v, null);
    return v;
  }

  private Value exists() {
    if (cached()) {
      return cachedValue;
    }
    Value v;
    try (Operator op = plan.open(run, Operators.NO_ROW)) {
      v = Values.of(op.next());
    }
    remember(v, null);
    return v;
  }

  private void remember(Value v, InSet set) {
    if (!q.correlated()) {
      cachedRun = run.run();
      cachedValue = v;
      cachedSet = set;
    }
  }

  private Value in(Row row) {
    Value x = operand.eval(row);
    InSet set = cached() ? cachedSet : null;
    if (set == null) {
      set = new InSet(q.compareAffinity(), Comparison.collation(q.compareCollation(), run.session().functions()));
      try (Operator op = plan.open(run, Operators.NO_ROW)) {
        while (op.next()) {
          set.add(op.column(0));
        }
      }
      remember(null, set);
    }
    Value found = set.contains(x);
    if (found.isNull()) {
      return found;
    }
    return Values.of(Values.truth(found) == 1 != q.negated());
  }

  /** The values of an IN subquery, and whether one is NULL. */
  private static final class InSet {
    private final Affinity affinity;
    private final dev.pagoda.spi.Collation collation;
    private final List<Value> values = new ArrayList<>();
    private TreeSet<Value> sorted;
    private boolean sawNull;

    InSet(Affinity affinity, dev.pagoda.spi.Collation collation) {
      this.affinity = affinity;
      this.collation = collation;
    }

    void add(Value v) {
      if (v.isNull()) {
        sawNull = true;
      } else {
        values.add(v);
      }
    }

    /** 1 when x is in the set, 0 when not, NULL when unknown (SQL's IN with NULLs). */
    Value contains(Value x) {
      if (x.isNull()) {
        return values.isEmpty() && !sawNull ? Values.FALSE : Value.NULL;
      }
      if (affinity == Affinity.REAL && x instanceof Value.Int i) {
        // SQLite's OP_Affinity makes the probe a REAL: 9223372036854775807 IN (SELECT realColumn)
        // finds 9.223372036854776E18.
        x = Value.of((double) i.value());
      }
      if (values.size() > 8 && (affinity == null || affinity == Affinity.BLOB)) {
        if (sorted == null) {
          sorted = new TreeSet<>((a, b) -> Comparison.compare(a, b, null, collation));
          sorted.addAll(values);
        }
        if (sorted.contains(x)) {
          return Values.TRUE;
        }
      } else {
        for (Value v : values) {
          if (Comparison.compare(x, v, affinity, collation) == 0) {
            return Values.TRUE;
          }
        }
      }
      return sawNull ? Value.NULL : Values.FALSE;
    }
  }
}
