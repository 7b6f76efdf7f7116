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
 * of BETWEEN may hold an OR but no top-level AND). Subqueries come from {@link #select()}, a
 * call's FILTER and OVER clauses from {@link #filterOver}.
 *
 * <p>Nesting limits, both SQLite's: every parse method leaves in {@link #height} the {@code
 * nHeight} SQLite gives the expression it returns, and a node SQLite checks with {@code
 * sqlite3ExprCheckHeight} defers {@code Expression tree is too large (maximum depth 1000)} when
 * taller; and the recursive constructs {@link #push} the symbols SQLite's LALR stack holds meanwhile,
 * which raises {@code Recursion limit} where SQLite's parser stack overflows. Together they bound
 * both the recursion here and the depth of every tree the parser returns. Unlike SQLite, the height
 * is that of the tree as written: SQLite folds {@code literal ISNULL} and {@code 0 AND x} into
 * constants first, so chains of over 1000 of those are accepted by SQLite and rejected here.
 */
abstract class ExpressionParser extends TokenCursor {
  /** SQLITE_MAX_EXPR_DEPTH. */
  static final int MAX_EXPR_DEPTH = 1000;

  /** SQLITE_MAX_FUNCTION_ARG as sqlite-jdbc builds SQLite. */
  static final int MAX_FUNCTION_ARG = 100;

  /** SQLite's height of the expression (or list's tallest element) the last parse method returned. */
  int height;

  ExpressionParser(String sql, int from) {
    super(sql, from);
  }

  /**
   * A full SELECT, WITH included; implemented by the SELECT parser, which leaves in {@link
   * #height} SQLite's {@code heightOfSelect}: the tallest expression of its cores' result columns,
   * WHERE, GROUP BY, HAVING, ORDER BY and LIMIT.
   */
  abstract Select select();

  /**
   * {@code [FILTER (WHERE expr)] [OVER ...]} after a call's {@code )}, by the window layer; leaves
   * {@link #height} undefined.
   */
  abstract FunctionCall filterOver(FunctionCall call);

  /** Records {@code h} as the height of a leaf or unchecked node and returns it. */
  final <T extends Expr> T sized(T e, int h) {
    height = h;
    return e;
  }

  /**
   * A node SQLite builds with {@code sqlite3PExpr} or checks with {@code
   * sqlite3ExprSetHeightAndFlags}: one above its tallest child, deferring SQLite's error when too
   * tall.
   */
  final <T extends Expr> T checked(T e, int tallestChild) {
    height = tallestChild + 1;
    if (height > MAX_EXPR_DEPTH) {
      defer("Expression tree is too large (maximum depth " + MAX_EXPR_DEPTH + ")", start());
    }
    return e;
  }

  /** Whether the current token starts a SELECT: {@code SELECT}, {@code VALUES} or {@code WITH}. */
  final boolean atSelect() {
    TokenType t = peek();
    return t == TokenType.SELECT || t == TokenType.VALUES || t == TokenType.WITH;
  }

  /**
   * A full expression. The outermost call turns a StackOverflowError, should this thread's stack
   * be too small for a nesting SQLite accepts, into SQLite's {@code Recursion limit} error.
   */
  final Expr expr() {
    if (guarding()) {
      return climb(unary(), Precedence.OR, false);
    }
    enterGuard();
    try {
      return climb(unary(), Precedence.OR, false);
    } catch (StackOverflowError e) {
      throw stackExhausted();
    } finally {
      leaveGuard();
    }
  }

  /** An expression whose top-level operators all bind at least as tightly as {@code minPrec}. */
  final Expr binary(int minPrec) {
    return climb(unary(), minPrec, false);
  }

  /** Extends {@code left} with infix and postfix operators of at least {@code minPrec}. */
  private Expr climb(Expr left, int minPrec, boolean stopAtAnd) {
    // height holds left's height here, and after each infix the new left's
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
    int leftHeight = height;
    switch (t) {
      case IS -> {
        return is(left);
      }
      case ISNULL, NOTNULL -> {
        advance();
        return checked(new IsNull(left, t == TokenType.NOTNULL), leftHeight);
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
        return collate(left);
      }
      default -> {
        BinaryOp op = binaryOp(t);
        advance();
        push(2);
        Expr right = binary(prec + 1);
        pop(2);
        return checked(new Binary(op, left, right), Math.max(leftHeight, height));
      }
    }
  }

  /**
   * {@code expr COLLATE name}. SQLite gives a COLLATE node height 1 and, for an operand that is
   * itself a COLLATE, uses only the outer name; so the outer name replaces the inner one here, which
   * keeps a chain of any length one node deep.
   */
  private Expr collate(Expr left) {
    String name = ids();
    Expr operand = left instanceof Collate inner ? inner.expr() : left;
    return sized(new Collate(operand, name), 1);
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
    int leftHeight = height;
    advance();
    int symbols = 2;
    boolean not = accept(TokenType.NOT);
    if (not) {
      symbols++;
    }
    if (accept(TokenType.DISTINCT)) {
      expect(TokenType.FROM);
      not = !not;
      symbols += 2;
    }
    push(symbols);
    Expr right = binary(Precedence.EQUALITY + 1);
    pop(symbols);
    int tallest = Math.max(leftHeight, height);
    if (right instanceof Literal lit && lit.kind() == LiteralKind.NULL) {
      return checked(new IsNull(left, not), tallest);
    }
    return checked(new Binary(not ? BinaryOp.IS_NOT : BinaryOp.IS, left, right), tallest);
  }

  /** {@code NOT NULL}, {@code NOT LIKE ..}, {@code NOT BETWEEN ..}, {@code NOT IN ..}. */
  private Expr notInfix(Expr left) {
    int leftHeight = height;
    advance();
    switch (peek()) {
      case NULL -> {
        advance();
        return checked(new IsNull(left, true), leftHeight);
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

  /** LIKE is a function call of pattern, operand and escape to SQLite; NOT adds a node. */
  private Expr like(Expr left, boolean not) {
    int tallest = height;
    LikeOp op = LikeOp.valueOf(peek().name());
    advance();
    push(2);
    Expr pattern = binary(Precedence.EQUALITY + 1);
    tallest = Math.max(tallest, height);
    Expr escape = null;
    if (accept(TokenType.ESCAPE)) {
      push(2);
      escape = binary(Precedence.EQUALITY + 1);
      tallest = Math.max(tallest, height);
      pop(2);
    }
    pop(2);
    Like like = checked(new Like(left, op, not, pattern, escape), tallest);
    return not ? checked(like, height) : like;
  }

  /** SQLite attaches the bounds after measuring BETWEEN, so only the operand counts. */
  private Expr between(Expr left, boolean not) {
    int leftHeight = height;
    advance();
    push(2);
    Expr low = climb(unary(), Precedence.OR, true);
    expect(AND);
    push(2);
    Expr high = binary(Precedence.EQUALITY + 1);
    pop(4);
    Between between = checked(new Between(left, not, low, high), leftHeight);
    return not ? checked(between, height) : between;
  }

  private Expr in(Expr left, boolean not) {
    int leftHeight = height;
    advance();
    Expr in;
    if (accept(LP)) {
      push(3);
      if (atSelect()) {
        Select s = select();
        in = checked(new InSelect(left, not, s), Math.max(leftHeight, height));
      } else if (peek() == RP) {
        in = sized(new InList(left, not, List.of()), 1);
        not = false;
      } else {
        List<Expr> values = exprList();
        in = checked(new InList(left, not, values), inListHeight(left, leftHeight, values));
      }
      peak(1);
      expect(RP);
      pop(3);
    } else {
      QualifiedName table = qualifiedName();
      List<Expr> args = List.of();
      if (accept(LP)) {
        push(5);
        args = peek() == RP ? List.of() : exprList();
        peak(1);
        expect(RP);
        pop(5);
      }
      in = checked(new InTable(left, not, table, args), leftHeight);
    }
    return not ? checked(in, height) : in;
  }

  /**
   * The tallest child of {@code left IN (values)} as SQLite builds it (height holds the values'
   * tallest): one constant becomes {@code left = +value}, one subquery {@code left IN subquery}.
   */
  private int inListHeight(Expr left, int leftHeight, List<Expr> values) {
    if (values.size() == 1 && !(left instanceof RowValue)) {
      Expr only = values.get(0);
      if (Constants.isConstant(only)) {
        return Math.max(leftHeight, height + 1);
      }
      if (only instanceof Subquery) {
        return Math.max(leftHeight, height - 1);
      }
    }
    return Math.max(leftHeight, height);
  }

  /**
   * An operand: a prefix operator chain, a parenthesized expression or a primary. Parentheses are
   * handled here rather than in {@link #primary}, and {@link #parenthesized} climbs from here
   * directly, so that each nested parenthesis costs two Java frames.
   */
  private Expr unary() {
    TokenType t = peek();
    if (t == LP) {
      return parenthesized();
    }
    if (prefixOp(t) != null) {
      return prefixed();
    }
    peak(1);
    return primary();
  }

  private static UnaryOp prefixOp(TokenType t) {
    return switch (t) {
      case MINUS -> UnaryOp.NEGATE;
      case PLUS -> UnaryOp.PLUS;
      case BITNOT -> UnaryOp.BIT_NOT;
      case NOT -> UnaryOp.NOT;
      default -> null;
    };
  }

  /**
   * {@code - + ~ NOT} chains, without recursion (SQLite takes 2,494 of them before its stack
   * overflows): the operand of {@code - + ~} is the rest of the chain, that of NOT the rest
   * extended by the operators that bind at least as tightly as NOT.
   */
  private Expr prefixed() {
    UnaryOp[] ops = new UnaryOp[4];
    int n = 0;
    for (UnaryOp op = prefixOp(peek()); op != null; op = prefixOp(peek())) {
      advance();
      if (n == ops.length) {
        ops = java.util.Arrays.copyOf(ops, n * 2);
      }
      ops[n++] = op;
      push(1);
    }
    Expr e = unary();
    while (n > 0) {
      UnaryOp op = ops[--n];
      if (op == UnaryOp.NOT) {
        e = climb(e, Precedence.NOT, false);
      }
      pop(1);
      e = checked(new Unary(op, e), height);
    }
    return e;
  }

  private Expr primary() {
    TokenType t = peek();
    switch (t) {
      case INTEGER, FLOAT, QNUMBER, BLOB, NULL, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> {
        return term();
      }
      case STRING -> {
        return peek(1) == DOT ? sized(columnRef(), 1) : term();
      }
      case VARIABLE -> {
        return variable();
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
        push(2);
        Select s = select();
        peak(1);
        expect(RP);
        pop(2);
        return checked(new Exists(s), height);
      }
      case RAISE -> {
        return raise();
      }
      default -> {
        if (!isNm(t)) {
          throw syntaxError();
        }
        return peek(1) == LP ? functionCall() : sized(columnRef(), 1);
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
    height = 1;
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
      return sized(Literal.NULL, 1);
    }
    int index = assignParameter(name, from);
    height = 1;
    return index == 0 ? Literal.NULL : new Parameter(index, name.length() == 1 ? null : name);
  }

  /** {@code (expr)}, a row value {@code (a, b)}, or a scalar subquery. */
  private Expr parenthesized() {
    advance();
    push(1);
    if (atSelect()) {
      Select s = select();
      peak(1);
      expect(RP);
      pop(1);
      return checked(new Subquery(s), height);
    }
    Expr e = climb(unary(), Precedence.OR, false); // expr(), one frame less
    int closing = 2;
    if (peek() == COMMA) {
      List<Expr> values = new ArrayList<>();
      values.add(e);
      while (accept(COMMA)) {
        push(2);
        values.add(expr());
        pop(2);
      }
      e = sized(new RowValue(values), 1);
      closing = 4;
    }
    peak(closing);
    expect(RP);
    pop(1);
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

  /**
   * {@code f(*)}, {@code f([DISTINCT|ALL] args [ORDER BY ..])}, then FILTER and OVER. The errors of
   * parse.y's action, in its order: {@code sqlite3ExprFunction}'s argument count and height (the
   * arguments only), then {@code sqlite3WindowAttach}'s and {@code
   * sqlite3ExprAddFunctionOrderBy}'s for a window call.
   */
  private Expr functionCall() {
    int from = start();
    String written = text();
    String name = identifier();
    advance();
    push(3);
    FunctionCall call;
    int tallest = 0;
    if (accept(TokenType.STAR)) {
      call = FunctionCall.star(name);
    } else {
      boolean distinct = accept(TokenType.DISTINCT);
      if (!distinct) {
        accept(TokenType.ALL);
      }
      TokenType t = peek();
      List<Expr> args = t == RP || t == TokenType.ORDER ? List.of() : exprList();
      tallest = args.isEmpty() ? 0 : height;
      List<OrderingTerm> orderBy = List.of();
      if (accept(TokenType.ORDER)) {
        expect(TokenType.BY);
        push(3);
        orderBy = sortList();
        pop(3);
      }
      call = new FunctionCall(name, distinct, args, false, orderBy);
    }
    peak(2);
    expect(RP);
    pop(3);
    if (peek() == TokenType.FILTER || peek() == TokenType.OVER) {
      call = filterOver(call);
    }
    if (call.args().size() > MAX_FUNCTION_ARG) {
      defer("too many arguments on function " + written, from);
      height = tallest + 1;
    } else {
      checked(call, tallest);
    }
    if (call.over() != null) {
      if (call.distinct()) {
        defer("DISTINCT is not supported for window functions", from);
      }
      if (!call.orderBy().isEmpty() && !call.args().isEmpty()) {
        defer("ORDER BY may not be used with non-aggregate " + name + "()", from);
      }
    }
    return call;
  }

  /** SQLite sets a CAST's height without checking it. */
  private Expr cast() {
    advance();
    expect(LP);
    push(2);
    Expr e = expr();
    int h = height;
    expect(AS);
    TypeName type = typeName();
    peak(4);
    expect(RP);
    pop(2);
    return sized(new Cast(e, type), h + 1);
  }

  private Expr caseExpr() {
    advance();
    push(1);
    int tallest = 0;
    Expr operand = null;
    if (peek() != TokenType.WHEN) {
      operand = expr();
      tallest = height;
    }
    push(1);
    List<Case.When> whens = new ArrayList<>();
    do {
      int symbols = whens.isEmpty() ? 1 : 2;
      expect(TokenType.WHEN);
      push(symbols);
      Expr condition = expr();
      tallest = Math.max(tallest, height);
      expect(TokenType.THEN);
      push(2);
      whens.add(new Case.When(condition, expr()));
      tallest = Math.max(tallest, height);
      pop(symbols + 2);
    } while (peek() == TokenType.WHEN);
    Expr elseExpr = null;
    if (accept(TokenType.ELSE)) {
      push(2);
      elseExpr = expr();
      tallest = Math.max(tallest, height);
      pop(2);
    }
    peak(3);
    expect(TokenType.END);
    pop(2);
    return checked(new Case(operand, whens, elseExpr), tallest);
  }

  private Expr raise() {
    advance();
    expect(LP);
    RaiseAction action;
    switch (peek()) {
      case IGNORE -> {
        advance();
        expect(RP);
        return sized(new Raise(RaiseAction.IGNORE, null), 1);
      }
      case ROLLBACK -> action = RaiseAction.ROLLBACK;
      case ABORT -> action = RaiseAction.ABORT;
      case FAIL -> action = RaiseAction.FAIL;
      default -> throw syntaxError();
    }
    advance();
    expect(COMMA);
    push(4);
    Expr message = expr();
    peak(2);
    expect(RP);
    pop(4);
    return checked(new Raise(action, message), height);
  }

  // ---- shared pieces

  /** {@code nexprlist}: one or more comma-separated expressions; height is their tallest. */
  final List<Expr> exprList() {
    List<Expr> list = new ArrayList<>();
    int tallest = 0;
    do {
      int symbols = list.isEmpty() ? 0 : 2;
      push(symbols);
      list.add(expr());
      pop(symbols);
      tallest = Math.max(tallest, height);
    } while (accept(COMMA));
    height = tallest;
    return list;
  }

  /**
   * {@code sortlist}: {@code expr [ASC|DESC] [NULLS FIRST|LAST]}, comma-separated; height is the
   * tallest expression.
   */
  final List<OrderingTerm> sortList() {
    List<OrderingTerm> list = new ArrayList<>();
    int tallest = 0;
    do {
      int symbols = list.isEmpty() ? 0 : 2;
      push(symbols);
      Expr e = expr();
      pop(symbols);
      tallest = Math.max(tallest, height);
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
    height = tallest;
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
}
