package dev.pagoda.tck;

import static dev.pagoda.tck.ScalarChecks.argumentsOf;
import static dev.pagoda.tck.TckSql.assertSqlError;
import static dev.pagoda.tck.TckSql.call;
import static dev.pagoda.tck.TckSql.rows;
import static dev.pagoda.tck.TckSql.value;
import static dev.pagoda.tck.TckSql.withConnection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.List;
import org.junit.jupiter.api.DynamicNode;

/** The checks of the samples a TCK subclass gives: expected results, directly and from SQL. */
final class SampleChecks {
  /** How many rows one statement calls a sample on, so auxiliary data is reused. */
  private static final int ROWS = 3;

  private SampleChecks() {}

  static DynamicNode scalar(FunctionProvider p, Sample s) {
    return dynamicTest(s.toString(), () -> {
      ScalarFunction f = find(p.scalarFunctions(), s.function(), s.args().size());
      direct(f, s);
      withConnection(c -> {
        String sql = "SELECT " + call(s.function(), s.args().size());
        if (s.error() != null) {
          assertSqlError(c, s.error(), sql, s.args());
          return;
        }
        assertEquals(s.expected(), value(c, sql, s.args()), () -> sql + " with " + s.args());
        String overRows = sql + " FROM (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3)";
        for (List<Value> row : rows(c, overRows, s.args())) {
          assertEquals(s.expected(), row.get(0), () -> overRows + " with " + s.args());
        }
      });
    });
  }

  /** Calls {@code f} ROWS times through one context, as one call site over several rows. */
  private static void direct(ScalarFunction f, Sample s) {
    dev.pagoda.spi.DetachedContext ctx = TckContext.create();
    for (int i = 0; i < ROWS; i++) {
      if (s.error() != null) {
        SqlException e = assertThrows(SqlException.class,
            () -> TckContext.call(ctx, f, argumentsOf(s.args())), () -> "direct call " + s);
        assertEquals(s.error(), e.getMessage(), () -> "direct call " + s);
      } else {
        int at = i;
        assertEquals(s.expected(), TckContext.call(ctx, f, argumentsOf(s.args())),
            () -> "direct call " + s + ", call " + (at + 1) + " through one context");
      }
    }
  }

  static DynamicNode aggregate(FunctionProvider p, AggregateSample s) {
    return dynamicTest(s.function() + " over " + s.rows() + " = " + s.expected(), () -> {
      AggregateFunction f = find(p.aggregateFunctions(), s.function(), s.argc(1));
      assertEquals(s.expected(), AggregateChecks.fold(f, s.rows()), "folded directly");
      assertEquals(s.expected(), AggregateChecks.sql(f, s.argc(f.arity().min()), s.rows()),
          "from SQL");
    });
  }

  private static <F extends dev.pagoda.spi.SqlFunction> F find(
      List<F> fs, String name, int argc) {
    for (F f : fs) {
      if (f.name().equalsIgnoreCase(name) && f.arity().accepts(argc)) {
        return f;
      }
    }
    throw new AssertionError("the sample names no function " + name + " taking " + argc);
  }
}
