package dev.pagoda.executor;

import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Operators that hold rows in memory: sort, DISTINCT, compound SELECT and replay. Rows are copied
 * into arrays as they are read. (There is no memory budget or spill to disk yet: a sort holds all
 * its rows.)
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
  static Comparator<Value[]> sortOrder(List<PlanNode.SortKey> keys) {
    PlanNode.SortKey[] k = keys.toArray(new PlanNode.SortKey[0]);
    return (x, y) -> {
      for (PlanNode.SortKey key : k) {
        Value a = x[key.column()];
        Value b = y[key.column()];
        int r;
        if (a.isNull() || b.isNull()) {
          r = a.isNull() == b.isNull() ? 0 : (a.isNull() == key.nullsLast() ? 1 : -1);
        } else {
          r = RowOrder.compare(a, b, key.collation());
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
    List<Value[]> rows = drain(input, width);
    rows.sort(order);
    return new ListOp(rows);
  }

  /** Passes on the rows whose key columns were not seen before. */
  static final class DistinctOp implements Operator {
    private final Operator input;
    private final int width;
    private final TreeSet<Value[]> seen;

    DistinctOp(Operator input, int width, int keyWidth, Comparator<Value[]> order) {
      this.input = input;
      this.width = width;
      this.seen = new TreeSet<>(order);
      if (keyWidth > width) {
        throw new IllegalArgumentException("key wider than row");
      }
    }

    @Override
    public boolean next() {
      while (input.next()) {
        if (seen.add(RowOrder.copy(input, width))) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Value column(int i) {
      return input.column(i);
    }

    @Override
    public void close() {
      input.close();
    }
  }

  /** A compound SELECT of two inputs. */
  static Operator compound(
      PlanNode.SetOperator op, Operator left, Operator right, int width,
      Comparator<Value[]> order) {
    if (op == PlanNode.SetOperator.UNION_ALL) {
      return new ConcatOp(left, right);
    }
    TreeSet<Value[]> result = new TreeSet<>(order);
    List<Value[]> leftRows = drain(left, width);
    List<Value[]> rightRows = drain(right, width);
    switch (op) {
      case UNION -> {
        result.addAll(leftRows);
        result.addAll(rightRows);
      }
      case EXCEPT -> {
        result.addAll(leftRows);
        rightRows.forEach(result::remove);
      }
      case INTERSECT -> {
        TreeSet<Value[]> rightSet = new TreeSet<>(order);
        rightSet.addAll(rightRows);
        for (Value[] row : leftRows) {
          if (rightSet.contains(row)) {
            result.add(row);
          }
        }
      }
      default -> throw new AssertionError(op);
    }
    return new ListOp(new ArrayList<>(result));
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
