package dev.pagoda.executor;

import dev.pagoda.spi.Value;
import java.util.BitSet;
import java.util.List;

/**
 * A nested-loop join. The joined row reads each column from the operator of the source that owns
 * it (or NULL while a LEFT step stands on its row of NULLs, or while the rows a RIGHT step adds
 * are read); the steps are visited in plan order, and each step's source is opened again for
 * every combination of rows of the steps before it.
 *
 * <p>A right-outer step (RIGHT or FULL JOIN) reads its source once, keeps its rows and marks those
 * that its ON terms matched. When the loop is done, each right-outer step in turn has a phase of
 * its own: every source before it is NULL, its unmatched rows (under its filters) are its rows,
 * and the steps after it go on as usual.
 */
final class NestedLoopOp implements Operator {
  /** A compiled step: which source it scans and its terms. */
  record Step(int source, boolean leftOuter, boolean rightOuter, Evaluator on,
      Evaluator filter) {}

  private final OperatorFactory[] factories;
  private final Step[] steps;
  private final int[] sourceOf;
  private final int[] offsetOf;
  private final int[] widths;
  private final RunContext run;
  private final Operator[] open;
  private final boolean[] isNull;
  private final boolean[] matched;
  private final boolean[] nullDone;
  /** A right-outer step's rows, read once, and which of them matched. */
  private final List<Value[]>[] kept;
  private final BitSet[] matchedRows;
  private int depth = -1;
  /** The first step of the current phase: 0, or the right-outer step whose phase it is. */
  private int base;
  private boolean done;

  @SuppressWarnings("unchecked")
  NestedLoopOp(OperatorFactory[] factories, int[] offsets, int width, Step[] steps,
      RunContext run) {
    this.factories = factories;
    this.steps = steps;
    this.run = run;
    this.open = new Operator[factories.length];
    this.isNull = new boolean[factories.length];
    this.matched = new boolean[steps.length];
    this.nullDone = new boolean[steps.length];
    this.kept = new List[steps.length];
    this.matchedRows = new BitSet[steps.length];
    this.sourceOf = new int[width];
    this.offsetOf = new int[width];
    this.widths = new int[offsets.length];
    for (int s = 0; s < offsets.length; s++) {
      int end = s + 1 < offsets.length ? offsets[s + 1] : width;
      widths[s] = end - offsets[s];
      for (int c = offsets[s]; c < end; c++) {
        sourceOf[c] = s;
        offsetOf[c] = c - offsets[s];
      }
    }
  }

  @Override
  public boolean next() {
    if (done) {
      return false;
    }
    int k;
    if (depth < 0) {
      openStep(0);
      k = 0;
    } else {
      k = steps.length - 1;
    }
    while (true) {
      if (advance(k)) {
        if (k == steps.length - 1) {
          depth = k;
          return true;
        }
        openStep(++k);
      } else if (k > base) {
        k--;
      } else {
        int next = base + 1;
        while (next < steps.length && !steps[next].rightOuter()) {
          next++;
        }
        if (next >= steps.length) {
          done = true;
          return false;
        }
        base = next;
        for (int s = 0; s < base; s++) {
          isNull[steps[s].source()] = true;
        }
        openStep(base);
        k = base;
      }
    }
  }

  private void openStep(int k) {
    Step step = steps[k];
    int source = step.source();
    if (open[source] != null) {
      open[source].close();
    }
    if (step.rightOuter()) {
      if (kept[k] == null) {
        kept[k] = MaterializedOperators.drain(factories[source].open(run, this), widths[source]);
        matchedRows[k] = new BitSet();
      }
      open[source] = new MaterializedOperators.ListOp(kept[k]);
    } else {
      open[source] = factories[source].open(run, this);
    }
    isNull[source] = false;
    matched[k] = false;
    nullDone[k] = false;
  }

  /** Moves step k to its next row that matches and passes its filter; false when done. */
  private boolean advance(int k) {
    Step step = steps[k];
    if (nullDone[k]) {
      return false;
    }
    Operator op = open[step.source()];
    Interrupts.check();
    if (k == base && base > 0) {
      // The phase of a right-outer step: its rows that nothing matched.
      MaterializedOperators.ListOp rows = (MaterializedOperators.ListOp) op;
      while (rows.next()) {
        if (!matchedRows[k].get(rows.index())
            && (step.filter() == null || Values.truth(step.filter().eval(this)) == 1)) {
          return true;
        }
      }
      return false;
    }
    while (op.next()) {
      if (step.on() != null && Values.truth(step.on().eval(this)) != 1) {
        continue;
      }
      matched[k] = true;
      if (step.rightOuter()) {
        matchedRows[k].set(((MaterializedOperators.ListOp) op).index());
      }
      if (step.filter() == null || Values.truth(step.filter().eval(this)) == 1) {
        return true;
      }
    }
    if (step.leftOuter() && !matched[k]) {
      nullDone[k] = true;
      isNull[step.source()] = true;
      return step.filter() == null || Values.truth(step.filter().eval(this)) == 1;
    }
    return false;
  }

  @Override
  public Value column(int i) {
    int source = sourceOf[i];
    return isNull[source] ? Value.NULL : open[source].column(offsetOf[i]);
  }

  @Override
  public boolean storedText(int i, TextSlice out) {
    int source = sourceOf[i];
    return !isNull[source] && open[source].storedText(offsetOf[i], out);
  }

  @Override
  public void close() {
    for (int s = 0; s < open.length; s++) {
      if (open[s] != null) {
        open[s].close();
        open[s] = null;
      }
    }
  }
}
