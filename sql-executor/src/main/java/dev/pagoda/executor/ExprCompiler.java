package dev.pagoda.executor;

import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.plan.BinaryOp;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.CompareRules;
import dev.pagoda.spi.Value;
import java.util.List;

/** Turns bound expressions into evaluators, once per prepared statement. */
final class ExprCompiler {
  private final Bindings bindings;
  private final RunContext run;
  /** The rows of the enclosing queries: element d-1 holds the row at depth d. */
  private final List<Frame> outers;

  /** Where a subquery's evaluator puts the row its plan's outer references read. */
  static final class Frame {
    Row row;
  }
  private final FunctionCompiler functions = new FunctionCompiler(this);

  ExprCompiler(Bindings bindings) {
    this(bindings, Session.NONE);
  }

  ExprCompiler(Bindings bindings, Session session) {
    this(bindings, new RunContext(session), List.of());
  }

  /**
   * A compiler for a trigger program's expressions and statements: a run context of its own, and
   * {@code frame} (the trigger row) as the row of outer references at depth 1.
   */
  ExprCompiler forTrigger(Frame frame) {
    return new ExprCompiler(bindings, new RunContext(run.session(), run), List.of(frame));
  }

  /**
   * A compiler for expressions inside this one's scope with {@code frame} as the row at depth 1
   * (an upsert's excluded row) and this compiler's outer rows deeper; the same run context.
   */
  ExprCompiler withOuter(Frame frame) {
    List<Frame> inner = new java.util.ArrayList<>();
    inner.add(frame);
    inner.addAll(outers);
    return new ExprCompiler(bindings, run, List.copyOf(inner));
  }

  private ExprCompiler(Bindings bindings, RunContext run, List<Frame> outers) {
    this.bindings = bindings;
    this.run = run;
    this.outers = outers;
  }

  /** Compiles a whole statement with this compiler (a trigger program's, for its steps). */
  CompiledStatement statement(dev.pagoda.planner.plan.Plan plan) {
    ExprCompiler compiler = this;
    if (plan instanceof dev.pagoda.planner.plan.Plan.Query q) {
      return new QueryStatement(q, compiler);
    } else if (plan instanceof dev.pagoda.planner.plan.Plan.Insert i) {
      return new InsertStatement(i, compiler);
    } else if (plan instanceof dev.pagoda.planner.plan.Plan.Upsert u) {
      return new InsertStatement(u.insert(), compiler).upsert(new UpsertOp(u.clauses(), this));
    } else if (plan instanceof dev.pagoda.planner.plan.Plan.Returning r) {
      return new ReturningStatement(r, compiler);
    } else if (plan instanceof dev.pagoda.planner.plan.Plan.Update u) {
      return new UpdateStatement(u, compiler);
    } else if (plan instanceof dev.pagoda.planner.plan.Plan.Delete d) {
      return new DeleteStatement(d, compiler);
    } else if (plan instanceof dev.pagoda.planner.plan.Plan.InsteadOf v) {
      return new InsteadOfStatement(v, compiler);
    }
    return new SchemaStatement(plan, this);
  }

  /** The aggregate function a call of {@code name} with {@code argc} arguments means. */
  dev.pagoda.spi.AggregateFunction aggregate(String name, int argc) {
    return functions.aggregate(name, argc);
  }

  /** The collation named {@code name} as this connection knows it; BINARY for null. */
  dev.pagoda.spi.Collation collation(String name) {
    return Comparison.collation(name, run.session().functions());
  }

  /** The run context every evaluator and operator compiled here shares. */
  RunContext run() {
    return run;
  }

  Evaluator compile(BoundExpr e) {
    if (e instanceof BoundExpr.Constant c) {
      return constant(c.value());
    } else if (e instanceof BoundExpr.Column c) {
      return column(c.index());
    } else if (e instanceof BoundExpr.Parameter p) {
      return parameter(p.index());
    } else if (e instanceof BoundExpr.Unary u) {
      return unary(u);
    } else if (e instanceof BoundExpr.Binary b) {
      return binary(b);
    } else if (e instanceof BoundExpr.IsNull n) {
      return isNull(compile(n.operand()), n.negated());
    } else if (e instanceof BoundExpr.Cast c) {
      return cast(compile(c.operand()), c.target());
    } else if (e instanceof BoundExpr.InList in) {
      return inList(in);
    } else if (e instanceof BoundExpr.Case c) {
      return caseExpr(c);
    } else if (e instanceof BoundExpr.Outer o) {
      Frame frame = outers.get(o.depth() - 1);
      int index = o.index();
      return row -> frame.row.column(index);
    } else if (e instanceof BoundExpr.Subquery q) {
      return subquery(q);
    } else if (e instanceof BoundExpr.Function f) {
      return functions.function(f);
    } else if (e instanceof BoundExpr.Like l) {
      return functions.like(l);
    } else if (e instanceof BoundExpr.Collate c) {
      return compile(c.operand());
    } else if (e instanceof BoundExpr.Raise r) {
      return raise(r);
    }
    throw new AssertionError("unknown bound expression: " + e);
  }

  private static Evaluator constant(Value v) {
    return row -> v;
  }

  private static Evaluator column(int index) {
    return row -> row.column(index);
  }

  private Evaluator parameter(int index) {
    Bindings b = bindings;
    return row -> b.get(index);
  }

  private Evaluator unary(BoundExpr.Unary u) {
    Evaluator operand = compile(u.operand());
    return switch (u.op()) {
      case NEGATE -> row -> {
        Value v = operand.eval(row);
        return v.isNull() ? v : Arithmetic.negate(Values.toNumber(v));
      };
      case PLUS -> operand;
      case NOT -> row -> {
        int t = Values.truth(operand.eval(row));
        return t < 0 ? Value.NULL : Values.of(t == 0);
      };
      case BITNOT -> row -> {
        Value v = operand.eval(row);
        return v.isNull() ? v : Value.of(~Values.toLong(v));
      };
    };
  }

  private Evaluator binary(BoundExpr.Binary b) {
    Evaluator l = compile(b.left());
    Evaluator r = compile(b.right());
    BinaryOp op = b.op();
    return switch (op) {
      case AND -> row -> and(l.eval(row), r, row);
      case OR -> row -> or(l.eval(row), r, row);
      case EQ, NE, LT, LE, GT, GE, IS, IS_NOT -> comparison(
          op, l, r, b.compareAffinity(), collation(b.compareCollation()));
      case CONCAT -> row -> {
        Value x = l.eval(row);
        Value y = r.eval(row);
        if (x.isNull() || y.isNull()) {
          return Value.NULL;
        }
        return Value.of(Values.toText(x) + Values.toText(y));
      };
      default -> arithmetic(op, l, r);
    };
  }

  private static Value and(Value x, Evaluator r, Row row) {
    int a = Values.truth(x);
    if (a == 0) {
      return Values.FALSE;
    }
    int b = Values.truth(r.eval(row));
    if (b == 0) {
      return Values.FALSE;
    }
    return a < 0 || b < 0 ? Value.NULL : Values.TRUE;
  }

  private static Value or(Value x, Evaluator r, Row row) {
    int a = Values.truth(x);
    if (a == 1) {
      return Values.TRUE;
    }
    int b = Values.truth(r.eval(row));
    if (b == 1) {
      return Values.TRUE;
    }
    return a < 0 || b < 0 ? Value.NULL : Values.FALSE;
  }

  private static Evaluator comparison(
      BinaryOp op, Evaluator l, Evaluator r, Affinity aff, dev.pagoda.spi.Collation collation) {
    return row -> {
      Value x = l.eval(row);
      Value y = r.eval(row);
      if (x.isNull() || y.isNull()) {
        if (op == BinaryOp.IS) {
          return Values.of(x.isNull() && y.isNull());
        }
        if (op == BinaryOp.IS_NOT) {
          return Values.of(x.isNull() != y.isNull());
        }
        return Value.NULL;
      }
      int c = Comparison.compare(x, y, aff, collation);
      return Values.of(
          switch (op) {
            case EQ, IS -> c == 0;
            case NE, IS_NOT -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> throw new AssertionError("not a comparison: " + op);
          });
    };
  }

  private static Evaluator arithmetic(BinaryOp op, Evaluator l, Evaluator r) {
    return row -> {
      Value x = l.eval(row);
      Value y = r.eval(row);
      if (x.isNull() || y.isNull()) {
        return Value.NULL;
      }
      // %, &, |, << and >> read a TEXT or BLOB operand's integer as sqlite3VdbeIntValue does:
      // its leading integer digits ('1e3' % 7 is 1.0, '1e3' & 7 is 1), not its numeric value.
      Value xi = x;
      Value yi = y;
      x = Values.toNumber(x);
      y = Values.toNumber(y);
      return switch (op) {
        case ADD -> Arithmetic.add(x, y);
        case SUB -> Arithmetic.subtract(x, y);
        case MUL -> Arithmetic.multiply(x, y);
        case DIV -> Arithmetic.divide(x, y);
        case MOD -> Arithmetic.remainder(x, y, Values.toLong(xi), Values.toLong(yi));
        case BITAND -> Value.of(Values.toLong(xi) & Values.toLong(yi));
        case BITOR -> Value.of(Values.toLong(xi) | Values.toLong(yi));
        case SHL -> Arithmetic.shift(Values.toLong(xi), Values.toLong(yi));
        case SHR -> Arithmetic.shiftRight(Values.toLong(xi), Values.toLong(yi));
        default -> throw new AssertionError("not arithmetic: " + op);
      };
    };
  }

  private static Evaluator isNull(Evaluator operand, boolean negated) {
    return row -> Values.of(operand.eval(row).isNull() != negated);
  }

  private static Evaluator cast(Evaluator operand, Affinity target) {
    return row -> Casts.cast(operand.eval(row), target);
  }

  private Evaluator inList(BoundExpr.InList in) {
    Evaluator operand = compile(in.operand());
    List<Evaluator> items = in.items().stream().map(this::compile).toList();
    List<Affinity> affinities = in.compareAffinities();
    dev.pagoda.spi.Collation collation = collation(in.compareCollation());
    boolean negated = in.negated();
    return row -> {
      Value x = operand.eval(row);
      if (x.isNull()) {
        return items.isEmpty() ? Values.of(negated) : Value.NULL;
      }
      boolean sawNull = false;
      for (int i = 0; i < items.size(); i++) {
        Value y = items.get(i).eval(row);
        if (y.isNull()) {
          sawNull = true;
        } else if (Comparison.compare(x, y, affinities.get(i), collation) == 0) {
          return Values.of(!negated);
        }
      }
      return sawNull ? Value.NULL : Values.of(negated);
    };
  }

  private Evaluator caseExpr(BoundExpr.Case c) {
    Evaluator base = c.base() == null ? null : compile(c.base());
    List<Evaluator> whens = c.whens().stream().map(this::compile).toList();
    List<Evaluator> thens = c.thens().stream().map(this::compile).toList();
    int n = c.whens().size();
    Affinity[] affinities = new Affinity[n];
    dev.pagoda.spi.Collation[] collations = new dev.pagoda.spi.Collation[n];
    for (int i = 0; base != null && i < n; i++) {
      // CASE x WHEN w compares as x = w does: the same affinity and collation rules.
      affinities[i] = CompareRules.affinity(c.base(), c.whens().get(i));
      collations[i] = collation(CompareRules.collation(c.base(), c.whens().get(i)));
    }
    Evaluator otherwise = c.otherwise() == null ? constant(Value.NULL) : compile(c.otherwise());
    return row -> {
      Value b = base == null ? null : base.eval(row);
      for (int i = 0; i < whens.size(); i++) {
        Value w = whens.get(i).eval(row);
        boolean hit =
            b == null
                ? Values.truth(w) == 1
                : !b.isNull() && !w.isNull()
                    && Comparison.compare(b, w, affinities[i], collations[i]) == 0;
        if (hit) {
          return thens.get(i).eval(row);
        }
      }
      return otherwise.eval(row);
    };
  }

  /** RAISE: IGNORE unwinds to the firing row; the others fail as SQLITE_CONSTRAINT_TRIGGER. */
  private Evaluator raise(BoundExpr.Raise r) {
    if (r.action() == dev.pagoda.parser.ast.RaiseAction.IGNORE) {
      return row -> {
        throw new TriggerIgnore();
      };
    }
    Evaluator message = compile(r.message());
    dev.pagoda.parser.ast.ConflictAction action = switch (r.action()) {
      case ROLLBACK -> dev.pagoda.parser.ast.ConflictAction.ROLLBACK;
      case FAIL -> dev.pagoda.parser.ast.ConflictAction.FAIL;
      default -> dev.pagoda.parser.ast.ConflictAction.ABORT;
    };
    return row -> {
      Value m = message.eval(row);
      throw new ConstraintViolation(dev.pagoda.spi.ResultCode.CONSTRAINT_TRIGGER,
          m.isNull() ? "" : Values.toText(m), action);
    };
  }

  private Evaluator subquery(BoundExpr.Subquery q) {
    Frame frame = new Frame();
    List<Frame> inner = new java.util.ArrayList<>();
    inner.add(frame);
    inner.addAll(outers);
    ExprCompiler child = new ExprCompiler(bindings, run, List.copyOf(inner));
    OperatorFactory plan = new PlanCompiler(child).compile(q.plan());
    Evaluator operand = q.operand() == null ? null : compile(q.operand());
    return new SubqueryEvaluator(q, plan, frame, operand, run);
  }
}
