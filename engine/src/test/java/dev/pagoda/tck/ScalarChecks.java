package dev.pagoda.tck;

import static dev.pagoda.tck.TckSql.assertSqlError;
import static dev.pagoda.tck.TckSql.call;
import static dev.pagoda.tck.TckSql.directErrorsOnly;
import static dev.pagoda.tck.TckSql.nulls;
import static dev.pagoda.tck.TckSql.row;
import static dev.pagoda.tck.TckSql.sqlErrorsOnly;
import static dev.pagoda.tck.TckSql.value;
import static dev.pagoda.tck.TckSql.withConnection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlFunction;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/** The checks on one scalar function, each its own dynamic test. */
final class ScalarChecks {
  private ScalarChecks() {}

  static Stream<DynamicNode> of(FunctionProviderTck tck, ScalarFunction f) {
    List<DynamicNode> tests = new ArrayList<>();
    boolean bySql = tck.callableByName(f);
    for (int argc : argumentCounts(f)) {
      List<Value> args = tck.sampleArguments(f, argc);
      tests.add(dynamicTest("direct call with " + argc + " NULL arguments",
          () -> direct(f, nulls(argc))));
      tests.add(dynamicTest("direct call with " + args, () -> direct(f, args)));
      if (!bySql) {
        continue;
      }
      tests.add(dynamicTest("SQL call with " + argc + " NULL arguments",
          () -> sql(f, nulls(argc))));
      tests.add(dynamicTest("SQL call with " + args, () -> sql(f, args)));
      if (f.isDeterministic()) {
        tests.add(dynamicTest("deterministic: " + args + " twice gives one result",
            () -> deterministic(f, args)));
      }
    }
    if (bySql) {
      tests.addAll(wrongCounts(tck, f));
    }
    return tests.stream();
  }

  /** The counts to call with: the least, the most (or two more when variadic). */
  static List<Integer> argumentCounts(SqlFunction f) {
    int min = f.arity().min();
    int max = f.arity().isVariadic() ? Math.min(min + 2, Declarations.MAX_ARGS) : f.arity().max();
    return max == min ? List.of(min) : List.of(min, max);
  }

  /** One too few and one too many, where no function of the same name takes that many. */
  static List<DynamicNode> wrongCounts(FunctionProviderTck tck, SqlFunction f) {
    List<DynamicNode> tests = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    if (f.arity().min() > 0) {
      counts.add(f.arity().min() - 1);
    }
    if (!f.arity().isVariadic()) {
      counts.add(f.arity().max() + 1);
    }
    for (int argc : counts) {
      if (tck.acceptsElsewhere(f, argc)) {
        continue;
      }
      String message = "wrong number of arguments to function " + f.name() + "()";
      tests.add(dynamicTest("SQL call with " + argc + " arguments fails: " + message,
          () -> withConnection(c ->
              assertSqlError(c, message, "SELECT " + call(f.name(), argc), nulls(argc)))));
    }
    return tests;
  }

  private static void direct(ScalarFunction f, List<Value> args) {
    directErrorsOnly(f.name() + args, () -> TckContext.call(TckContext.create(), f, argumentsOf(args)));
  }

  private static void sql(ScalarFunction f, List<Value> args) {
    String sql = "SELECT " + call(f.name(), args.size());
    withConnection(c -> sqlErrorsOnly(sql + " with " + args, () -> value(c, sql, args)));
  }

  /** Two direct calls, and two calls in one SQL row, give equal values (or both fail). */
  private static void deterministic(ScalarFunction f, List<Value> args) {
    Value first = directErrorsOnly(f.name(), () -> TckContext.call(TckContext.create(), f, argumentsOf(args)));
    Value second = directErrorsOnly(f.name(), () -> TckContext.call(TckContext.create(), f, argumentsOf(args)));
    assertEquals(first, second, () -> "direct calls of " + f.name() + args);
    String sql = "SELECT " + call(f.name(), args.size()) + ", " + call(f.name(), args.size());
    List<Value> params = new ArrayList<>(args);
    params.addAll(args);
    withConnection(c -> {
      List<Value> both = sqlErrorsOnly(sql, () -> row(c, sql, params));
      if (both != null) {
        assertEquals(both.get(0), both.get(1), () -> sql + " with " + args);
      }
    });
  }

  static Arguments argumentsOf(List<Value> args) {
    return Arguments.of(args.toArray(new Value[0]));
  }
}
