package dev.pagoda.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.planner.plan.BinaryOp;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding of function calls, LIKE/GLOB, COLLATE and the comparison collation rule. */
class ExprBinderCallsTest {
  private static final String CREATE = "CREATE TABLE t(a TEXT COLLATE NOCASE, b TEXT, c)";
  private static final Scope SCOPE = Scope.ofTable(
      SchemaBuilder.fromCreateTable((CreateTable) Parser.parseFirst(CREATE).statement(),
          CREATE, 2), "t");

  private static BoundExpr bind(String expr) {
    return new ExprBinder(SCOPE).bind(Parser.parseExpression(expr));
  }

  private static String error(String expr) {
    return assertThrows(SqlException.class, () -> bind(expr)).getMessage();
  }

  @Test
  void scalarCall_bindsToFunctionWithLowerCaseName() {
    assertEquals(new BoundExpr.Function("abs", List.of(new BoundExpr.Constant(Value.of(1L)))),
        bind("ABS(1)"));
  }

  @Test
  void aggregateCalls_goThroughBindAggregate() {
    for (String e : List.of("count(*)", "sum(c)", "avg(c)", "total(c)", "group_concat(c)",
        "string_agg(c, ',')", "max(c)", "min(c)", "abs(c) FILTER (WHERE 1)")) {
      String name = e.substring(0, e.indexOf('('));
      assertEquals("misuse of aggregate function " + name + "()", error(e), e);
    }
    ExprBinder aggregates = new ExprBinder(SCOPE) {
      @Override
      BoundExpr bindAggregate(FunctionCall f) {
        return new BoundExpr.Constant(Value.of(f.name()));
      }
    };
    assertEquals(new BoundExpr.Constant(Value.of("count")),
        aggregates.bind(Parser.parseExpression("count(*)")));
    assertEquals("abs() may not be used as a window function", error("abs(c) OVER ()"));
    assertEquals("misuse of window function sum()", error("sum(c) OVER ()"));
    assertEquals("ORDER BY may not be used with non-aggregate abs()", error("abs(c ORDER BY c)"));
  }

  @Test
  void likeGlobRegexpMatch_bindOrFailAsSqlite() {
    BoundExpr like = bind("c NOT LIKE 'x%' ESCAPE '!'");
    assertEquals(new BoundExpr.Like(new BoundExpr.Column(2, Affinity.BLOB, "c"),
        new BoundExpr.Constant(Value.of("x%")), new BoundExpr.Constant(Value.of("!")), false,
        true), like);
    assertEquals(true, ((BoundExpr.Like) bind("c GLOB 'x*'")).glob());
    assertEquals("no such function: REGEXP", error("c REGEXP 'x'"));
    assertEquals("unable to use function MATCH in the requested context", error("c MATCH 'x'"));
  }

  @Test
  void comparisonCollation_followsSqlitesPrecedence() {
    assertEquals("NOCASE", collation("a = b"));
    assertEquals("BINARY", collation("b = a"));
    assertEquals("RTRIM", collation("b = a COLLATE RTRIM"));
    assertEquals("RTRIM", collation("a COLLATE RTRIM = b COLLATE NOCASE"));
    assertEquals("NOCASE", collation("'x' = a"));
    assertEquals(null, collation("'x' = 'y'"));
    assertEquals("NOCASE", collation("CAST(a AS TEXT) = 'x'"));
    assertEquals("NOCASE", ((BoundExpr.InList) bind("a IN ('x', 'y')")).compareCollation());
    assertEquals("NOCASE", bind("a").collation());
  }

  private static String collation(String expr) {
    BoundExpr.Binary b = (BoundExpr.Binary) bind(expr);
    assertEquals(BinaryOp.EQ, b.op());
    return b.compareCollation();
  }
}
