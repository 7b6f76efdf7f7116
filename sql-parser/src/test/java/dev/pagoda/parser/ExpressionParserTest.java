package dev.pagoda.parser;

import static dev.pagoda.parser.Ast.bin;
import static dev.pagoda.parser.Ast.col;
import static dev.pagoda.parser.Ast.expr;
import static dev.pagoda.parser.Ast.num;
import static dev.pagoda.parser.Ast.real;
import static dev.pagoda.parser.Ast.str;
import static dev.pagoda.parser.Ast.un;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.ast.Between;
import dev.pagoda.parser.ast.BinaryOp;
import dev.pagoda.parser.ast.Case;
import dev.pagoda.parser.ast.Cast;
import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.Exists;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.parser.ast.InList;
import dev.pagoda.parser.ast.InSelect;
import dev.pagoda.parser.ast.InTable;
import dev.pagoda.parser.ast.IsNull;
import dev.pagoda.parser.ast.Like;
import dev.pagoda.parser.ast.LikeOp;
import dev.pagoda.parser.ast.Literal;
import dev.pagoda.parser.ast.LiteralKind;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.Parameter;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Raise;
import dev.pagoda.parser.ast.RaiseAction;
import dev.pagoda.parser.ast.RowValue;
import dev.pagoda.parser.ast.SortOrder;
import dev.pagoda.parser.ast.Subquery;
import dev.pagoda.parser.ast.TypeName;
import dev.pagoda.parser.ast.UnaryOp;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {
  // ---- literals

  @Test
  void parse_literals_keepKindAndText() {
    assertEquals(Literal.NULL, expr("null"));
    assertEquals(num(42), expr("42"));
    assertEquals(new Literal(LiteralKind.INTEGER, "0x1F"), expr("0x1F"));
    assertEquals(real("1.5"), expr("1.5"));
    assertEquals(real(".5"), expr(".5"));
    assertEquals(real("1e10"), expr("1e10"));
    assertEquals(str("it's"), expr("'it''s'"));
    assertEquals(new Literal(LiteralKind.BLOB, "AB01"), expr("x'AB01'"));
    assertEquals(new Literal(LiteralKind.CURRENT_TIMESTAMP, "CURRENT_TIMESTAMP"),
        expr("current_timestamp"));
    assertEquals(new Literal(LiteralKind.CURRENT_DATE, "CURRENT_DATE"), expr("CURRENT_DATE"));
    assertEquals(new Literal(LiteralKind.CURRENT_TIME, "CURRENT_TIME"), expr("Current_Time"));
  }

  @Test
  void parse_digitSeparators_areRemoved() {
    assertEquals(num(1000000), expr("1_000_000"));
    assertEquals(real("1000.5"), expr("1_000.5"));
    assertEquals(new Literal(LiteralKind.INTEGER, "0xABCD"), expr("0xAB_CD"));
  }

  @Test
  void literal_integerValue_handlesHexAndOverflow() {
    assertEquals(OptionalLong.of(31), ((Literal) expr("0x1F")).integerValue());
    assertEquals(OptionalLong.of(-1), ((Literal) expr("0xFFFFFFFFFFFFFFFF")).integerValue());
    assertEquals(OptionalLong.of(255), ((Literal) expr("0x00000000000000000FF")).integerValue());
    assertEquals(OptionalLong.empty(), ((Literal) expr("0x1FFFFFFFFFFFFFFFF")).integerValue());
    assertEquals(OptionalLong.of(Long.MAX_VALUE),
        ((Literal) expr("9223372036854775807")).integerValue());
    Literal big = (Literal) expr("9223372036854775808");
    assertEquals(LiteralKind.INTEGER, big.kind());
    assertEquals("9223372036854775808", big.text());
    assertEquals(OptionalLong.empty(), big.integerValue());
    assertEquals(OptionalLong.of(Long.MIN_VALUE), big.negatedIntegerValue());
    assertEquals(OptionalLong.empty(), ((Literal) expr("99999999999999999999")).integerValue());
  }

  @Test
  void parse_trueFalse_areIdentifiersForTheResolver() {
    assertEquals(col("true"), expr("true"));
    assertEquals(col("FALSE"), expr("FALSE"));
  }

  // ---- names and parameters

  @Test
  void parse_columnRefs_oneTwoThreeParts() {
    assertEquals(col("a"), expr("a"));
    assertEquals(new ColumnRef(null, "t", "a"), expr("t.a"));
    assertEquals(new ColumnRef("main", "t", "a"), expr("main.t.a"));
    assertEquals(new ColumnRef(null, "my t", "a b", true), expr("[my t].\"a b\""));
    assertEquals(new ColumnRef(null, "t", "a"), expr("'t'.a"));
  }

  @Test
  void parse_doubleQuotedColumn_isMarked() {
    assertEquals(new ColumnRef(null, null, "x", true), expr("\"x\""));
    assertEquals(new ColumnRef(null, null, "x", false), expr("`x`"));
    assertEquals(new ColumnRef(null, null, "x", false), expr("[x]"));
  }

  @Test
  void parse_parameters_numberedAsSqlite() {
    ParsedStatement ps = Parser.parseFirst("SELECT ?, ?5, ?, :a, :a, @b, ?2");
    List<Object> params = ((dev.pagoda.parser.ast.Select) ps.statement()).columns().stream()
        .map(c -> (Object) ((dev.pagoda.parser.ast.ResultColumn.ExprColumn) c).expr())
        .toList();
    assertEquals(
        List.of(new Parameter(1, null), new Parameter(5, "?5"), new Parameter(6, null),
            new Parameter(7, ":a"), new Parameter(7, ":a"), new Parameter(8, "@b"),
            new Parameter(2, "?2")),
        params);
    assertEquals(8, ps.parameterCount());
    assertEquals(Map.of(5, "?5", 7, ":a", 8, "@b", 2, "?2"), ps.parameterNames());
  }

  @Test
  void parse_parameterNumbering_restartsPerStatement() {
    List<ParsedStatement> all = Parser.parseAll("SELECT ?, ?; SELECT :x");
    assertEquals(2, all.get(0).parameterCount());
    assertEquals(1, all.get(1).parameterCount());
    assertEquals(Map.of(1, ":x"), all.get(1).parameterNames());
  }

  @Test
  void parse_namedAfterNumbered_takesNextIndex() {
    ParsedStatement ps = Parser.parseFirst("SELECT :a, ?1, $b");
    assertEquals(2, ps.parameterCount());
    assertEquals(Map.of(1, ":a", 2, "$b"), ps.parameterNames());
  }

  // ---- precedence

  @Test
  void precedence_multiplicationBeforeAddition() {
    assertEquals(bin(BinaryOp.ADD, num(1), bin(BinaryOp.MULTIPLY, num(2), num(3))), expr("1+2*3"));
    assertEquals(bin(BinaryOp.MULTIPLY, bin(BinaryOp.ADD, num(1), num(2)), num(3)),
        expr("(1+2)*3"));
  }

  @Test
  void precedence_andBeforeOr() {
    assertEquals(bin(BinaryOp.OR, col("a"), bin(BinaryOp.AND, col("b"), col("c"))),
        expr("a OR b AND c"));
  }

  @Test
  void precedence_notBelowComparison() {
    assertEquals(un(UnaryOp.NOT, bin(BinaryOp.EQ, col("a"), col("b"))), expr("NOT a = b"));
    assertEquals(bin(BinaryOp.AND, un(UnaryOp.NOT, col("a")), col("b")), expr("NOT a AND b"));
  }

  @Test
  void precedence_isNullAfterEquality_leftAssociative() {
    assertEquals(new IsNull(bin(BinaryOp.EQ, col("a"), col("b")), false), expr("a = b IS NULL"));
  }

  @Test
  void precedence_leftAssociative() {
    assertEquals(bin(BinaryOp.SUBTRACT, bin(BinaryOp.SUBTRACT, num(1), num(2)), num(3)),
        expr("1 - 2 - 3"));
    assertEquals(bin(BinaryOp.CONCAT, bin(BinaryOp.CONCAT, col("a"), col("b")), col("c")),
        expr("a || b || c"));
  }

  @Test
  void precedence_fullLadder() {
    // OR < AND < NOT < = < < < & < + < * < || < COLLATE < unary
    assertEquals(
        bin(BinaryOp.OR, col("a"), bin(BinaryOp.AND, col("b"), un(UnaryOp.NOT,
            bin(BinaryOp.EQ, col("c"), bin(BinaryOp.LT, col("d"), bin(BinaryOp.BIT_AND, col("e"),
                bin(BinaryOp.ADD, col("f"), bin(BinaryOp.MULTIPLY, col("g"),
                    bin(BinaryOp.CONCAT, col("h"), new Collate(un(UnaryOp.NEGATE, col("i")),
                        "x")))))))))),
        expr("a OR b AND NOT c = d < e & f + g * h || -i COLLATE x"));
  }

  @Test
  void precedence_comparisonAboveEquality() {
    assertEquals(bin(BinaryOp.EQ, bin(BinaryOp.LT, col("a"), col("b")), bin(BinaryOp.GT,
        col("c"), col("d"))), expr("a < b = c > d"));
  }

  @Test
  void precedence_unaryBindsTighterThanCollateAndConcat() {
    assertEquals(new Collate(un(UnaryOp.NEGATE, col("a")), "nocase"), expr("-a COLLATE nocase"));
    assertEquals(bin(BinaryOp.CONCAT, un(UnaryOp.BIT_NOT, col("a")), col("b")), expr("~a || b"));
    assertEquals(un(UnaryOp.NEGATE, un(UnaryOp.NEGATE, num(1))), expr("- -1"));
  }

  @Test
  void precedence_jsonArrows_atConcatLevel() {
    assertEquals(bin(BinaryOp.JSON_EXTRACT_VALUE, bin(BinaryOp.JSON_EXTRACT, col("a"),
        str("$.b")), str("c")), expr("a -> '$.b' ->> 'c'"));
    assertEquals(bin(BinaryOp.ADD, col("x"), bin(BinaryOp.JSON_EXTRACT, col("a"), str("b"))),
        expr("x + a -> 'b'"));
  }

  @Test
  void precedence_notInsideOperand_parsesAsSqlite() {
    assertEquals(bin(BinaryOp.EQ, col("a"), un(UnaryOp.NOT, bin(BinaryOp.EQ, col("b"),
        col("c")))), expr("a = NOT b = c"));
    assertEquals(un(UnaryOp.NOT, new IsNull(col("a"), true)), expr("NOT a NOT NULL"));
  }

  @Test
  void precedence_prefixChains_notTakesComparisonsMinusTakesOperand() {
    assertEquals(un(UnaryOp.NOT, bin(BinaryOp.EQ, un(UnaryOp.NEGATE, col("a")), col("b"))),
        expr("NOT - a = b"));
    assertEquals(un(UnaryOp.NEGATE, un(UnaryOp.NOT, bin(BinaryOp.EQ, col("a"), col("b")))),
        expr("- NOT a = b"));
    assertEquals(bin(BinaryOp.AND, un(UnaryOp.NOT, un(UnaryOp.NOT, col("a"))), col("b")),
        expr("NOT NOT a AND b"));
    assertEquals(bin(BinaryOp.ADD, un(UnaryOp.BIT_NOT, un(UnaryOp.PLUS, un(UnaryOp.NEGATE,
        col("a")))), num(1)), expr("~ + - a + 1"));
  }

  @Test
  void parse_equalityOperatorSpellings() {
    assertEquals(bin(BinaryOp.EQ, col("a"), num(1)), expr("a == 1"));
    assertEquals(bin(BinaryOp.NE, col("a"), num(1)), expr("a <> 1"));
    assertEquals(bin(BinaryOp.NE, col("a"), num(1)), expr("a != 1"));
    assertEquals(bin(BinaryOp.LSHIFT, col("a"), num(1)), expr("a << 1"));
    assertEquals(bin(BinaryOp.RSHIFT, col("a"), num(1)), expr("a >> 1"));
    assertEquals(bin(BinaryOp.BIT_OR, col("a"), num(1)), expr("a | 1"));
    assertEquals(bin(BinaryOp.REMAINDER, col("a"), num(1)), expr("a % 1"));
    assertEquals(bin(BinaryOp.DIVIDE, col("a"), num(1)), expr("a / 1"));
  }

  // ---- IS, NULL tests

  @Test
  void parse_isForms() {
    assertEquals(new IsNull(col("a"), false), expr("a IS NULL"));
    assertEquals(new IsNull(col("a"), true), expr("a IS NOT NULL"));
    assertEquals(new IsNull(col("a"), false), expr("a ISNULL"));
    assertEquals(new IsNull(col("a"), true), expr("a NOTNULL"));
    assertEquals(new IsNull(col("a"), true), expr("a NOT NULL"));
    assertEquals(new IsNull(col("a"), false), expr("a IS (NULL)"));
    assertEquals(bin(BinaryOp.IS, col("a"), col("b")), expr("a IS b"));
    assertEquals(bin(BinaryOp.IS_NOT, col("a"), col("b")), expr("a IS NOT b"));
    assertEquals(bin(BinaryOp.IS_NOT, col("a"), col("b")), expr("a IS DISTINCT FROM b"));
    assertEquals(bin(BinaryOp.IS, col("a"), col("b")), expr("a IS NOT DISTINCT FROM b"));
    assertEquals(new IsNull(col("a"), true), expr("a IS DISTINCT FROM NULL"));
  }

  // ---- BETWEEN, IN, LIKE

  @Test
  void parse_between_andNotBetween() {
    assertEquals(new Between(col("a"), false, num(1), num(2)), expr("a BETWEEN 1 AND 2"));
    assertEquals(new Between(col("a"), true, num(1), num(2)), expr("a NOT BETWEEN 1 AND 2"));
    assertEquals(bin(BinaryOp.AND, new Between(col("a"), false, num(1), num(2)), col("b")),
        expr("a BETWEEN 1 AND 2 AND b"));
    assertEquals(new Between(col("a"), false, bin(BinaryOp.ADD, num(1), num(1)),
        bin(BinaryOp.MULTIPLY, num(2), num(2))), expr("a BETWEEN 1+1 AND 2*2"));
  }

  @Test
  void parse_betweenLowerBound_takesComparisons() {
    assertEquals(new Between(col("a"), false, bin(BinaryOp.EQ, col("b"), col("c")), col("d")),
        expr("a BETWEEN b = c AND d"));
  }

  @Test
  void parse_inForms() {
    assertEquals(new InList(col("a"), false, List.of(num(1), num(2))), expr("a IN (1, 2)"));
    assertEquals(new InList(col("a"), true, List.of()), expr("a NOT IN ()"));
    assertTrue(expr("a IN (SELECT b FROM t)") instanceof InSelect);
    assertTrue(expr("a IN (VALUES (1))") instanceof InSelect);
    assertEquals(new InTable(col("a"), false, new QualifiedName("main", "t"), List.of()),
        expr("a IN main.t"));
    assertEquals(new InTable(col("a"), true, QualifiedName.of("f"), List.of(num(1))),
        expr("a NOT IN f(1)"));
  }

  @Test
  void parse_likeForms_withEscape() {
    assertEquals(new Like(col("a"), LikeOp.LIKE, false, str("x%"), null), expr("a LIKE 'x%'"));
    assertEquals(new Like(col("a"), LikeOp.LIKE, true, str("x%"), str("\\")),
        expr("a NOT LIKE 'x%' ESCAPE '\\'"));
    assertEquals(new Like(col("a"), LikeOp.GLOB, false, str("*"), null), expr("a GLOB '*'"));
    assertEquals(new Like(col("a"), LikeOp.REGEXP, true, str("x"), null),
        expr("a NOT REGEXP 'x'"));
    assertEquals(new Like(col("a"), LikeOp.MATCH, false, str("x"), null), expr("a MATCH 'x'"));
    assertEquals(new Like(col("a"), LikeOp.LIKE, false, bin(BinaryOp.LT, col("b"), col("c")),
        null), expr("a LIKE b < c"));
  }

  // ---- other primaries

  @Test
  void parse_case_withAndWithoutOperand() {
    assertEquals(new Case(col("a"), List.of(new Case.When(num(1), str("one"))), str("other")),
        expr("CASE a WHEN 1 THEN 'one' ELSE 'other' END"));
    assertEquals(new Case(null, List.of(new Case.When(col("x"), num(1)),
        new Case.When(col("y"), num(2))), null), expr("CASE WHEN x THEN 1 WHEN y THEN 2 END"));
  }

  @Test
  void parse_cast_keepsTypeText() {
    assertEquals(new Cast(col("a"), TypeName.of("INTEGER")), expr("CAST(a AS INTEGER)"));
    assertEquals(new Cast(col("a"), new TypeName("VARCHAR(10)", "VARCHAR", "10", null)),
        expr("CAST(a AS VARCHAR(10))"));
    assertEquals(new Cast(col("a"), null), expr("CAST(a AS)"));
  }

  @Test
  void parse_functionCalls() {
    assertEquals(FunctionCall.of("f", col("a"), num(1)), expr("f(a, 1)"));
    assertEquals(FunctionCall.of("now"), expr("now()"));
    assertEquals(FunctionCall.star("count"), expr("count(*)"));
    assertEquals(new FunctionCall("count", true, List.of(col("x")), false, List.of()),
        expr("count(DISTINCT x)"));
    assertEquals(FunctionCall.of("max", col("x")), expr("max(ALL x)"));
    assertEquals(new FunctionCall("group_concat", false, List.of(col("x")), false,
        List.of(new OrderingTerm(col("y"), SortOrder.DESC, null))),
        expr("group_concat(x ORDER BY y DESC)"));
    assertEquals(FunctionCall.of("replace", col("a"), str("x"), str("y")),
        expr("replace(a, 'x', 'y')"));
    assertEquals(FunctionCall.of("like", col("a"), col("b")), expr("like(a, b)"));
    assertEquals(FunctionCall.of("left", col("a")), expr("left(a)"));
  }

  @Test
  void parse_subqueryExistsRowValueRaise() {
    assertTrue(expr("(SELECT 1)") instanceof Subquery);
    assertTrue(expr("EXISTS (SELECT 1)") instanceof Exists);
    assertEquals(un(UnaryOp.NOT, new Exists(Ast.select("SELECT 1"))), expr("NOT EXISTS (SELECT 1)"));
    assertEquals(new RowValue(List.of(num(1), num(2))), expr("(1, 2)"));
    assertEquals(new Raise(RaiseAction.IGNORE, null), expr("RAISE(IGNORE)"));
    assertEquals(new Raise(RaiseAction.ABORT, str("no")), expr("raise(abort, 'no')"));
  }

  @Test
  void parse_parentheses_leaveNoNode() {
    assertEquals(col("a"), expr("((a))"));
  }

  @Test
  void parseExpression_rejectsTrailingTokens() {
    assertEquals("near \"b\": syntax error", errorOf("a b"));
    assertEquals("near \";\": syntax error", errorOf("1;"));
    assertEquals("incomplete input", errorOf("1 +"));
  }

  @Test
  void parse_collate_dequotesName() {
    assertEquals(new Collate(col("a"), "nocase"), expr("a COLLATE \"nocase\""));
    assertEquals(new Collate(col("a"), "rtrim"), expr("a COLLATE 'rtrim'"));
    assertFalse(expr("a COLLATE x") instanceof ColumnRef);
  }

  private static String errorOf(String sql) {
    try {
      Parser.parseExpression(sql);
    } catch (ParseException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error: " + sql);
  }
}
