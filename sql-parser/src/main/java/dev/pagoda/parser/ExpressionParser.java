package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.AND;
import static dev.pagoda.parser.TokenType.AS;
import static dev.pagoda.parser.TokenType.COMMA;
import static dev.pagoda.parser.TokenType.DOT;
import static dev.pagoda.parser.TokenType.LP;
import static dev.pagoda.parser.TokenType.RP;

import dev.pagoda.parser.ast.Between;
import dev.pagoda.parser.ast.Binary;
import dev.pagoda.parser.ast.BinaryOp;
import dev.pagoda.parser.ast.Case;
import dev.pagoda.parser.ast.Cast;
import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.Exists;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.parser.ast.InList;
import dev.pagoda.parser.ast.InSelect;
import dev.pagoda.parser.ast.InTable;
import dev.pagoda.parser.ast.IsNull;
import dev.pagoda.parser.ast.Like;
import dev.pagoda.parser.ast.LikeOp;
import dev.pagoda.parser.ast.Literal;
import dev.pagoda.parser.ast.LiteralKind;
import dev.pagoda.parser.ast.NullsOrder;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.Parameter;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Raise;
import dev.pagoda.parser.ast.RaiseAction;
import dev.pagoda.parser.ast.RowValue;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.SortOrder;
import dev.pagoda.parser.ast.Subquery;
import dev.pagoda.parser.ast.TypeName;
import dev.pagoda.parser.ast.Unary;
import dev.pagoda.parser.ast.UnaryOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions, by precedence climbing over SQLite's operator table ({@link Precedence}); the
 * results match what parse.y's LALR grammar builds, including its odd corners (e.g. the lower bound
 * of BETWEEN may hold an OR but no top-level AND). Subqueries come from {@link #select()}.
 */
abstract class ExpressionParser extends TokenCursor {
  ExpressionParser(String sql, int from) {
    super(sql, from);
  }

  /** A full SELECT, WITH included; implemented by the SELECT parser. */
  abstract Select select();

  /** Whether the current token starts a SELECT: {@code SELECT}, {@code VALUES} or {@code WITH}. */
  final boolean atSelect() {
    TokenType t = peek();
    return t == TokenType.SELECT || t == TokenType.VALUES || t == TokenType.WITH;
  }

  /** A full expression. */
  final Expr expr() {
    return binary(Precedence.OR);
  }

  /** An expression whose top-level operators all bind at least as tightly as {@code minPrec}. */
  final Expr binary(int minPrec) {
    return climb(unary(), minPrec, false);
  }

  /** Extends {@code left} with infix and postfix operators of at least {@code minPrec}. */
  private Expr climb(Expr left, int minPrec, boolean stopAtAnd) {
    for (;;) {
      TokenType t = peek();
      int prec = infixPrecedence(t);
      if (prec == Precedence.NONE || prec < minPrec || (stopAtAnd && t == AND)) {
        return left;
      }
      left = infix(left, t, prec);
    }
  }

  private static int infixPrecedence(TokenType t) {
    return switch (t) {
      case OR -> Precedence.OR;
      case AND -> Precedence.AND;
      case EQ, NE, IS, IN, LIKE, GLOB, REGEXP, MATCH, BETWEEN, ISNULL, NOTNULL, NOT -> Precedence.EQUALITY;
      case LT, LE, GT, GE -> Precedence.COMPARISON;
      case BITAND, BITOR, LSHIFT, RSHIFT -> Precedence.BITWISE;
      case PLUS, MINUS -> Precedence.ADDITIVE;
      case STAR, SLASH, REM -> Precedence.MULTIPLICATIVE;
      case CONCAT, PTR -> Precedence.CONCAT;
      case COLLATE -> Precedence.COLLATE;
      default -> Precedence.NONE;
    };
  }

  private Expr infix(Expr left, TokenType t, int prec) {
    switch (t) {
      case IS -> {
        return is(left);
      }
      case ISNULL, NOTNULL -> {
        advance();
        return new IsNull(left, t == TokenType.NOTNULL);
      }
      case NOT -> {
        return notInfix(left);
      }
      case LIKE, GLOB, REGEXP, MATCH -> {
        return like(left, false);
      }
      case BETWEEN -> {
        return between(left, false);
      }
      case IN -> {
        return in(left, false);
      }
      case COLLATE -> {
        advance();
        return new Collate(left, ids());
      }
      default -> {
        BinaryOp op = binaryOp(t);
        advance();
        return new Binary(op, left, binary(prec + 1));
      }
    }
  }

  private BinaryOp binaryOp(TokenType t) {
    return switch (t) {
      case OR -> BinaryOp.OR;
      case AND -> BinaryOp.AND;
      case EQ -> BinaryOp.EQ;
      case NE -> BinaryOp.NE;
      case LT -> BinaryOp.LT;
      case LE -> BinaryOp.LE;
      case GT -> BinaryOp.GT;
      case GE -> BinaryOp.GE;
      case BITAND -> BinaryOp.BIT_AND;
      case BITOR -> BinaryOp.BIT_OR;
      case LSHIFT -> BinaryOp.LSHIFT;
      case RSHIFT -> BinaryOp.RSHIFT;
      case PLUS -> BinaryOp.ADD;
      case MINUS -> BinaryOp.SUBTRACT;
      case STAR -> BinaryOp.MULTIPLY;
      case SLASH -> BinaryOp.DIVIDE;
      case REM -> BinaryOp.REMAINDER;
      case CONCAT -> BinaryOp.CONCAT;
      case PTR -> end() - start() == 2 ? BinaryOp.JSON_EXTRACT : BinaryOp.JSON_EXTRACT_VALUE;
      default -> throw new AssertionError(t);
    };
  }

  /** {@code IS [NOT] [DISTINCT FROM] right}; {@code IS [NOT] NULL} becomes {@link IsNull}. */
  private Expr is(Expr left) {
    advance();
    boolean not = accept(TokenType.NOT);
    if (accept(TokenType.DISTINCT)) {
      expect(TokenType.FROM);
      not = !not;
    }
    Expr right = binary(Precedence.EQUALITY + 1);
    if (right instanceof Literal lit && lit.kind() == LiteralKind.NULL) {
      return new IsNull(left, not);
    }
    return new Binary(not ? BinaryOp.IS_NOT : BinaryOp.IS, left, right);
  }

  /** {@code NOT NULL}, {@code NOT LIKE ..}, {@code NOT BETWEEN ..}, {@code NOT IN ..}. */
  private Expr notInfix(Expr left) {
    advance();
    switch (peek()) {
      case NULL -> {
        advance();
        return new IsNull(left, true);
      }
      case LIKE, GLOB, REGEXP, MATCH -> {
        return like(left, true);
      }
      case BETWEEN -> {
        return between(left, true);
      }
      case IN -> {
        return in(left, true);
      }
      default -> throw syntaxError();
    }
  }

  private Expr like(Expr left, boolean not) {
    LikeOp op = LikeOp.valueOf(peek().name());
    advance();
    Expr pattern = binary(Precedence.EQUALITY + 1);
    Expr escape = accept(TokenType.ESCAPE) ? binary(Precedence.EQUALITY + 1) : null;
    return new Like(left, op, not, pattern, escape);
  }

  private Expr between(Expr left, boolean not) {
    advance();
    Expr low = climb(unary(), Precedence.OR, true);
    expect(AND);
    return new Between(left, not, low, binary(Precedence.EQUALITY + 1));
  }

  private Expr in(Expr left, boolean not) {
    advance();
    if (accept(LP)) {
      if (atSelect()) {
        Select s = select();
        expect(RP);
        return new InSelect(left, not, s);
      }
      List<Expr> values = peek() == RP ? List.of() : exprList();
      expect(RP);
      return new InList(left, not, values);
    }
    QualifiedName table = qualifiedName();
    List<Expr> args = List.of();
    if (accept(LP)) {
      args = peek() == RP ? List.of() : exprList();
      expect(RP);
    }
    return new InTable(left, not, table, args);
  }

  private Expr unary() {
    switch (peek()) {
      case MINUS -> {
        advance();
        return new Unary(UnaryOp.NEGATE, unary());
      }
      case PLUS -> {
        advance();
        return new Unary(UnaryOp.PLUS, unary());
      }
      case BITNOT -> {
        advance();
        return new Unary(UnaryOp.BIT_NOT, unary());
      }
      case NOT -> {
        advance();
        return new Unary(UnaryOp.NOT, binary(Precedence.NOT));
      }
      default -> {
        return primary();
      }
    }
  }

  private Expr primary() {
    TokenType t = peek();
    switch (t) {
      case INTEGER, FLOAT, QNUMBER, BLOB, NULL, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> {
        return term();
      }
      case STRING -> {
        return peek(1) == DOT ? columnRef() : term();
      }
      case VARIABLE -> {
        return variable();
      }
      case LP -> {
        return parenthesized();
      }
      case CAST -> {
        return cast();
      }
      case CASE -> {
        return caseExpr();
      }
      case EXISTS -> {
        advance();
        expect(LP);
        Select s = select();
        expect(RP);
        return new Exists(s);
      }
      case RAISE -> {
        return raise();
      }
      default -> {
        if (!isNm(t)) {
          throw syntaxError();
        }
        return peek(1) == LP ? functionCall() : columnRef();
      }
    }
  }

  /**
   * A literal: SQLite's {@code term}, i.e. NULL, a number, a string, a blob or CURRENT_*. A number
   * with bad digit separators defers SQLite's {@code unrecognized token} error.
   */
  final Literal term() {
    TokenType t = peek();
    int from = start();
    int to = end();
    switch (t) {
      case INTEGER, FLOAT, QNUMBER, STRING, BLOB, NULL, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> advance();
      default -> throw syntaxError();
    }
    return switch (t) {
      case INTEGER -> new Literal(LiteralKind.INTEGER, sql.substring(from, to));
      case FLOAT -> new Literal(LiteralKind.REAL, sql.substring(from, to));
      case QNUMBER -> separatedNumber(from, to);
      case STRING -> Literal.string(dequote(from, to));
      case BLOB -> new Literal(LiteralKind.BLOB, sql.substring(from + 2, to - 1));
      case NULL -> Literal.NULL;
      default -> new Literal(LiteralKind.valueOf(t.name()), t.name());
    };
  }

  /**
   * SQLite's {@code sqlite3DequoteNumber}: drops {@code _} separators, each of which must sit
   * between two digits. Its error message shows the token as partly rewritten in place at the
   * moment of the error, and the last error wins; this reproduces that.
   */
  private Literal separatedNumber(int from, int to) {
    char[] z = sql.substring(from, to).toCharArray();
    boolean hex = z.length > 1 && z[0] == '0' && (z[1] | 0x20) == 'x';
    boolean real = false;
    int out = 0;
    String error = null;
    for (int in = 0; in < z.length; in++) {
      char c = z[in];
      if (c != '_') {
        z[out++] = c;
        real |= !hex && (c == 'e' || c == 'E' || c == '.');
      } else {
        char before = in > 0 ? z[in - 1] : 0;
        char after = in + 1 < z.length ? z[in + 1] : 0;
        boolean ok = hex
            ? Tokenizer.isHexDigit(before) && Tokenizer.isHexDigit(after)
            : Tokenizer.isDigit(before) && Tokenizer.isDigit(after);
        if (!ok) {
          error = new String(z);
        }
      }
    }
    if (error != null) {
      defer("unrecognized token: \"" + error + "\"", from);
    }
    return new Literal(real ? LiteralKind.REAL : LiteralKind.INTEGER, new String(z, 0, out));
  }

  private Expr variable() {
    int from = start();
    String name = text();
    advance();
    if (name.charAt(0) == '#' && name.length() > 1 && Tokenizer.isDigit(name.charAt(1))) {
      defer("near \"" + name + "\": syntax error", from);
      return Literal.NULL;
    }
    int index = assignParameter(name, from);
    return index == 0 ? Literal.NULL : new Parameter(index, name.length() == 1 ? null : name);
  }

  /** {@code (expr)}, a row value {@code (a, b)}, or a scalar subquery. */
  private Expr parenthesized() {
    advance();
    if (atSelect()) {
      Select s = select();
      expect(RP);
      return new Subquery(s);
    }
    Expr e = expr();
    if (peek() == COMMA) {
      List<Expr> values = new ArrayList<>();
      values.add(e);
      while (accept(COMMA)) {
        values.add(expr());
      }
      e = new RowValue(values);
    }
    expect(RP);
    return e;
  }

  /** {@code name}, {@code table.name} or {@code schema.table.name}. */
  private Expr columnRef() {
    boolean quoted = chars[start()] == '"';
    String first = identifier();
    if (!accept(DOT)) {
      return new ColumnRef(null, null, first, quoted);
    }
    quoted = isNm(peek()) && chars[start()] == '"';
    String second = nm();
    if (!accept(DOT)) {
      return new ColumnRef(null, first, second, quoted);
    }
    quoted = isNm(peek()) && chars[start()] == '"';
    return new ColumnRef(first, second, nm(), quoted);
  }

  /** {@code f(*)}, {@code f([DISTINCT|ALL] args [ORDER BY ..])}. */
  private Expr functionCall() {
    String name = identifier();
    advance();
    if (accept(TokenType.STAR)) {
      expect(RP);
      return FunctionCall.star(name);
    }
    boolean distinct = accept(TokenType.DISTINCT);
    if (!distinct) {
      accept(TokenType.ALL);
    }
    TokenType t = peek();
    List<Expr> args = t == RP || t == TokenType.ORDER ? List.of() : exprList();
    List<OrderingTerm> orderBy = List.of();
    if (accept(TokenType.ORDER)) {
      expect(TokenType.BY);
      orderBy = sortList();
    }
    expect(RP);
    return new FunctionCall(name, distinct, args, false, orderBy);
  }

  private Expr cast() {
    advance();
    expect(LP);
    Expr e = expr();
    expect(AS);
    TypeName type = typeName();
    expect(RP);
    return new Cast(e, type);
  }

  private Expr caseExpr() {
    advance();
    Expr operand = peek() == TokenType.WHEN ? null : expr();
    List<Case.When> whens = new ArrayList<>();
    do {
      expect(TokenType.WHEN);
      Expr condition = expr();
      expect(TokenType.THEN);
      whens.add(new Case.When(condition, expr()));
    } while (peek() == TokenType.WHEN);
    Expr elseExpr = accept(TokenType.ELSE) ? expr() : null;
    expect(TokenType.END);
    return new Case(operand, whens, elseExpr);
  }

  private Expr raise() {
    advance();
    expect(LP);
    RaiseAction action;
    switch (peek()) {
      case IGNORE -> {
        advance();
        expect(RP);
        return new Raise(RaiseAction.IGNORE, null);
      }
      case ROLLBACK -> action = RaiseAction.ROLLBACK;
      case ABORT -> action = RaiseAction.ABORT;
      case FAIL -> action = RaiseAction.FAIL;
      default -> throw syntaxError();
    }
    advance();
    expect(COMMA);
    Expr message = expr();
    expect(RP);
    return new Raise(action, message);
  }

  // ---- shared pieces

  /** {@code nexprlist}: one or more comma-separated expressions. */
  final List<Expr> exprList() {
    List<Expr> list = new ArrayList<>();
    do {
      list.add(expr());
    } while (accept(COMMA));
    return list;
  }

  /** {@code sortlist}: {@code expr [ASC|DESC] [NULLS FIRST|LAST]}, comma-separated. */
  final List<OrderingTerm> sortList() {
    List<OrderingTerm> list = new ArrayList<>();
    do {
      Expr e = expr();
      SortOrder order = sortOrder();
      NullsOrder nulls = null;
      if (accept(TokenType.NULLS)) {
        if (accept(TokenType.FIRST)) {
          nulls = NullsOrder.FIRST;
        } else {
          expect(TokenType.LAST);
          nulls = NullsOrder.LAST;
        }
      }
      list.add(new OrderingTerm(e, order, nulls));
    } while (accept(COMMA));
    return list;
  }

  /** {@code [ASC|DESC]}; null when absent. */
  final SortOrder sortOrder() {
    if (accept(TokenType.ASC)) {
      return SortOrder.ASC;
    }
    return accept(TokenType.DESC) ? SortOrder.DESC : null;
  }

  /** {@code nm [. nm]}. */
  final QualifiedName qualifiedName() {
    String first = nm();
    if (accept(DOT)) {
      return new QualifiedName(first, nm());
    }
    return QualifiedName.of(first);
  }

  /**
   * SQLite's {@code typetoken}: words ({@code ids}, so fallback keywords too), then optionally
   * {@code (signed [, signed])}; null when there are no words.
   */
  final TypeName typeName() {
    if (!isIds(peek())) {
      return null;
    }
    int from = start();
    do {
      advance();
    } while (isIds(peek()));
    int wordsEnd = prevEnd;
    String size1 = null;
    String size2 = null;
    if (accept(LP)) {
      size1 = signedNumber();
      if (accept(COMMA)) {
        size2 = signedNumber();
      }
      expect(RP);
    }
    return new TypeName(
        sql.substring(from, prevEnd), sql.substring(from, wordsEnd), size1, size2);
  }

  /** {@code [+|-] (INTEGER|FLOAT)}, as written. */
  private String signedNumber() {
    int from = start();
    if (!accept(TokenType.PLUS)) {
      accept(TokenType.MINUS);
    }
    TokenType t = peek();
    if (t != TokenType.INTEGER && t != TokenType.FLOAT) {
      throw syntaxError();
    }
    advance();
    return sql.substring(from, prevEnd);
  }
}
