package dev.pagoda.parser;

import static dev.pagoda.parser.Ast.col;
import static dev.pagoda.parser.Ast.expr;
import static dev.pagoda.parser.Ast.num;
import static dev.pagoda.parser.Ast.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.ast.BinaryOp;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.parser.ast.NamedWindow;
import dev.pagoda.parser.ast.NullsOrder;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.Over;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.SortOrder;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.WindowDefinition;
import dev.pagoda.parser.ast.WindowFrame;
import dev.pagoda.parser.ast.WindowFrame.Bound;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window functions, FILTER, OVER and the WINDOW clause: AST shape, printing, SQLite's verdicts. */
class WindowParserTest {
  private static FunctionCall call(String sql) {
    return (FunctionCall) expr(sql);
  }

  @Test
  void over_emptyDefinition() {
    FunctionCall f = call("row_number() OVER ()");
    assertEquals(Over.of(WindowDefinition.EMPTY), f.over());
    assertNull(f.filter());
    assertTrue(f.isWindowCall());
  }

  @Test
  void over_windowName_differsFromBaseInParentheses() {
    assertEquals(Over.named("w"), call("sum(a) OVER w").over());
    assertEquals(Over.of(new WindowDefinition("w", List.of(), List.of(), null)),
        call("sum(a) OVER (w)").over());
    assertEquals(Over.named("my w"), call("sum(a) OVER \"my w\"").over());
    assertEquals(Over.named("left"), call("sum(a) OVER left").over());
  }

  @Test
  void over_partitionOrderAndFrame() {
    WindowDefinition w = call("sum(a) OVER (w PARTITION BY a, b ORDER BY c DESC NULLS FIRST"
        + " ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW)").over()
        .definition();
    assertEquals("w", w.base());
    assertEquals(List.of(col("a"), col("b")), w.partitionBy());
    assertEquals(List.of(new OrderingTerm(col("c"), SortOrder.DESC, NullsOrder.FIRST)),
        w.orderBy());
    assertEquals(new WindowFrame(WindowFrame.Unit.ROWS, Bound.preceding(num(2)),
        Bound.UNBOUNDED_FOLLOWING, WindowFrame.Exclude.CURRENT_ROW), w.frame());
  }

  @Test
  void frame_singleBound_meansBetweenItAndCurrentRow() {
    assertEquals(new WindowFrame(WindowFrame.Unit.GROUPS, Bound.UNBOUNDED_PRECEDING,
        Bound.CURRENT_ROW, null), call("f() OVER (GROUPS UNBOUNDED PRECEDING)").over()
        .definition().frame());
    assertEquals(call("f() OVER (RANGE 3 PRECEDING)"),
        call("f() OVER (RANGE BETWEEN 3 PRECEDING AND CURRENT ROW)"));
  }

  @Test
  void frame_offsetsAreExpressions_excludeForms() {
    WindowFrame f = call("f() OVER (ORDER BY a RANGE BETWEEN 1 + 1 PRECEDING AND ?1 FOLLOWING"
        + " EXCLUDE NO OTHERS)").over().definition().frame();
    assertEquals(Bound.preceding(Ast.bin(BinaryOp.ADD, num(1), num(1))), f.start());
    assertEquals(Bound.following(new dev.pagoda.parser.ast.Parameter(1, "?1")), f.end());
    assertEquals(WindowFrame.Exclude.NO_OTHERS, f.exclude());
    assertEquals(WindowFrame.Exclude.GROUP,
        call("f() OVER (ROWS 1 PRECEDING EXCLUDE GROUP)").over().definition().frame().exclude());
    assertEquals(WindowFrame.Exclude.TIES,
        call("f() OVER (ROWS 1 PRECEDING EXCLUDE TIES)").over().definition().frame().exclude());
  }

  @Test
  void filter_withAndWithoutOver() {
    FunctionCall f = call("count(*) FILTER (WHERE a > 1)");
    assertEquals(Ast.bin(BinaryOp.GT, col("a"), num(1)), f.filter());
    assertNull(f.over());
    assertTrue(f.star());
    FunctionCall g = call("sum(a) FILTER (WHERE a) OVER w");
    assertEquals(col("a"), g.filter());
    assertEquals(Over.named("w"), g.over());
    assertEquals(new FunctionCall("count", true, List.of(col("a")), false, List.of(),
        col("a"), null), call("count(DISTINCT a) FILTER (WHERE a)"));
  }

  @Test
  void windowCall_isPrimary_bindsBeforeOperators() {
    Expr e = expr("sum(a) OVER () + 1");
    assertEquals(Ast.bin(BinaryOp.ADD, call("sum(a) OVER ()"), num(1)), e);
  }

  @Test
  void windowClause_afterHaving_perCompoundCore() {
    Select s = select("SELECT sum(a) OVER w FROM t GROUP BY a HAVING 1 WINDOW w AS (PARTITION BY"
        + " b), v AS (w ORDER BY a) UNION SELECT 2 FROM t WINDOW x AS () ORDER BY 1");
    assertEquals(List.of(
        new NamedWindow("w", new WindowDefinition(null, List.of(col("b")), List.of(), null)),
        new NamedWindow("v", new WindowDefinition("w", List.of(),
            List.of(OrderingTerm.of(col("a"))), null))), s.windows());
    assertEquals(List.of(new NamedWindow("x", WindowDefinition.EMPTY)),
        s.compounds().get(0).select().windows());
    assertEquals(1, s.orderBy().size());
  }

  @Test
  void contextualKeywords_areNamesElsewhere() {
    assertEquals(new ResultColumn.ExprColumn(call("sum(a)"), "over"),
        select("SELECT sum(a) over FROM t").columns().get(0));
    assertEquals("window", ((dev.pagoda.parser.ast.TableRef) select("SELECT 1 FROM t window")
        .from()).alias());
    assertEquals(List.of(), select("SELECT 1 FROM t window").windows());
    assertEquals(col("filter"), expr("filter"));
    assertEquals(FunctionCall.of("over", col("a")), expr("over(a)"));
    assertEquals(col("window"), Ast.firstColumn("SELECT window FROM t"));
  }

  // ---- printing

  static final String[] ROUND_TRIPS = {
    "SELECT sum(a) OVER () FROM t",
    "SELECT sum(a) OVER w, avg(b) OVER (w ORDER BY b) FROM t WINDOW w AS (PARTITION BY a)",
    "SELECT rank() OVER (PARTITION BY a, b ORDER BY c DESC NULLS LAST ROWS BETWEEN UNBOUNDED"
        + " PRECEDING AND CURRENT ROW EXCLUDE TIES) FROM t",
    "SELECT f() OVER (RANGE 2 PRECEDING), g() OVER (GROUPS BETWEEN CURRENT ROW AND 1 + 1"
        + " FOLLOWING EXCLUDE NO OTHERS) FROM t",
    "SELECT count(*) FILTER (WHERE a > 1), sum(a) FILTER (WHERE b) OVER \"my w\" FROM t"
        + " WINDOW \"my w\" AS ()",
    "SELECT sum(a) OVER (\"rows\") FROM t WINDOW \"rows\" AS (ORDER BY a)",
    "SELECT sum(a) OVER (unbounded ORDER BY a) FROM t WINDOW unbounded AS ()",
    "SELECT 1 FROM t WINDOW a AS (), b AS (a) UNION ALL SELECT 2 WINDOW c AS (ROWS 1 PRECEDING)",
    "SELECT group_concat(a ORDER BY b) FILTER (WHERE a) FROM t",
    "SELECT a FROM t WHERE a IN (SELECT max(b) OVER (ORDER BY b) FROM t) ORDER BY sum(a) OVER ()",
    "SELECT sum(a) over FROM t AS window",
  };

  @Test
  void print_windowStatements_roundTrip() {
    for (String sql : ROUND_TRIPS) {
      Statement s = Parser.parseFirst(sql).statement();
      String printed = SqlPrinter.print(s);
      assertEquals(s, Parser.parseFirst(printed).statement(), printed);
      Select bare = stripSpans((Select) s);
      String printedBare = SqlPrinter.print(bare);
      assertEquals(bare, stripSpans((Select) Parser.parseFirst(printedBare).statement()),
          printedBare);
    }
  }

  /** The same SELECT with its column spans dropped, so that expressions get printed. */
  private static Select stripSpans(Select s) {
    List<ResultColumn> columns = s.columns().stream()
        .map(c -> c instanceof ResultColumn.ExprColumn e
            ? (ResultColumn) new ResultColumn.ExprColumn(e.expr(), e.alias(), null) : c)
        .toList();
    return new Select(s.distinct(), columns, s.from(), s.where(), s.groupBy(), s.having(),
        s.windows(), s.orderBy(), s.limit(), s.offset(), s.values(), s.compounds(), s.with());
  }

  @Test
  void print_canonicalWindowText() {
    assertEquals("sum(a) FILTER (WHERE b) OVER (PARTITION BY c ORDER BY d ROWS BETWEEN 1"
        + " PRECEDING AND CURRENT ROW)",
        SqlPrinter.print(expr("sum(a) filter(where b) over(partition by c order by d rows 1"
            + " preceding)")));
    assertEquals("f() OVER w", SqlPrinter.print(expr("f() over w")));
    assertEquals("SELECT 1 FROM t WINDOW w AS (ORDER BY a), v AS (w)",
        SqlPrinter.print(select("select 1 from t window w as (order by a), v as (w)")));
  }
}
