package dev.pagoda.executor;

import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Operators that hold rows: sort, DISTINCT, compound SELECT and replay. Rows are copied into
 * arrays as they are read. Sorts and compound SELECTs go through an {@link ExternalSorter}, which
 * spills to temporary files beyond the {@link MemoryBudget}; so does a DISTINCT whose rows are
 * sorted afterwards. Replayed rows (materialized subqueries and CTEs) stay in memory.
 */
final class MaterializedOperators {
  private MaterializedOperators() {}

  /** Replays a list of rows. */
  static class ListOp implements Operator {
    private final List<Value[]> rows;
    private int index = -1;

    ListOp(List<Value[]> rows) {
      this.rows = rows;
    }

    @Override
    public boolean next() {
      return ++index < rows.size();
    }

    /** The position of the current row in the list. */
    int index() {
      return index;
    }

    @Override
    public Value column(int i) {
      return rows.get(index)[i];
    }

    @Override
    public void close() {}
  }

  /** Reads every row of {@code input} and closes it. */
  static List<Value[]> drain(Operator input, int width) {
    List<Value[]> rows = new ArrayList<>();
    try (input) {
      while (input.next()) {
        rows.add(RowOrder.copy(input, width));
      }
    }
    return rows;
  }

  /** The comparator of a sort's keys. */
  static Comparator<Value[]> sortOrder(List<PlanNode.SortKey> keys,
      dev.pagoda.planner.FunctionCatalog catalog) {
    PlanNode.SortKey[] k = keys.toArray(new PlanNode.SortKey[0]);
    dev.pagoda.spi.Collation[] collations = new dev.pagoda.spi.Collation[k.length];
    for (int i = 0; i < k.length; i++) {
      collations[i] = k[i].collation() == null ? null
          : Comparison.collation(k[i].collation(), catalog);
    }
    return (x, y) -> {
      for (int i = 0; i < k.length; i++) {
        PlanNode.SortKey key = k[i];
        Value a = x[key.column()];
        Value b = y[key.column()];
        int r;
        if (a.isNull() || b.isNull()) {
          r = a.isNull() == b.isNull() ? 0 : (a.isNull() == key.nullsLast() ? 1 : -1);
        } else {
          r = RowOrder.compare(a, b, collations[i]);
          if (key.descending()) {
            r = -r;
          }
        }
        if (r != 0) {
          return r;
        }
      }
      return 0;
    };
  }

  /** Sorts its input when first read (a stable sort). */
  static Operator sort(Operator input, int width, Comparator<Value[]> order) {
    ExternalSorter sorter = new ExternalSorter(width, order, MemoryBudget.bytes());
    try (input) {
      while (input.next()) {
        sorter.add(RowOrder.copy(input, width));
      }
    } catch (RuntimeException e) {
      sorter.close();
      throw e;
    }
    return sorter.sorted();
  }

  /**
   * Passes on the rows whose key columns were not seen before, in input order. When {@code
   * orderFree} (a sort follows) and the rows seen pass the memory budget, the rest of the input
   * goes through an external sort instead, after the rows already passed on.
   */
  static final class DistinctOp implements Operator {
    private final Operator input;
    private final int width;
    private final Comparator<Value[]> order;
    private final boolean orderFree;
    private final long budget;
    private TreeSet<Value[]> seen;
    private long bytes;
    private Value[] current;
    private Operator spilled;

    DistinctOp(Operator input, int width, int keyWidth, Comparator<Value[]> order) {
      this(input, width, keyWidth, order, false);
    }

    DistinctOp(Operator input, int width, int keyWidth, Comparator<Value[]> order,
        boolean orderFree) {
      this.input = input;
      this.width = width;
      this.order = order;
      this.orderFree = orderFree;
      this.budget = MemoryBudget.bytes();
      this.seen = new TreeSet<>(order);
      if (keyWidth > width) {
        throw new IllegalArgumentException("key wider than row");
      }
    }

    @Override
    public boolean next() {
      if (spilled == null && orderFree && bytes > budget) {
        spill();
      }
      if (spilled != null) {
        return nextSpilled();
      }
      while (input.next()) {
        Value[] row = RowOrder.copy(input, width);
        if (seen.add(row)) {
          bytes += MemoryBudget.estimate(row);
          current = row;
          return true;
        }
      }
      return false;
    }

    /** Sorts the rows passed on (tag 0) and the rest of the input (tag 1) together. */
    private void spill() {
      ExternalSorter sorter = new ExternalSorter(width + 1, order, budget);
      try {
        for (Value[] row : seen) {
          sorter.add(tagged(row, 0));
        }
        seen = null;
        while (input.next()) {
          sorter.add(tagged(RowOrder.copy(input, width), 1));
        }
      } catch (RuntimeException e) {
        sorter.close();
        throw e;
      }
      spilled = sorter.sorted();
      current = null;
    }

    private Value[] tagged(Value[] row, long tag) {
      Value[] out = java.util.Arrays.copyOf(row, width + 1);
      out[width] = Value.of(tag);
      return out;
    }

    /** The first row of each group of equal keys, when it is not one passed on before. */
    private boolean nextSpilled() {
      Value[] previous = current;
      while (spilled.next()) {
        Value[] row = RowOrder.copy(spilled, width + 1);
        boolean first = previous == null || order.compare(previous, row) != 0;
        previous = row;
        if (first && ((Value.Int) row[width]).value() == 1) {
          current = row;
          return true;
        }
        current = row;
      }
      return false;
    }

    @Override
    public Value column(int i) {
      return current[i];
    }

    @Override
    public void close() {
      input.close();
      if (spilled != null) {
        spilled.close();
      }
    }
  }

  /**
   * A compound SELECT of two inputs. UNION, INTERSECT and EXCEPT sort both sides together (each row
   * tagged with its side, the left's first) and take one row from each group of equal rows
   * (equal under the collations, or as numbers): every group for UNION (the right side's first
   * row when it has one, as in SQLite, else the left's first), the groups with both sides for
   * INTERSECT, with only the left for EXCEPT (the left's first).
   */
  static Operator compound(
      PlanNode.SetOperator op, Operator left, Operator right, int width,
      Comparator<Value[]> order) {
    if (op == PlanNode.SetOperator.UNION_ALL) {
      return new ConcatOp(left, right);
    }
    ExternalSorter sorter = new ExternalSorter(width + 1, order, MemoryBudget.bytes());
    try {
      add(sorter, left, width, 0);
      add(sorter, right, width, 1);
    } catch (RuntimeException e) {
      right.close();
      sorter.close();
      throw e;
    }
    return new SetOp(op, sorter.sorted(), width, order);
  }

  private static void add(ExternalSorter sorter, Operator input, int width, long tag) {
    try (input) {
      while (input.next()) {
        Value[] row = new Value[width + 1];
        for (int i = 0; i < width; i++) {
          row[i] = input.column(i);
        }
        row[width] = Value.of(tag);
        sorter.add(row);
      }
    }
  }

  /** Walks groups of equal rows of a sorted, side-tagged input. */
  private static final class SetOp implements Operator {
    private final PlanNode.SetOperator op;
    private final Operator sorted;
    private final int width;
    private final Comparator<Value[]> order;
    private Value[] pending;
    private Value[] current;
    private boolean started;

    SetOp(PlanNode.SetOperator op, Operator sorted, int width, Comparator<Value[]> order) {
      this.op = op;
      this.sorted = sorted;
      this.width = width;
      this.order = order;
    }

    private Value[] read() {
      return sorted.next() ? RowOrder.copy(sorted, width + 1) : null;
    }

    @Override
    public boolean next() {
      if (!started) {
        started = true;
        pending = read();
      }
      while (pending != null) {
        Value[] first = pending;
        Value[] firstRight = null;
        boolean left = false;
        while (pending != null && order.compare(first, pending) == 0) {
          if (((Value.Int) pending[width]).value() == 0) {
            left = true;
          } else if (firstRight == null) {
            firstRight = pending;
          }
          pending = read();
        }
        boolean right = firstRight != null;
        if (op == PlanNode.SetOperator.UNION && right) {
          // As SQLite's: the right side's first equal row stands for the group.
          first = firstRight;
        }
        boolean keep = switch (op) {
          case UNION -> true;
          case INTERSECT -> left && right;
          case EXCEPT -> left && !right;
          default -> throw new AssertionError(op);
        };
        if (keep) {
          current = first;
          return true;
        }
      }
      return false;
    }

    @Override
    public Value column(int i) {
      return current[i];
    }

    @Override
    public void close() {
      sorted.close();
    }
  }

  /** The rows of one input, then of the other. */
  static final class ConcatOp implements Operator {
    private final Operator first;
    private final Operator second;
    private boolean onSecond;

    ConcatOp(Operator first, Operator second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public boolean next() {
      if (!onSecond) {
        if (first.next()) {
          return true;
        }
        onSecond = true;
      }
      return second.next();
    }

    @Override
    public Value column(int i) {
      return onSecond ? second.column(i) : first.column(i);
    }

    @Override
    public void close() {
      first.close();
      second.close();
    }
  }
}
