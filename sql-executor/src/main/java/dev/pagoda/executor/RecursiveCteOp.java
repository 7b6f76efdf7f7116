package dev.pagoda.executor;

import dev.pagoda.planner.FunctionCatalog;

import dev.pagoda.spi.Value;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.TreeSet;

/**
 * A recursive CTE, as SQLite runs one: the initial rows go into a queue; each row taken from it is
 * produced (unless the OFFSET skips it) and then, before the next one is taken, each recursive
 * query runs once with it as the CTE's only row, adding its rows to the queue. The queue is first
 * in, first out, or ordered by the CTE's ORDER BY (ties first in, first out). With UNION a row
 * equal to one queued before is dropped. The LIMIT stops it.
 */
final class RecursiveCteOp implements Operator {
  /** The row the recursive queries read as the CTE. */
  static final class CurrentRow {
    Value[] row;
  }

  /** A queued row and when it was queued. */
  private record Entry(Value[] row, long seq) {}

  private final RunContext run;
  private final Row outer;
  private final OperatorFactory initial;
  private final OperatorFactory[] parts;
  private final CurrentRow current;
  private final int width;
  private final TreeSet<Value[]> seen;
  private final Queue<Entry> queue;
  private long remaining;
  private long skip;
  private long seq;
  private boolean started;
  private Value[] row;
  private Value[] pending;

  RecursiveCteOp(RunContext run, Row outer, OperatorFactory initial, OperatorFactory[] parts,
      CurrentRow current, int width, boolean distinct, Comparator<Value[]> order,
      long limit, long skip) {
    this.run = run;
    this.outer = outer;
    this.initial = initial;
    this.parts = parts;
    this.current = current;
    this.width = width;
    this.seen = distinct
        ? new TreeSet<>(RowOrder.prefix(width, Collections.nCopies(width, null), FunctionCatalog.standard())) : null;
    if (order == null) {
      this.queue = new ArrayDeque<>();
    } else {
      Comparator<Entry> byOrder = (x, y) -> order.compare(x.row(), y.row());
      this.queue = new PriorityQueue<>(byOrder.thenComparingLong(Entry::seq));
    }
    this.remaining = limit;
    this.skip = skip;
  }

  @Override
  public boolean next() {
    if (!started) {
      started = true;
      if (remaining > 0) {
        addAll(initial);
      }
    }
    while (remaining > 0) {
      // a recursive step may read no table at all (SELECT x+1 FROM cnt), so check here
      Interrupts.check();
      if (pending != null) {
        Value[] saved = current.row;
        current.row = pending;
        try {
          for (OperatorFactory part : parts) {
            addAll(part);
          }
        } finally {
          current.row = saved;
        }
        pending = null;
      }
      Entry next = queue.poll();
      if (next == null) {
        return false;
      }
      pending = next.row();
      if (skip > 0) {
        skip--;
        continue;
      }
      row = next.row();
      remaining--;
      return true;
    }
    return false;
  }

  private void addAll(OperatorFactory factory) {
    try (Operator op = factory.open(run, outer)) {
      while (op.next()) {
        Value[] r = RowOrder.copy(op, width);
        if (seen == null || seen.add(r)) {
          queue.add(new Entry(r, seq++));
        }
      }
    }
  }

  @Override
  public Value column(int i) {
    return row[i];
  }

  @Override
  public void close() {
    queue.clear();
  }
}
