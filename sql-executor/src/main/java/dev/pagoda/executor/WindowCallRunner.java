package dev.pagoda.executor;

import dev.pagoda.parser.ast.WindowFrame;
import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.Value;

/**
 * Computes one window call over one partition at a time. A {@link PartitionFunction} is asked
 * row by row. An aggregate whose accumulator can take rows back out ({@link
 * AggregateFunction#isWindowCapable()}) slides over frames without EXCLUDE: each row is stepped
 * as the frame's end passes it and taken back out with {@code inverse} as its start does, and
 * {@code value()} is read for every row, as SQLite runs a window aggregate. Built-in min and max
 * (which have a value but no inverse) grow frames that start at the partition's first row, and
 * keep a queue of candidates over frames whose start moves. Any other case (EXCLUDE, or a
 * plug-in aggregate without inverse) recomputes the frame with a fresh accumulator, unless the
 * frame is the same rows as the row before's (a peer's, or the whole partition), whose value it
 * reuses: correct, but slower over large frames.
 */
final class WindowCallRunner {
  /** A compiled window call, shared by every run of the statement. */
  record Call(AggregateFunction function, Evaluator[] args, Evaluator filter,
      Collation collation, CallContext context) {}

  private final Call call;
  private final WindowBounds bounds;
  private final ArgumentBuffer buffer;
  private final FrameRows frame = new FrameRows();
  private final FrameRows previous = new FrameRows();

  WindowCallRunner(Call call, WindowBounds bounds) {
    this.call = call;
    this.bounds = bounds;
    this.buffer = new ArgumentBuffer(call.args().length);
  }

  /**
   * Writes the call's value at each row of {@code p} into {@code out[row][column]}.
   *
   * @param args each row's arguments; {@code include} whether its FILTER holds
   */
  void run(WindowPartition p, Value[][] args, boolean[] include, Value[][] out, int column) {
    AggregateFunction f = call.function();
    boolean noExclude = bounds.exclude() == WindowFrame.Exclude.NO_OTHERS;
    if (f instanceof PartitionFunction pf) {
      for (int i = 0; i < p.size(); i++) {
        if (pf.usesFrame()) {
          setFrame(p, i);
        }
        out[i][column] = pf.value(p, i, frame, args);
      }
    } else if (noExclude && Aggregators.picksRow(f) && !bounds.startsAtFirstRow()) {
      slideMinMax(p, args, include, out, column, Aggregators.minMaxSign(f));
    } else if (noExclude && (f.isWindowCapable() || Aggregators.picksRow(f))) {
      slide(p, args, include, out, column);
    } else {
      recompute(p, args, include, out, column);
    }
  }

  private void setFrame(WindowPartition p, int i) {
    int start = bounds.start(p, i);
    frame.set(start, bounds.end(p, i, start), bounds.exclude(), i, p.peerStart(i), p.peerEnd(i));
  }

  private AggregateFunction.Accumulator fresh() {
    return Aggregators.create(call.function(), call.context(), false, call.collation());
  }

  /**
   * Slides one accumulator along the partition (min and max, whose frames here start at the
   * first row, only grow).
   */
  private void slide(WindowPartition p, Value[][] args, boolean[] include, Value[][] out,
      int column) {
    AggregateFunction.Accumulator acc = fresh();
    int from = 0;
    int to = 0;
    for (int i = 0; i < p.size(); i++) {
      int start = bounds.start(p, i);
      int end = bounds.end(p, i, start);
      // As SQLite's loop: the rows leaving go out before the rows entering come in.
      while (from < start && from < to) {
        feed(acc, args, include, from++, true);
      }
      while (to < end) {
        feed(acc, args, include, to++, false);
      }
      while (from < start) {
        feed(acc, args, include, from++, true);
      }
      out[i][column] = acc.value();
    }
  }

  /**
   * Built-in min ({@code sign} -1) or max (1) over frames whose start moves: a queue of the
   * frame's rows that may still be the result, from the best value to the worst, each strictly
   * better than the next. SQLite keeps such a frame's values in an index and reads its first
   * (min) or last (max) entry, so that of equal values (1 and 1.0, or 'Y' and 'y' under NOCASE)
   * the latest row's is the result; a new value therefore drops the equal ones before it.
   */
  private void slideMinMax(WindowPartition p, Value[][] args, boolean[] include, Value[][] out,
      int column, int sign) {
    int[] queue = new int[p.size()];
    int head = 0;
    int tail = 0;
    int to = 0;
    for (int i = 0; i < p.size(); i++) {
      int start = bounds.start(p, i);
      int end = bounds.end(p, i, start);
      for (; to < end; to++) {
        Value v = args[to][0];
        if (v.isNull() || (include != null && !include[to])) {
          continue;
        }
        while (tail > head
            && sign * RowOrder.compare(args[queue[tail - 1]][0], v, call.collation()) <= 0) {
          tail--;
        }
        queue[tail++] = to;
      }
      while (head < tail && queue[head] < start) {
        head++;
      }
      out[i][column] = head < tail ? args[queue[head]][0] : Value.NULL;
    }
  }

  private void recompute(WindowPartition p, Value[][] args, boolean[] include, Value[][] out,
      int column) {
    boolean value = call.function().isWindowCapable();
    Value last = null;
    for (int i = 0; i < p.size(); i++) {
      setFrame(p, i);
      if (last != null && frame.sameAs(previous)) {
        out[i][column] = last;
        continue;
      }
      AggregateFunction.Accumulator acc = fresh();
      for (int r = 0; r < frame.runs(); r++) {
        for (int row = frame.runStart(r); row < frame.runEnd(r); row++) {
          feed(acc, args, include, row, false);
        }
      }
      last = value ? acc.value() : acc.finish();
      out[i][column] = last;
      previous.copyFrom(frame);
    }
  }

  /** Steps (or, {@code back}, takes out) row {@code row} when its FILTER holds. */
  private void feed(AggregateFunction.Accumulator acc, Value[][] args, boolean[] include,
      int row, boolean back) {
    if (include != null && !include[row]) {
      return;
    }
    System.arraycopy(args[row], 0, buffer.values(), 0, buffer.size());
    call.context().arguments(buffer);
    if (back) {
      acc.inverse(buffer);
    } else {
      acc.step(buffer);
    }
  }
}
