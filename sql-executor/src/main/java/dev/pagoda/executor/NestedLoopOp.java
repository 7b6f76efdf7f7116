package dev.pagoda.executor;

import dev.pagoda.spi.Value;

/**
 * A nested-loop join. The joined row reads each column from the operator of the source that owns
 * it (or NULL while a LEFT step stands on its row of NULLs); the steps are visited in plan order,
 * and each step's source is opened again for every combination of rows of the steps before it.
 */
final class NestedLoopOp implements Operator {
  /** A compiled step: which source it scans and its terms. */
  record Step(int source, boolean leftOuter, Evaluator on, Evaluator filter) {}

  private final OperatorFactory[] factories;
  private final Step[] steps;
  private final int[] sourceOf;
  private final int[] offsetOf;
  private final RunContext run;
  private final Operator[] open;
  private final boolean[] isNull;
  private final boolean[] matched;
  private final boolean[] nullDone;
  private int depth = -1;
  private boolean done;

  NestedLoopOp(OperatorFactory[] factories, int[] offsets, int width, Step[] steps,
      RunContext run) {
    this.factories = factories;
    this.steps = steps;
    this.run = run;
    this.open = new Operator[factories.length];
    this.isNull = new boolean[factories.length];
    this.matched = new boolean[steps.length];
    this.nullDone = new boolean[steps.length];
    this.sourceOf = new int[width];
    this.offsetOf = new int[width];
    for (int s = 0; s < offsets.length; s++) {
      int end = s + 1 < offsets.length ? offsets[s + 1] : width;
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
      } else {
        if (k == 0) {
          done = true;
          return false;
        }
        k--;
      }
    }
  }

  private void openStep(int k) {
    int source = steps[k].source();
    if (open[source] != null) {
      open[source].close();
    }
    open[source] = factories[source].open(run, this);
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
    while (op.next()) {
      if (step.on() != null && Values.truth(step.on().eval(this)) != 1) {
        continue;
      }
      matched[k] = true;
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
  public void close() {
    for (int s = 0; s < open.length; s++) {
      if (open[s] != null) {
        open[s].close();
        open[s] = null;
      }
    }
  }
}
