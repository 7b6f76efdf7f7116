package dev.pagoda.planner;

import dev.pagoda.parser.ast.Between;
import dev.pagoda.parser.ast.Case;
import dev.pagoda.parser.ast.Cast;
import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.parser.ast.InList;
import dev.pagoda.parser.ast.IsNull;
import dev.pagoda.parser.ast.Like;
import dev.pagoda.parser.ast.LikeOp;
import dev.pagoda.parser.ast.Literal;
import dev.pagoda.parser.ast.LiteralKind;
import dev.pagoda.parser.ast.Parameter;
import dev.pagoda.parser.ast.Unary;
import dev.pagoda.planner.plan.BinaryOp;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.CompareRules;
import dev.pagoda.planner.plan.UnaryOp;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Binds expressions: resolves names in a {@link Scope}, maps operators, fixes affinities and
 * collations. Aggregate calls go to {@link #bindAggregate}, which refuses them; the binder of an
 * aggregate query overrides it. Subqueries are bound by the {@link QueryBinder} given, with this scope as their
 * outer scope.
 */
class ExprBinder {
  private final Scope scope;
  private final QueryBinder queries;
  /** The result-column expression an unresolvable name is an alias of, or null (none here). */
  private java.util.function.Function<String, Expr> aliases;
  private final java.util.Set<String> expanding = new java.util.HashSet<>();

  ExprBinder(Scope scope) {
    this(scope, null);
  }

  ExprBinder(Scope scope, QueryBinder queries) {
    this.scope = scope;
    this.queries = queries;
  }

  Scope scope() {
    return scope;
  }

  /**
   * Lets an unqualified name that is no column resolve to the result column it is the alias of,
   * as SQLite does in WHERE, GROUP BY, HAVING and ORDER BY.
   */
  ExprBinder withAliases(java.util.function.Function<String, Expr> aliases) {
    this.aliases = aliases;
    return this;
  }

  private BoundExpr alias(String name) {
    Expr ast = aliases == null ? null : aliases.apply(name);
    String key = name.toLowerCase(Locale.ROOT);
    if (ast == null || !expanding.add(key)) {
      return null;
    }
    try {
      return bind(ast);
    } catch (SqlException e) {
      String prefix = "misuse of aggregate function ";
      if (e.getMessage() != null && e.getMessage().startsWith("misuse of window function ")) {
        throw SqlException.error("misuse of aliased window function " + name);
      }
      if (e.getMessage() != null && e.getMessage().startsWith(prefix)) {
        throw SqlException.error(
            "misuse of aggregate: " + e.getMessage().substring(prefix.length()));
      }
      throw e;
    } finally {
      expanding.remove(key);
    }
  }

  QueryBinder queries() {
    if (queries == null) {
      throw SqlException.error("not supported yet: subqueries here");
    }
    return queries;
  }

  BoundExpr bind(Expr e) {
    if (e instanceof Literal l) {
      return literal(l);
    } else if (e instanceof ColumnRef c) {
      return column(c);
    } else if (e instanceof Parameter p) {
      return new BoundExpr.Parameter(p.index());
    } else if (e instanceof Unary u) {
      return unary(u);
    } else if (e instanceof dev.pagoda.parser.ast.Binary b) {
      return binary(b);
    } else if (e instanceof Collate c) {
      return collate(c);
    } else if (e instanceof Cast c) {
      String type = c.type() == null ? "" : c.type().declaredType();
      return new BoundExpr.Cast(bind(c.expr()), Affinity.ofDeclaredType(type));
    } else if (e instanceof Case c) {
      return caseExpr(c);
    } else if (e instanceof Between b) {
      return between(b);
    } else if (e instanceof InList in) {
      return inList(in);
    } else if (e instanceof IsNull n) {
      return new BoundExpr.IsNull(bind(n.expr()), n.not());
    } else if (e instanceof FunctionCall f) {
      return functionCall(f);
    } else if (e instanceof Like l) {
      return like(l);
    } else if (e instanceof dev.pagoda.parser.ast.Subquery q) {
      return subquery(BoundExpr.SubqueryKind.SCALAR, q.select(), null, false);
    } else if (e instanceof dev.pagoda.parser.ast.Exists x) {
      return subquery(BoundExpr.SubqueryKind.EXISTS, x.select(), null, false);
    } else if (e instanceof dev.pagoda.parser.ast.RowValue) {
      throw RowValues.misused();
    } else if (e instanceof dev.pagoda.parser.ast.InSelect in) {
      if (in.expr() instanceof dev.pagoda.parser.ast.RowValue) {
        return RowValues.inSelect(this, in);
      }
      return subquery(BoundExpr.SubqueryKind.IN, in.select(), in.expr(), in.not());
    } else if (e instanceof dev.pagoda.parser.ast.Raise r) {
      if (!scope.inTrigger()) {
        throw SqlException.error("RAISE() may only be used within a trigger-program");
      }
      return new BoundExpr.Raise(r.action(), r.message() == null ? null : bind(r.message()));
    } else if (e instanceof dev.pagoda.parser.ast.InTable in) {
      if (!in.args().isEmpty()) {
        throw SqlException.error("not supported yet: table-valued functions");
      }
      dev.pagoda.parser.ast.Select all = dev.pagoda.parser.ast.Select.of(
          List.of(new dev.pagoda.parser.ast.ResultColumn.Star()),
          new dev.pagoda.parser.ast.TableRef(in.table(), null), null);
      return subquery(BoundExpr.SubqueryKind.IN, all, in.expr(), in.not());
    }
    throw SqlException.error(
        "not supported yet: " + e.getClass().getSimpleName() + " expressions");
  }

  private BoundExpr subquery(
      BoundExpr.SubqueryKind kind, dev.pagoda.parser.ast.Select select, Expr operand,
      boolean negated) {
    if (queries == null) {
      throw SqlException.error("not supported yet: subqueries here");
    }
    BoundExpr left = operand == null ? null : bind(operand);
    QueryBinder.Bound sub = queries.bindSubquery(select, scope);
    if (kind != BoundExpr.SubqueryKind.EXISTS && sub.root().width() != 1) {
      throw SqlException.error(
          "sub-select returns " + sub.root().width() + " columns - expected 1");
    }
    Affinity affinity = kind == BoundExpr.SubqueryKind.SCALAR ? sub.affinities().get(0) : null;
    if (left != null) {
      affinity = CompareRules.affinity(left.affinity(), sub.affinities().get(0));
    }
    String collation = null;
    if (left != null) {
      // As for a comparison: an explicit COLLATE on the left, else one on the subquery column,
      // else the left column's, else the subquery column's.
      collation = CompareRules.explicit(left);
      if (collation == null) {
        collation = dev.pagoda.planner.plan.PlanNodes.explicitOutputCollations(sub.root()).get(0);
      }
      if (collation == null) {
        collation = CompareRules.of(left);
      }
      if (collation == null) {
        collation = dev.pagoda.planner.plan.PlanNodes.outputCollations(sub.root()).get(0);
      }
    }
    if (kind == BoundExpr.SubqueryKind.SCALAR) {
      // A scalar subquery compares with its column's collation (as an implicit one).
      collation = dev.pagoda.planner.plan.PlanNodes.outputCollations(sub.root()).get(0);
    }
    return new BoundExpr.Subquery(
        kind, sub.root(), sub.correlated(), left, affinity, negated, collation);
  }

  /** CURRENT_TIME, _DATE and _TIMESTAMP are calls of internal functions, as in SQLite. */
  private static BoundExpr literal(Literal l) {
    return switch (l.kind()) {
      case CURRENT_TIME -> new BoundExpr.Function("current_time", List.of());
      case CURRENT_DATE -> new BoundExpr.Function("current_date", List.of());
      case CURRENT_TIMESTAMP -> new BoundExpr.Function("current_timestamp", List.of());
      default -> new BoundExpr.Constant(Literals.value(l, false));
    };
  }

  private BoundExpr column(ColumnRef c) {
    if (c.schema() != null && !c.schema().equalsIgnoreCase("main")) {
      throw SqlException.error("no such column: " + c.schema() + "." + c.table() + "." + c.column());
    }
    try {
      return scope.resolve(c.table(), c.column());
    } catch (SqlException noSuchColumn) {
      if (c.table() == null && !c.doubleQuoted()) {
        if (c.column().equalsIgnoreCase("true")) {
          return new BoundExpr.Constant(Value.of(1L));
        }
        if (c.column().equalsIgnoreCase("false")) {
          return new BoundExpr.Constant(Value.of(0L));
        }
      }
      BoundExpr alias = c.table() == null ? alias(c.column()) : null;
      if (alias != null) {
        return alias;
      }
      if (c.doubleQuoted() && c.table() == null) {
        // SQLite's legacy rule: an unresolvable "identifier" is a string literal.
        return new BoundExpr.Constant(Value.of(c.column()));
      }
      throw noSuchColumn;
    }
  }

  private BoundExpr unary(Unary u) {
    if (u.op() == dev.pagoda.parser.ast.UnaryOp.NEGATE
        && u.operand() instanceof Literal l
        && (l.kind() == LiteralKind.INTEGER || l.kind() == LiteralKind.REAL)) {
      // Folded here so that -9223372036854775808 stays an INTEGER.
      return new BoundExpr.Constant(Literals.value(l, true));
    }
    BoundExpr operand = bind(u.operand());
    UnaryOp op = switch (u.op()) {
      case NEGATE -> UnaryOp.NEGATE;
      case PLUS -> UnaryOp.PLUS;
      case BIT_NOT -> UnaryOp.BITNOT;
      case NOT -> UnaryOp.NOT;
    };
    return new BoundExpr.Unary(op, operand);
  }

  private BoundExpr binary(dev.pagoda.parser.ast.Binary b) {
    BinaryOp op = switch (b.op()) {
      case OR -> BinaryOp.OR;
      case AND -> BinaryOp.AND;
      case EQ -> BinaryOp.EQ;
      case NE -> BinaryOp.NE;
      case IS -> BinaryOp.IS;
      case IS_NOT -> BinaryOp.IS_NOT;
      case LT -> BinaryOp.LT;
      case LE -> BinaryOp.LE;
      case GT -> BinaryOp.GT;
      case GE -> BinaryOp.GE;
      case BIT_AND -> BinaryOp.BITAND;
      case BIT_OR -> BinaryOp.BITOR;
      case LSHIFT -> BinaryOp.SHL;
      case RSHIFT -> BinaryOp.SHR;
      case ADD -> BinaryOp.ADD;
      case SUBTRACT -> BinaryOp.SUB;
      case MULTIPLY -> BinaryOp.MUL;
      case DIVIDE -> BinaryOp.DIV;
      case REMAINDER -> BinaryOp.MOD;
      case CONCAT -> BinaryOp.CONCAT;
      case JSON_EXTRACT, JSON_EXTRACT_VALUE -> null;
    };
    if (op == null) {
      // x -> p and x ->> p are calls of the functions named "->" and "->>", as in SQLite.
      return call(b.op().symbol(), List.of(bind(b.left()), bind(b.right())));
    }
    if (op.isComparison() && RowValues.involved(b.left(), b.right())) {
      return RowValues.compare(this, op, b.left(), b.right());
    }
    return comparisonOrOperator(op, bind(b.left()), bind(b.right()));
  }

  static BoundExpr comparisonOrOperator(BinaryOp op, BoundExpr l, BoundExpr r) {
    if (!op.isComparison()) {
      return new BoundExpr.Binary(op, l, r, null);
    }
    return new BoundExpr.Binary(
        op, l, r, compareAffinity(l, r), CompareRules.collation(l, r));
  }

  /** SQLite's comparison affinity; see {@link CompareRules#affinity}. */
  static Affinity compareAffinity(BoundExpr l, BoundExpr r) {
    return CompareRules.affinity(l, r);
  }

  private BoundExpr collate(Collate c) {
    return new BoundExpr.Collate(bind(c.expr()), c.collation());
  }

  /** The catalog function calls resolve against. */
  FunctionCatalog functions() {
    return queries == null ? FunctionCatalog.standard() : queries.catalog().functions();
  }

  private BoundExpr functionCall(FunctionCall f) {
    String name = f.name().toLowerCase(Locale.ROOT);
    if (f.isWindowCall()) {
      return bindWindow(f);
    }
    if (functions().find(name, f.args().size()) instanceof WindowOnlyFunction) {
      throw SqlException.error("misuse of window function " + f.name() + "()");
    }
    // DISTINCT on a scalar function is ignored, as SQLite does: abs(DISTINCT 1) is 1.
    if (functions().isAggregate(name, f.args().size()) || f.filter() != null || f.star()) {
      return bindAggregate(f);
    }
    if (!f.orderBy().isEmpty()) {
      throw SqlException.error(
          "ORDER BY may not be used with non-aggregate " + f.name() + "()");
    }
    List<BoundExpr> args = new ArrayList<>(f.args().size());
    for (Expr arg : f.args()) {
      args.add(bind(arg));
    }
    return new BoundExpr.Function(name, args);
  }

  /** A call of the scalar function {@code name}, which must exist with that many arguments. */
  private BoundExpr call(String name, List<BoundExpr> args) {
    functions().scalar(name, args.size());
    return new BoundExpr.Function(name, args);
  }

  /**
   * Binds a call with an OVER clause. Here, outside the result columns and ORDER BY of a SELECT,
   * it is a misuse; the aggregate binder of those overrides this.
   */
  BoundExpr bindWindow(FunctionCall f) {
    WindowBinder.check(f, functions());
    throw SqlException.error("misuse of window function " + f.name() + "()");
  }

  /**
   * Binds a call of an aggregate function. Here, outside an aggregate query, it is a misuse;
   * the aggregate binder overrides this.
   */
  BoundExpr bindAggregate(FunctionCall f) {
    throw SqlException.error("misuse of aggregate function " + f.name() + "()");
  }

  private BoundExpr like(Like l) {
    switch (l.op()) {
      case REGEXP -> {
        // x REGEXP y calls regexp(y, x), which SQLite leaves to the application to define.
        List<BoundExpr> args = new ArrayList<>(List.of(bind(l.pattern()), bind(l.expr())));
        if (l.escape() != null) {
          args.add(bind(l.escape()));
        }
        if (!functions().hasName("regexp")) {
          throw SqlException.error("no such function: REGEXP");
        }
        BoundExpr call = call("regexp", args);
        return l.not() ? new BoundExpr.Unary(UnaryOp.NOT, call) : call;
      }
      case MATCH ->
          throw SqlException.error("unable to use function MATCH in the requested context");
      default -> { }
    }
    BoundExpr value = bind(l.expr());
    BoundExpr pattern = bind(l.pattern());
    BoundExpr escape = l.escape() == null ? null : bind(l.escape());
    if (l.op() == LikeOp.LIKE && overridesLike(escape == null ? 2 : 3)) {
      // As SQLite: x LIKE y [ESCAPE z] is like(y, x[, z]), so a registered like() replaces it
      // (PRAGMA case_sensitive_like registers one).
      List<BoundExpr> args = new ArrayList<>(List.of(pattern, value));
      if (escape != null) {
        args.add(escape);
      }
      BoundExpr call = call("like", args);
      return l.not() ? new BoundExpr.Unary(UnaryOp.NOT, call) : call;
    }
    return new BoundExpr.Like(value, pattern, escape, l.op() == LikeOp.GLOB, l.not());
  }

  /**
   * Whether the catalog's like() for {@code argc} arguments is one a connection registered in
   * place of the built-in ({@code sqlite3_create_function("like")}); a provider's like() does not
   * replace the operator.
   */
  private boolean overridesLike(int argc) {
    dev.pagoda.spi.SqlFunction like = functions().find("like", argc);
    return like != null && !functions().isBuiltin(like)
        && "connection".equals(functions().providerOf(like));
  }

  private BoundExpr caseExpr(Case c) {
    BoundExpr base = c.operand() == null ? null : bind(c.operand());
    List<BoundExpr> whens = new ArrayList<>();
    List<BoundExpr> thens = new ArrayList<>();
    for (Case.When w : c.whens()) {
      whens.add(bind(w.condition()));
      thens.add(bind(w.result()));
    }
    BoundExpr otherwise = c.elseExpr() == null ? null : bind(c.elseExpr());
    return new BoundExpr.Case(base, whens, thens, otherwise);
  }

  /** {@code x BETWEEN a AND b} is {@code x >= a AND x <= b}, each with its own affinity. */
  private BoundExpr between(Between b) {
    if (b.expr() instanceof dev.pagoda.parser.ast.RowValue) {
      return RowValues.between(this, b);
    }
    BoundExpr x = bind(b.expr());
    BoundExpr both = new BoundExpr.Binary(
        BinaryOp.AND,
        comparisonOrOperator(BinaryOp.GE, x, bind(b.low())),
        comparisonOrOperator(BinaryOp.LE, x, bind(b.high())),
        null);
    return b.not() ? new BoundExpr.Unary(UnaryOp.NOT, both) : both;
  }

  private BoundExpr inList(InList in) {
    if (in.expr() instanceof dev.pagoda.parser.ast.RowValue) {
      return RowValues.inList(this, in);
    }
    BoundExpr x = bind(in.expr());
    List<BoundExpr> items = new ArrayList<>();
    for (Expr item : in.values()) {
      items.add(bind(item));
    }
    // x IN ((SELECT ...)) is x IN (SELECT ...) to SQLite's parser, compared as such.
    boolean constant = items.stream().allMatch(ExprBinder::constantItem)
        || (items.size() == 1 && items.get(0) instanceof BoundExpr.Subquery);
    List<Affinity> affinities = new ArrayList<>();
    for (BoundExpr item : items) {
      // A list that is not all constants is compared item by item under the left operand's
      // affinity and collation alone (SQLite's IN_INDEX_NOOP): 1 IN (0, textColumn) is false.
      affinities.add(constant ? compareAffinity(x, item) : x.affinity());
    }
    String collation = constant ? inCollation(x, items)
        : CompareRules.explicit(x) != null ? CompareRules.explicit(x) : CompareRules.implicit(x);
    return new BoundExpr.InList(x, items, affinities, in.not(), collation);
  }

  private static boolean constantItem(BoundExpr e) {
    return e instanceof BoundExpr.Constant
        || (e instanceof BoundExpr.Collate c && c.operand() instanceof BoundExpr.Constant);
  }

  /**
   * The collation of {@code x IN (items)}: an explicit one on {@code x}, else the first item's
   * explicit one, else {@code x}'s column collation, else the first item's.
   */
  private static String inCollation(BoundExpr x, List<BoundExpr> items) {
    String c = CompareRules.explicit(x);
    for (int i = 0; c == null && i < items.size(); i++) {
      c = CompareRules.explicit(items.get(i));
    }
    if (c == null) {
      c = CompareRules.implicit(x);
    }
    for (int i = 0; c == null && i < items.size(); i++) {
      c = CompareRules.implicit(items.get(i));
    }
    return c;
  }

  /** Constant values of literals. */
  static final class Literals {
    private Literals() {}

    static Value value(Literal l, boolean negate) {
      return switch (l.kind()) {
        case NULL -> Value.NULL;
        case INTEGER -> integer(l, negate);
        case REAL -> Value.of(negate ? -Double.parseDouble(l.text()) : Double.parseDouble(l.text()));
        case STRING -> Value.of(l.text());
        case BLOB -> Value.of(hex(l.text()));
        case TRUE -> Value.of(1L);
        case FALSE -> Value.of(0L);
        case CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP ->
            throw SqlException.error("not supported yet: " + l.kind());
      };
    }

    private static Value integer(Literal l, boolean negate) {
      OptionalLong v = negate ? l.negatedIntegerValue() : l.integerValue();
      if (v.isPresent()) {
        return Value.of(v.getAsLong());
      }
      if (l.text().length() > 1 && (l.text().charAt(1) | 0x20) == 'x') {
        throw SqlException.error("hex literal too big: " + (negate ? "-" : "") + l.text());
      }
      double d = Double.parseDouble(l.text());
      return Value.of(negate ? -d : d);
    }

    private static byte[] hex(String digits) {
      byte[] out = new byte[digits.length() / 2];
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) Integer.parseInt(digits, 2 * i, 2 * i + 2, 16);
      }
      return out;
    }
  }
}
