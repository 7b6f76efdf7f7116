package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * One trigger compiled for the statement that fires it: its WHEN evaluator and its steps, compiled
 * once with the trigger row (OLD then NEW) as the row of their outer references. {@link #fire}
 * runs it for one row; every firing is a new run, so nothing a step computed for an earlier row
 * is reused.
 */
final class TriggerProgram {
  private final ExprCompiler.Frame frame = new ExprCompiler.Frame();
  private final RunContext run;
  private final Evaluator when;
  private final List<CompiledStatement> steps = new ArrayList<>();

  TriggerProgram(Plan.Trigger trigger, ExprCompiler parent) {
    ExprCompiler compiler = parent.forTrigger(frame);
    this.run = compiler.run();
    this.when = trigger.when() == null ? null : compiler.compile(trigger.when());
    for (Plan step : trigger.body()) {
      steps.add(compiler.statement(step));
    }
  }

  /**
   * Runs the program for the trigger row {@code row} if its WHEN holds.
   *
   * @throws TriggerIgnore when the program raised IGNORE
   */
  void fire(Pager pager, Value[] row) {
    frame.row = TableWriter.rowOf(row);
    run.begin(pager);
    if (when != null && Values.truth(when.eval(Operators.NO_ROW)) != 1) {
      return;
    }
    Session session = run.session();
    long changes = session.changes();
    long lastRowid = session.lastInsertRowid();
    try {
      for (CompiledStatement step : steps) {
        if (step.isQuery()) {
          step.execute(pager); // a SELECT step runs and its rows are discarded
        } else {
          session.triggerChanges(step.execute(pager).changes());
        }
      }
    } catch (StackOverflowError e) {
      throw SqlException.error("too many levels of trigger recursion"); // as in TriggerPlanner
    } finally {
      session.restore(changes, lastRowid);
    }
  }

  /** The compiled triggers of one statement, with the layout of their trigger row. */
  static final class Set {
    private final TriggerProgram[] before;
    private final TriggerProgram[] after;
    private final int width;

    Set(Plan.Triggers triggers, ExprCompiler compiler) {
      this.before = compileAll(triggers.before(), compiler);
      this.after = compileAll(triggers.after(), compiler);
      this.width = triggers.rowWidth();
    }

    Set(List<Plan.Trigger> triggers, int width, ExprCompiler compiler) {
      this.before = compileAll(triggers, compiler);
      this.after = new TriggerProgram[0];
      this.width = width;
    }

    private static TriggerProgram[] compileAll(List<Plan.Trigger> list, ExprCompiler compiler) {
      TriggerProgram[] out = new TriggerProgram[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = new TriggerProgram(list.get(i), compiler);
      }
      return out;
    }

    boolean hasBefore() {
      return before.length > 0;
    }

    boolean hasAfter() {
      return after.length > 0;
    }

    /** Fires the BEFORE (or INSTEAD OF) triggers; false when one raised IGNORE. */
    boolean before(Pager pager, Value[] old, Value[] now) {
      return fireAll(before, pager, old, now);
    }

    /** Fires the AFTER triggers; false when one raised IGNORE. */
    boolean after(Pager pager, Value[] old, Value[] now) {
      return fireAll(after, pager, old, now);
    }

    /** Fires the BEFORE (INSTEAD OF) triggers for a trigger row already laid out. */
    boolean before(Pager pager, Value[] row) {
      try {
        for (TriggerProgram p : before) {
          p.fire(pager, row);
        }
        return true;
      } catch (TriggerIgnore e) {
        return false;
      }
    }

    private boolean fireAll(TriggerProgram[] programs, Pager pager, Value[] old, Value[] now) {
      if (programs.length == 0) {
        return true;
      }
      Value[] row = new Value[2 * width];
      for (int i = 0; i < width; i++) {
        row[i] = old == null ? Value.NULL : old[i];
        row[width + i] = now == null ? Value.NULL : now[i];
      }
      try {
        for (TriggerProgram p : programs) {
          p.fire(pager, row);
        }
        return true;
      } catch (TriggerIgnore e) {
        return false;
      }
    }
  }
}
