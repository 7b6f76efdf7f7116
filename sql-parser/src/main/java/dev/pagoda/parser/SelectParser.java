package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.AS;
import static dev.pagoda.parser.TokenType.BY;
import static dev.pagoda.parser.TokenType.COMMA;
import static dev.pagoda.parser.TokenType.DOT;
import static dev.pagoda.parser.TokenType.JOIN;
import static dev.pagoda.parser.TokenType.LP;
import static dev.pagoda.parser.TokenType.RP;
import static dev.pagoda.parser.TokenType.STAR;

import dev.pagoda.parser.ast.CommonTableExpr;
import dev.pagoda.parser.ast.CompoundOperator;
import dev.pagoda.parser.ast.CompoundTerm;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FromItem;
import dev.pagoda.parser.ast.Join;
import dev.pagoda.parser.ast.JoinKind;
import dev.pagoda.parser.ast.Materialization;
import dev.pagoda.parser.ast.NamedWindow;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.SubqueryRef;
import dev.pagoda.parser.ast.TableFunctionRef;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.parser.ast.WithClause;
import java.util.ArrayList;
import java.util.List;

/**
 * SELECT: WITH, compound operators, cores (WINDOW clause included), FROM with joins, ORDER BY and
 * LIMIT. {@link #select()} leaves SQLite's height of the SELECT in {@link #height}.
 */
abstract class SelectParser extends WindowParser {
  /** SQLITE_MAX_COMPOUND_SELECT. */
  static final int MAX_COMPOUND_SELECT = 500;

  /** SQLITE_MAX_SRCLIST: FROM terms per SELECT core. */
  static final int MAX_SRCLIST = 200;

  private static final List<ResultColumn> STAR_ONLY = List.of(new ResultColumn.Star());

  SelectParser(String sql, int from) {
    super(sql, from);
  }

  @Override
  final Select select() {
    WithClause with = null;
    if (peek() == TokenType.WITH) {
      with = withClause();
      push(2);
      Select s = selectAfterWith(with);
      pop(2);
      return s;
    }
    return selectAfterWith(with);
  }

  /**
   * {@code oneselect (compound-op oneselect)*} under an already parsed WITH (or null). Like {@link
   * #expr()}, the outermost call turns a StackOverflowError into {@code Recursion limit}.
   */
  final Select selectAfterWith(WithClause with) {
    if (guarding()) {
      return compound(with);
    }
    enterGuard();
    try {
      return compound(with);
    } catch (StackOverflowError e) {
      throw stackExhausted();
    } finally {
      leaveGuard();
    }
  }

  private Select compound(WithClause with) {
    List<Select> cores = new ArrayList<>();
    List<CompoundOperator> ops = new ArrayList<>();
    cores.add(oneSelect());
    int tallest = height;
    for (CompoundOperator op = compoundOperator(); op != null; op = compoundOperator()) {
      ops.add(op);
      push(2);
      cores.add(oneSelect());
      pop(2);
      tallest = Math.max(tallest, height);
    }
    checkCompound(cores, ops);
    height = tallest;
    Select first = cores.get(0);
    Select last = cores.get(cores.size() - 1);
    List<CompoundTerm> compounds = new ArrayList<>(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      compounds.add(new CompoundTerm(ops.get(i), coreOnly(cores.get(i + 1))));
    }
    return new Select(
        first.distinct(), first.columns(), first.from(), first.where(), first.groupBy(),
        first.having(), first.windows(), last.orderBy(), last.limit(), last.offset(),
        first.values(), compounds, with);
  }

  /** parserDoubleLinkSelect's checks, raised when the whole SELECT is reduced. */
  private void checkCompound(List<Select> cores, List<CompoundOperator> ops) {
    for (int i = cores.size() - 2; i >= 0; i--) {
      Select s = cores.get(i);
      if (!s.orderBy().isEmpty() || s.limit() != null) {
        String clause = s.orderBy().isEmpty() ? "LIMIT" : "ORDER BY";
        defer(clause + " clause should come after " + ops.get(i).sql() + " not before", start());
        break;
      }
    }
    if (cores.size() > MAX_COMPOUND_SELECT && !cores.get(cores.size() - 1).isValues()) {
      defer("too many terms in compound SELECT", start());
    }
  }

  private static Select coreOnly(Select s) {
    if (s.orderBy().isEmpty() && s.limit() == null) {
      return s;
    }
    return new Select(
        s.distinct(), s.columns(), s.from(), s.where(), s.groupBy(), s.having(), s.windows(),
        List.of(), null, null, s.values(), List.of(), null);
  }

  private CompoundOperator compoundOperator() {
    switch (peek()) {
      case UNION -> {
        advance();
        return accept(TokenType.ALL) ? CompoundOperator.UNION_ALL : CompoundOperator.UNION;
      }
      case INTERSECT -> {
        advance();
        return CompoundOperator.INTERSECT;
      }
      case EXCEPT -> {
        advance();
        return CompoundOperator.EXCEPT;
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * One {@code SELECT ...} core with its own ORDER BY and LIMIT, or a {@code VALUES} list; height
   * is SQLite's {@code heightOfSelect} for it. The pushes model parse.y's {@code oneselect}: {@code
   * SELECT distinct selcollist from where_opt groupby_opt having_opt window_clause orderby_opt
   * limit_opt}.
   */
  private Select oneSelect() {
    if (peek() == TokenType.VALUES) {
      return Select.ofValues(valuesRows());
    }
    expect(TokenType.SELECT);
    boolean distinct = accept(TokenType.DISTINCT);
    if (!distinct) {
      accept(TokenType.ALL);
    }
    push(2);
    List<ResultColumn> columns = resultColumns();
    int tallest = height;
    FromItem from = null;
    if (accept(TokenType.FROM)) {
      push(2);
      from = fromClause();
      pop(2);
    }
    push(2);
    Expr where = null;
    if (accept(TokenType.WHERE)) {
      push(1);
      where = expr();
      pop(1);
      tallest = Math.max(tallest, height);
    }
    push(1);
    List<Expr> groupBy = List.of();
    if (accept(TokenType.GROUP)) {
      expect(BY);
      push(2);
      groupBy = exprList();
      pop(2);
      tallest = Math.max(tallest, height);
    }
    push(1);
    Expr having = null;
    if (accept(TokenType.HAVING)) {
      push(1);
      having = expr();
      pop(1);
      tallest = Math.max(tallest, height);
    }
    List<NamedWindow> windows = peek() == TokenType.WINDOW ? windowClause() : List.of();
    pop(6);
    Select core = orderByLimit(distinct, columns, from, where, groupBy, having, windows);
    height = Math.max(tallest, height);
    return core;
  }

  /** The core's ORDER BY and LIMIT; height is the taller of theirs. */
  private Select orderByLimit(
      boolean distinct,
      List<ResultColumn> columns,
      FromItem from,
      Expr where,
      List<Expr> groupBy,
      Expr having,
      List<NamedWindow> windows) {
    push(7);
    int tallest = 0;
    List<OrderingTerm> orderBy = List.of();
    if (accept(TokenType.ORDER)) {
      expect(BY);
      push(2);
      orderBy = sortList();
      pop(2);
      tallest = height;
    }
    Expr limit = null;
    Expr offset = null;
    if (accept(TokenType.LIMIT)) {
      push(2);
      limit = expr();
      int limitHeight = height;
      int offsetHeight = 0;
      boolean isOffset = accept(TokenType.OFFSET);
      if (isOffset || accept(COMMA)) {
        push(2);
        Expr second = expr();
        pop(2);
        offsetHeight = height;
        if (isOffset) {
          offset = second;
        } else {
          offset = limit;
          limit = second;
        }
      }
      checked(limit, Math.max(limitHeight, offsetHeight)); // SQLite's TK_LIMIT node
      tallest = Math.max(tallest, height);
      pop(2);
    }
    pop(7);
    height = tallest;
    return new Select(
        distinct, columns, from, where, groupBy, having, windows, orderBy, limit, offset,
        List.of(), List.of(), null);
  }

  /**
   * {@code VALUES (..), (..)}; rows of different widths defer SQLite's error. Height is the tallest
   * expression.
   */
  final List<List<Expr>> valuesRows() {
    expect(TokenType.VALUES);
    List<List<Expr>> rows = new ArrayList<>();
    int tallest = 0;
    do {
      int rowStart = start();
      expect(LP);
      int symbols = rows.isEmpty() ? 2 : 3;
      push(symbols);
      rows.add(exprList());
      tallest = Math.max(tallest, height);
      peak(2);
      expect(RP);
      pop(symbols);
      if (rows.get(rows.size() - 1).size() != rows.get(0).size()) {
        defer("all VALUES must have the same number of terms", rowStart);
      }
    } while (accept(COMMA));
    height = tallest;
    return rows;
  }

  /** {@code selcollist}; height is the tallest expression. */
  final List<ResultColumn> resultColumns() {
    List<ResultColumn> columns = new ArrayList<>();
    int tallest = 0;
    do {
      push(2);
      height = 0;
      columns.add(resultColumn());
      tallest = Math.max(tallest, height);
      pop(2);
    } while (accept(COMMA));
    height = tallest;
    return columns;
  }

  private ResultColumn resultColumn() {
    if (accept(STAR)) {
      return new ResultColumn.Star();
    }
    TokenType t = peek();
    if (isNm(t) && !startsExpressionAsKeyword(t) && peek(1) == DOT && peek(2) == STAR) {
      String table = identifier();
      advance();
      advance();
      return new ResultColumn.TableStar(table);
    }
    int from = start();
    Expr e = expr();
    String alias = alias();
    return new ResultColumn.ExprColumn(e, alias, alias == null ? span(from, start()) : null);
  }

  /** Fallback keywords that are valid as themselves at the start of an expression. */
  private static boolean startsExpressionAsKeyword(TokenType t) {
    return t == TokenType.CAST
        || t == TokenType.RAISE
        || t == TokenType.CURRENT_TIME
        || t == TokenType.CURRENT_DATE
        || t == TokenType.CURRENT_TIMESTAMP;
  }

  /** {@code [AS nm | ids]}: null when absent. */
  final String alias() {
    if (accept(AS)) {
      return nm();
    }
    return isIds(peek()) ? identifier() : null;
  }

  // ---- FROM

  /** {@code seltablist}, guarded like {@link #expr()}. */
  final FromItem fromClause() {
    if (guarding()) {
      return joins();
    }
    enterGuard();
    try {
      return joins();
    } catch (StackOverflowError e) {
      throw stackExhausted();
    } finally {
      leaveGuard();
    }
  }

  /** {@code seltablist}; more than SQLITE_MAX_SRCLIST terms defer SQLite's error. */
  private FromItem joins() {
    FromItem result = null;
    JoinOp op = null;
    for (int terms = 1; ; terms++) {
      FromItem item = tableOrSubquery();
      Expr on = null;
      List<String> using = List.of();
      if (accept(TokenType.ON)) {
        push(5);
        on = expr();
        pop(5);
      } else if (accept(TokenType.USING)) {
        using = nameList();
      }
      if (terms > MAX_SRCLIST) {
        defer("too many FROM clause terms, max: " + MAX_SRCLIST, start());
      }
      if (result == null) {
        if (on != null || !using.isEmpty()) {
          defer("a JOIN clause is required before " + (on != null ? "ON" : "USING"), start());
        }
        result = item;
      } else {
        result = new Join(op.kind, op.natural, result, item, on, using);
      }
      op = joinOperator();
      if (op == null) {
        return result;
      }
    }
  }

  private FromItem tableOrSubquery() {
    if (accept(LP)) {
      push(2);
      FromItem item;
      if (atSelect()) {
        Select s = select();
        peak(1);
        expect(RP);
        item = new SubqueryRef(s, alias());
      } else {
        FromItem inner = joins();
        peak(1);
        expect(RP);
        item = withAlias(inner, alias());
      }
      pop(2);
      return item;
    }
    QualifiedName name = qualifiedName();
    if (accept(LP)) {
      push(4);
      List<Expr> args = peek() == RP ? List.of() : exprList();
      peak(1);
      expect(RP);
      pop(4);
      return new TableFunctionRef(name, args, alias());
    }
    peak(5); // stl_prefix nm dbnm as on_using
    String alias = alias();
    if (accept(TokenType.INDEXED)) {
      expect(BY);
      return new TableRef(name, alias, nm(), false);
    }
    if (accept(TokenType.NOT)) {
      expect(TokenType.INDEXED);
      return new TableRef(name, alias, null, true);
    }
    return new TableRef(name, alias);
  }

  /** A parenthesized FROM item renamed by an alias after the parenthesis, as SQLite does it. */
  private static FromItem withAlias(FromItem inner, String alias) {
    if (alias == null) {
      return inner;
    }
    if (inner instanceof TableRef t) {
      return new TableRef(t.name(), alias, t.indexedBy(), t.notIndexed());
    }
    if (inner instanceof TableFunctionRef f) {
      return new TableFunctionRef(f.name(), f.args(), alias);
    }
    if (inner instanceof SubqueryRef subqueryRef) {
      return new SubqueryRef(subqueryRef.select(), alias);
    }
    return new SubqueryRef(Select.of(STAR_ONLY, inner, null), alias);
  }

  /** {@code (nm, ...)}. */
  final List<String> nameList() {
    expect(LP);
    List<String> names = new ArrayList<>();
    do {
      names.add(nm());
    } while (accept(COMMA));
    expect(RP);
    return names;
  }

  private record JoinOp(JoinKind kind, boolean natural) {}

  private static final int JT_INNER = 1;
  private static final int JT_CROSS = 2;
  private static final int JT_NATURAL = 4;
  private static final int JT_LEFT = 8;
  private static final int JT_RIGHT = 16;
  private static final int JT_OUTER = 32;
  private static final int JT_ERROR = 64;

  /** {@code , | JOIN | JOIN_KW [nm [nm]] JOIN}, or null when no join follows. */
  private JoinOp joinOperator() {
    TokenType t = peek();
    if (t == COMMA || t == JOIN) {
      advance();
      return new JoinOp(t == COMMA ? JoinKind.COMMA : JoinKind.INNER, false);
    }
    if (!t.isJoinKeyword()) {
      return null;
    }
    int[] from = new int[3];
    int[] to = new int[3];
    int n = 0;
    do {
      from[n] = start();
      to[n] = end();
      n++;
      advance();
    } while (n < 3 && peek() != JOIN && isNm(peek()));
    expect(JOIN);
    return joinType(from, to, n);
  }

  /** SQLite's {@code sqlite3JoinType}, checking the words as written. */
  private JoinOp joinType(int[] from, int[] to, int n) {
    int type = 0;
    for (int i = 0; i < n; i++) {
      int code = joinWord(sql.substring(from[i], to[i]));
      type |= code;
      if (code == JT_ERROR) {
        break;
      }
    }
    if ((type & (JT_INNER | JT_OUTER)) == (JT_INNER | JT_OUTER)
        || (type & JT_ERROR) != 0
        || (type & (JT_OUTER | JT_LEFT | JT_RIGHT)) == JT_OUTER) {
      StringBuilder words = new StringBuilder("unknown join type: ");
      for (int i = 0; i < n; i++) {
        words.append(i == 0 ? "" : " ").append(sql, from[i], to[i]);
      }
      defer(words.toString(), from[0]);
      type = JT_INNER;
    }
    JoinKind kind;
    if ((type & (JT_LEFT | JT_RIGHT)) == (JT_LEFT | JT_RIGHT)) {
      kind = JoinKind.FULL;
    } else if ((type & JT_LEFT) != 0) {
      kind = JoinKind.LEFT;
    } else if ((type & JT_RIGHT) != 0) {
      kind = JoinKind.RIGHT;
    } else if ((type & JT_CROSS) != 0) {
      kind = JoinKind.CROSS;
    } else {
      kind = JoinKind.INNER;
    }
    return new JoinOp(kind, (type & JT_NATURAL) != 0);
  }

  private static int joinWord(String word) {
    return switch (word.toLowerCase(java.util.Locale.ROOT)) {
      case "natural" -> JT_NATURAL;
      case "left" -> JT_LEFT | JT_OUTER;
      case "outer" -> JT_OUTER;
      case "right" -> JT_RIGHT | JT_OUTER;
      case "full" -> JT_LEFT | JT_RIGHT | JT_OUTER;
      case "inner" -> JT_INNER;
      case "cross" -> JT_INNER | JT_CROSS;
      default -> JT_ERROR;
    };
  }

  // ---- WITH

  final WithClause withClause() {
    expect(TokenType.WITH);
    boolean recursive = accept(TokenType.RECURSIVE);
    List<CommonTableExpr> tables = new ArrayList<>();
    do {
      int nameStart = start();
      String name = nm();
      List<String> columns = peek() == LP ? columnNameList() : List.of();
      expect(AS);
      Materialization m = Materialization.DEFAULT;
      if (accept(TokenType.MATERIALIZED)) {
        m = Materialization.MATERIALIZED;
      } else if (accept(TokenType.NOT)) {
        expect(TokenType.MATERIALIZED);
        m = Materialization.NOT_MATERIALIZED;
      }
      expect(LP);
      push(5);
      Select s = select();
      peak(1);
      expect(RP);
      pop(5);
      for (CommonTableExpr other : tables) {
        if (other.name().equalsIgnoreCase(name)) {
          defer("duplicate WITH table name: " + name, nameStart);
        }
      }
      tables.add(new CommonTableExpr(name, columns, m, s));
    } while (accept(COMMA));
    return new WithClause(recursive, tables);
  }

  /**
   * SQLite's {@code eidlist}: {@code (nm [COLLATE x] [ASC|DESC], ...)}, where a COLLATE or sort
   * order defers {@code syntax error after column name "x"}.
   */
  final List<String> columnNameList() {
    expect(LP);
    List<String> names = new ArrayList<>();
    do {
      int from = start();
      int to = end();
      names.add(nm());
      boolean extra = false;
      if (accept(TokenType.COLLATE)) {
        ids();
        extra = true;
      }
      extra |= sortOrder() != null;
      if (extra) {
        defer("syntax error after column name \"" + sql.substring(from, to) + "\"", from);
      }
    } while (accept(COMMA));
    expect(RP);
    return names;
  }
}
