package dev.pagoda.tck;

import static dev.pagoda.tck.ScalarChecks.argumentsOf;
import static dev.pagoda.tck.TckSql.nulls;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pagoda.spi.Arity;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.TableFunction;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * The checks on one table-valued function, called directly: a scan opens, moves and reads its
 * columns raising nothing but {@link SqlException}.
 */
final class TableChecks {
  /** Rows read at most from one scan. */
  private static final int MAX_ROWS = 1000;

  private TableChecks() {}

  static Stream<DynamicNode> of(FunctionProviderTck tck, TableFunction t) {
    Arity a = t.arity();
    List<Integer> counts = new ArrayList<>(List.of(a.min()));
    int max = a.isVariadic() ? a.min() + 1 : a.max();
    if (max != a.min()) {
      counts.add(max);
    }
    List<DynamicNode> tests = new ArrayList<>();
    for (int argc : counts) {
      List<Value> args = tck.sampleArguments(t, argc);
      tests.add(dynamicTest("scan with " + argc + " NULL arguments", () -> scan(t, nulls(argc))));
      tests.add(dynamicTest("scan with " + args, () -> scan(t, args)));
    }
    return tests.stream();
  }

  private static void scan(TableFunction t, List<Value> args) {
    try {
      TableFunction.Cursor cursor = t.open(TckContext.create(), argumentsOf(args));
      assertNotNull(cursor, () -> t.name() + ".open returned null");
      for (int row = 0; row < MAX_ROWS && cursor.next(); row++) {
        for (int col = 0; col < t.columns().size(); col++) {
          int at = col;
          assertNotNull(cursor.column(col), () -> t.name() + " column " + at + " is Java null");
        }
      }
    } catch (SqlException e) {
      // allowed: the SQL caller sees its message
    } catch (RuntimeException e) {
      throw new AssertionError(t.name() + args + " threw " + e
          + "; a table-valued function may throw only SqlException", e);
    }
  }
}
