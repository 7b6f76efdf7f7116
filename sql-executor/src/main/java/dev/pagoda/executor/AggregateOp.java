package dev.pagoda.executor;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GROUP BY and aggregate functions. Reads its whole input when first advanced, grouping rows by
 * their key values (in key order, as SQLite's sorter yields them), then produces one row per group:
 * the representative input row followed by the aggregate results.
 *
 * <p>Groups are kept in memory until their estimated size passes the {@link MemoryBudget}; from
 * then on a row of a group already kept still goes to it, and a row of any other group goes, with
 * its key, to an {@link ExternalSorter}. The kept groups and the sorted rows have no key in common:
 * the output merges the kept groups with the groups read off the sorted rows one at a time, in key
 * order; a sort is stable, so each group sees its rows in input order either way.
 */
final class AggregateOp implements Operator {
  /** A compiled aggregate call. */
  record Call(AggregateFunction function, Evaluator[] args, ArgumentBuffer buffer,
      CallContext context, boolean distinct, Evaluator filter,
      dev.pagoda.spi.Collation collation, Evaluator[] orderBy, Comparator<Value[]> order) {}

  private final Operator input;
  private final int inputWidth;
  private final Evaluator[] keys;
  private final Comparator<Value[]> keyOrder;
  private final Call[] calls;
  private final int pickerCall;
  private List<Group> groups;
  private int index = -1;
  private ExternalSorter sorter;
  private Operator spilled;
  private Value[] pendingRow;
  private Group current;

  /** One group's state. */
  private static final class Group {
    Value[] key;
    Value[] row;
    final AggregateFunction.Accumulator[] aggregators;
    Value[] results;

    Group(Call[] calls) {
      aggregators = new AggregateFunction.Accumulator[calls.length];
      for (int i = 0; i < calls.length; i++) {
        Call c = calls[i];
        aggregators[i] = Aggregators.create(c.function(), c.context(), c.distinct(),
            c.collation());
        if (c.order() != null) {
          aggregators[i] = new Aggregators.Ordered(aggregators[i], c.args().length, c.order());
        }
      }
    }
  }

  AggregateOp(Operator input, int inputWidth, Evaluator[] keys, Comparator<Value[]> keyOrder,
      Call[] calls) {
    this.input = input;
    this.inputWidth = inputWidth;
    this.keys = keys;
    this.keyOrder = keyOrder;
    this.calls = calls;
    this.pickerCall = picker(calls);
  }

  /** The lone min() or max() call whose row the bare columns come from, or -1. */
  private static int picker(Call[] calls) {
    int found = -1;
    for (int i = 0; i < calls.length; i++) {
      if (Aggregators.picksRow(calls[i].function())) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  @Override
  public boolean next() {
    if (groups == null) {
      groups = readGroups();
      if (sorter != null) {
        spilled = sorter.sorted();
        pendingRow = readSpilled();
      }
    }
    if (spilled == null) {
      if (++index < groups.size()) {
        current = groups.get(index);
        return true;
      }
      return false;
    }
    Group kept = index + 1 < groups.size() ? groups.get(index + 1) : null;
    if (pendingRow == null && kept == null) {
      return false;
    }
    if (pendingRow == null || (kept != null && keyOrder.compare(kept.key, pendingRow) < 0)) {
      index++;
      current = kept;
      return true;
    }
    Group g = new Group(calls);
    g.key = java.util.Arrays.copyOf(pendingRow, keys.length);
    int offset = keys.length;
    while (pendingRow != null && keyOrder.compare(g.key, pendingRow) == 0) {
      Value[] stored = pendingRow;
      step(g, i -> stored[offset + i]);
      pendingRow = readSpilled();
    }
    finish(g);
    current = g;
    return true;
  }

  private Value[] readSpilled() {
    return spilled.next() ? RowOrder.copy(spilled, keys.length + inputWidth) : null;
  }

  private List<Group> readGroups() {
    Map<Value[], Group> byKey = new TreeMap<>(keyOrder);
    Group single = keys.length == 0 ? new Group(calls) : null;
    long budget = MemoryBudget.bytes();
    long bytes = 0;
    try (input) {
      while (input.next()) {
        Group g = single;
        if (g == null) {
          Value[] key = new Value[keys.length];
          for (int i = 0; i < keys.length; i++) {
            key[i] = keys[i].eval(input);
          }
          g = byKey.get(key);
          if (g == null && sorter != null) {
            Value[] row = java.util.Arrays.copyOf(key, keys.length + inputWidth);
            for (int i = 0; i < inputWidth; i++) {
              row[keys.length + i] = input.column(i);
            }
            sorter.add(row);
            continue;
          }
          if (g == null) {
            g = new Group(calls);
            g.key = key;
            byKey.put(key, g);
            bytes += MemoryBudget.estimate(key) + 16L * inputWidth + 64L * calls.length;
            if (bytes > budget) {
              sorter = new ExternalSorter(keys.length + inputWidth, keyOrder, budget);
            }
          }
        }
        step(g, input);
      }
    } catch (RuntimeException e) {
      if (sorter != null) {
        sorter.close();
      }
      throw e;
    }
    List<Group> out = new ArrayList<>(single != null ? List.of(single) : byKey.values());
    for (Group g : out) {
      finish(g);
    }
    return out;
  }

  private void finish(Group g) {
    g.results = new Value[calls.length];
    for (int i = 0; i < calls.length; i++) {
      g.results[i] = g.aggregators[i].finish();
    }
  }

  private void step(Group g, Row row) {
    boolean picked = false;
    for (int i = 0; i < calls.length; i++) {
      Call call = calls[i];
      if (call.filter() != null && Values.truth(call.filter().eval(row)) != 1) {
        continue;
      }
      AggregateFunction.Accumulator acc = g.aggregators[i];
      if (acc instanceof Aggregators.Ordered ordered) {
        ordered.add(row, call.args(), call.orderBy());
        continue;
      }
      Value[] args = call.buffer().values();
      for (int a = 0; a < args.length; a++) {
        args[a] = call.args()[a].eval(row);
      }
      call.context().arguments(call.buffer());
      acc.step(call.buffer());
      if (i == pickerCall && acc instanceof Aggregators.RowPicker p && p.pickedLast()) {
        picked = true;
      }
    }
    // The bare columns come from the group's first row (SQLite 3.4x), or the row a lone min()
    // or max() picked.
    if (g.row == null || picked) {
      g.row = RowOrder.copy(row, inputWidth);
    }
  }

  @Override
  public Value column(int i) {
    Group g = current;
    if (i >= inputWidth) {
      return g.results[i - inputWidth];
    }
    return g.row == null ? Value.NULL : g.row[i];
  }

  @Override
  public void close() {
    input.close();
    if (spilled != null) {
      spilled.close();
    } else if (sorter != null) {
      sorter.close();
    }
  }
}
