package dev.pagoda.executor;

import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The sort under a small {@code LIMIT}: {@code ORDER BY ... LIMIT n OFFSET m} needs only the first
 * {@code n + m} rows of the order, so it keeps them in a bounded heap instead of sorting the whole
 * input (SQLite's sorter does the same under a LIMIT). The result is the one the stable sort
 * gives: rows that tie on the keys keep their input order. A row array evicted from the heap is
 * reused for the next input row, so a scan of many rows allocates no arrays once the heap is full.
 *
 * <p>The kept rows count against the sort {@link MemoryBudget}: when they pass it, the kept rows
 * (in input order) and the rest of the input go to an {@link ExternalSorter} instead. That gives
 * the same rows, since a row the heap dropped is beaten by {@code n + m} rows before it.
 */
final class TopNSort {
  /** Beyond this many rows kept the full (external, budgeted) sort is used instead. */
  static final long MAX_KEPT = 10_000;

  private final int width;
  private final Comparator<Value[]> order;
  private final int keep;
  private final Comparator<Kept> rank;
  private final PriorityQueue<Kept> heap;
  private long bytes;

  private TopNSort(int width, Comparator<Value[]> order, int keep) {
    this.width = width;
    this.order = order;
    this.keep = keep;
    this.rank = (a, b) -> {
      int r = order.compare(a.row(), b.row());
      return r != 0 ? r : Long.compare(a.seq(), b.seq());
    };
    this.heap = new PriorityQueue<>(keep, rank.reversed());
  }

  /** Whether a sort under a limit of {@code limit} rows after {@code offset} is bounded here. */
  static boolean applies(long limit, long offset) {
    return limit >= 0 && offset >= 0 && limit <= MAX_KEPT && offset <= MAX_KEPT
        && limit + offset <= MAX_KEPT;
  }

  /** One kept row and its input position, the tie-break that keeps the sort stable. */
  private record Kept(Value[] row, long seq) {}

  /**
   * Reads all of {@code input} (closing it) and returns its rows in {@code order}, ties in input
   * order: at least its first {@code keep} rows (all of them when the budget made it sort them
   * all), so a LIMIT above takes the same rows either way.
   */
  static Operator sorted(Operator input, int width, Comparator<Value[]> order, int keep) {
    if (keep == 0) {
      input.close();
      return new MaterializedOperators.ListOp(List.of());
    }
    return new TopNSort(width, order, keep).run(input);
  }

  private Operator run(Operator input) {
    try (input) {
      Value[] scratch = new Value[width];
      long seq = 0;
      long budget = MemoryBudget.bytes();
      while (input.next()) {
        for (int i = 0; i < width; i++) {
          scratch[i] = input.column(i);
        }
        if (heap.size() < keep) {
          bytes += MemoryBudget.estimate(scratch);
          heap.add(new Kept(scratch, seq++));
          scratch = new Value[width];
        } else if (order.compare(scratch, heap.peek().row()) < 0) {
          // Strictly better than the worst kept row (a tie loses: it came later).
          Value[] evicted = heap.poll().row();
          bytes += MemoryBudget.estimate(scratch) - MemoryBudget.estimate(evicted);
          heap.add(new Kept(scratch, seq++));
          scratch = evicted;
        } else {
          seq++;
        }
        if (bytes > budget) {
          return external(input);
        }
      }
    }
    List<Kept> best = new ArrayList<>(heap);
    best.sort(rank);
    List<Value[]> rows = new ArrayList<>(best.size());
    for (Kept k : best) {
      rows.add(k.row());
    }
    return new MaterializedOperators.ListOp(rows);
  }

  /** The kept rows in input order, then the rest of {@code input}, through the external sort. */
  private Operator external(Operator input) {
    List<Kept> kept = new ArrayList<>(heap);
    kept.sort(Comparator.comparingLong(Kept::seq));
    heap.clear();
    ExternalSorter sorter = new ExternalSorter(width, order, MemoryBudget.bytes());
    try {
      for (Kept k : kept) {
        sorter.add(k.row());
      }
      while (input.next()) {
        sorter.add(RowOrder.copy(input, width));
      }
    } catch (RuntimeException e) {
      sorter.close();
      throw e;
    }
    return sorter.sorted();
  }
}
