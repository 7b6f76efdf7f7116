package dev.pagoda.executor;

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
 */
final class AggregateOp implements Operator {
  /** A compiled aggregate call. */
  record Call(String name, Evaluator[] args, boolean distinct, Evaluator filter,
      String collation) {}

  private final Operator input;
  private final int inputWidth;
  private final Evaluator[] keys;
  private final Comparator<Value[]> keyOrder;
  private final Call[] calls;
  private final int pickerCall;
  private List<Group> groups;
  private int index = -1;

  /** One group's state. */
  private static final class Group {
    Value[] row;
    final Aggregators.Aggregator[] aggregators;
    Value[] results;

    Group(Call[] calls) {
      aggregators = new Aggregators.Aggregator[calls.length];
      for (int i = 0; i < calls.length; i++) {
        aggregators[i] = Aggregators.create(calls[i].name(), calls[i].distinct(),
            calls[i].collation());
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
      if (calls[i].name().equals("min") || calls[i].name().equals("max")) {
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
    }
    return ++index < groups.size();
  }

  private List<Group> readGroups() {
    Map<Value[], Group> byKey = new TreeMap<>(keyOrder);
    Group single = keys.length == 0 ? new Group(calls) : null;
    try (input) {
      while (input.next()) {
        Group g = single;
        if (g == null) {
          Value[] key = new Value[keys.length];
          for (int i = 0; i < keys.length; i++) {
            key[i] = keys[i].eval(input);
          }
          g = byKey.computeIfAbsent(key, k -> new Group(calls));
        }
        step(g);
      }
    }
    List<Group> out = new ArrayList<>(single != null ? List.of(single) : byKey.values());
    for (Group g : out) {
      g.results = new Value[calls.length];
      for (int i = 0; i < calls.length; i++) {
        g.results[i] = g.aggregators[i].result();
      }
    }
    return out;
  }

  private void step(Group g) {
    boolean picked = false;
    for (int i = 0; i < calls.length; i++) {
      Call call = calls[i];
      if (call.filter() != null && Values.truth(call.filter().eval(input)) != 1) {
        continue;
      }
      Value[] args = new Value[call.args().length];
      for (int a = 0; a < args.length; a++) {
        args[a] = call.args()[a].eval(input);
      }
      if (g.aggregators[i].step(args) && i == pickerCall) {
        picked = true;
      }
    }
    if (g.row == null || pickerCall < 0 || picked) {
      g.row = RowOrder.copy(input, inputWidth);
    }
  }

  @Override
  public Value column(int i) {
    Group g = groups.get(index);
    if (i >= inputWidth) {
      return g.results[i - inputWidth];
    }
    return g.row == null ? Value.NULL : g.row[i];
  }

  @Override
  public void close() {
    input.close();
  }
}
