package dev.pagoda.tck;

import static dev.pagoda.tck.ScalarChecks.argumentsOf;
import static dev.pagoda.tck.TckSql.callOnColumns;
import static dev.pagoda.tck.TckSql.directErrorsOnly;
import static dev.pagoda.tck.TckSql.rows;
import static dev.pagoda.tck.TckSql.sqlErrorsOnly;
import static dev.pagoda.tck.TckSql.update;
import static dev.pagoda.tck.TckSql.withConnection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pagoda.Connection;
import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.AggregateFunction.Accumulator;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/** The checks on one aggregate function, each its own dynamic test. */
final class AggregateChecks {
  private AggregateChecks() {}

  static Stream<DynamicNode> of(FunctionProviderTck tck, AggregateFunction f) {
    List<DynamicNode> tests = new ArrayList<>();
    for (int argc : ScalarChecks.argumentCounts(f)) {
      List<Value> args = tck.sampleArguments(f, argc);
      List<List<Value>> three = Collections.nCopies(3, args);
      tests.add(dynamicTest("direct: an empty group finishes", () -> direct(f, List.of())));
      tests.add(dynamicTest("direct: three rows of " + args, () -> direct(f, three)));
      tests.add(dynamicTest("SQL over zero rows gives one row", () -> sql(f, argc, List.of())));
      tests.add(dynamicTest("SQL over three rows of " + args, () -> sql(f, argc, three)));
      if (f.isWindowCapable()) {
        tests.add(dynamicTest("window: inverse undoes a step", () -> inverse(f, args)));
      }
    }
    tests.addAll(ScalarChecks.wrongCounts(tck, f));
    return tests.stream();
  }

  /** Folds {@code rows} with a fresh accumulator; the result, or null after a SqlException. */
  static Value fold(AggregateFunction f, List<List<Value>> rows) {
    return directErrorsOnly(f.name() + " over " + rows, () -> {
      Accumulator acc = f.newAccumulator(TckContext.create());
      for (List<Value> row : rows) {
        acc.step(argumentsOf(row));
      }
      return acc.finish();
    });
  }

  private static void direct(AggregateFunction f, List<List<Value>> rows) {
    fold(f, rows);
  }

  /** The aggregate over a table holding {@code rows}; null after an error a function may raise. */
  static Value sql(AggregateFunction f, int argc, List<List<Value>> rows) {
    String select = "SELECT " + callOnColumns(f.name(), argc) + " FROM t";
    Value[] out = new Value[1];
    withConnection(c -> {
      fill(c, Math.max(argc, 1), rows);
      List<List<Value>> result = sqlErrorsOnly(select, () -> rows(c, select, List.of()));
      if (result != null) {
        assertEquals(1, result.size(), () -> "rows of " + select + " over " + rows.size());
        out[0] = result.get(0).get(0);
      }
    });
    return out[0];
  }

  /** Creates table t(c0, c1, ...) and inserts {@code rows} in order. */
  private static void fill(Connection c, int columns, List<List<Value>> rows) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      names.add("c" + i);
    }
    update(c, "CREATE TABLE t(" + String.join(", ", names) + ")", List.of());
    String insert = "INSERT INTO t VALUES (" + String.join(", ", Collections.nCopies(columns, "?"))
        + ")";
    for (List<Value> row : rows) {
      List<Value> padded = new ArrayList<>(row);
      while (padded.size() < columns) {
        padded.add(Value.NULL);
      }
      update(c, insert, padded);
    }
  }

  /** step(a), step(a), inverse(a) leaves the value that step(a) alone gave. */
  private static void inverse(AggregateFunction f, List<Value> args) {
    Accumulator once = f.newAccumulator(TckContext.create());
    Accumulator back = f.newAccumulator(TckContext.create());
    Value expected = directErrorsOnly(f.name(), () -> {
      once.step(argumentsOf(args));
      return once.value();
    });
    Value actual = directErrorsOnly(f.name(), () -> {
      back.step(argumentsOf(args));
      back.step(argumentsOf(args));
      back.inverse(argumentsOf(args));
      return back.value();
    });
    assertEquals(expected, actual, () -> f.name() + " after step, step, inverse of " + args);
  }
}
