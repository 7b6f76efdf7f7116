package dev.pagoda.executor;

import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.CompareRules;
import dev.pagoda.planner.FunctionCatalog;
import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.List;

/**
 * Compiles function calls and LIKE/GLOB into evaluators. The name is resolved against the
 * session's {@link FunctionCatalog} here, at prepare time, so unknown names and bad argument
 * counts fail early.
 * coalesce, ifnull and iif evaluate their arguments lazily, as SQLite does; min and max compare
 * under the collation of their first argument that has one.
 */
final class FunctionCompiler {
  private final ExprCompiler exprs;

  FunctionCompiler(ExprCompiler exprs) {
    this.exprs = exprs;
  }

  Evaluator function(BoundExpr.Function f) {
    ScalarFunction fn = functions().scalar(f.name(), f.args().size());
    Evaluator[] args = compileAll(f.args());
    if (fn instanceof Builtin.Scalar) {
      Evaluator special = special(f, args, functions());
      if (special != null) {
        return special;
      }
    }
    return call(fn, f.name(), args);
  }

  /** The aggregate {@code name} with {@code argc} arguments, for the aggregate operator. */
  AggregateFunction aggregate(String name, int argc) {
    if (functions().resolve(name, argc) instanceof AggregateFunction a) {
      return a;
    }
    throw SqlException.error("no such function: " + name);
  }

  private FunctionCatalog functions() {
    return exprs.run().session().functions();
  }

  /**
   * The built-ins SQLite compiles specially: coalesce, ifnull and iif evaluate lazily, the
   * likelihood family is its first argument, and min and max compare under a collation; null
   * for the others.
   */
  private static Evaluator special(BoundExpr.Function f, Evaluator[] args,
      FunctionCatalog catalog) {
    switch (f.name()) {
      case "coalesce", "ifnull" -> {
        return coalesce(args);
      }
      case "iif" -> {
        return iif(args);
      }
      case "likely", "unlikely" -> {
        return args[0];
      }
      case "likelihood" -> {
        checkProbability(f.args().get(1));
        return args[0];
      }
      case "min", "max" -> {
        dev.pagoda.spi.Collation c = Comparison.collation(firstCollation(f.args()), catalog);
        if (c != BuiltinCollation.BINARY) {
          boolean max = f.name().equals("max");
          return call(args, a -> CoreFunctions.minMax(a, c, max));
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private Evaluator[] compileAll(List<BoundExpr> list) {
    Evaluator[] out = new Evaluator[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = exprs.compile(list.get(i));
    }
    return out;
  }

  /**
   * Evaluates the arguments into one buffer reused for every row, then calls {@code fn}. An
   * exception other than {@link SqlException} from a plug-in becomes an SQL error naming the
   * function, so a faulty plug-in cannot throw arbitrary exceptions through the engine.
   */
  private Evaluator call(ScalarFunction fn, String name, Evaluator[] args) {
    ArgumentBuffer buffer = new ArgumentBuffer(args.length);
    Value[] values = buffer.values();
    CallContext ctx = new CallContext(exprs.run());
    return row -> {
      for (int i = 0; i < args.length; i++) {
        values[i] = args[i].eval(row);
      }
      ctx.arguments(buffer);
      Value v;
      try {
        v = fn.call(ctx, buffer);
      } catch (SqlException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new SqlException(ResultCode.ERROR, name + "(): " + e, e);
      }
      return v == null ? Value.NULL : v;
    };
  }

  /** Evaluates the arguments into one array reused for every row, then calls the body. */
  private static Evaluator call(Evaluator[] args, Builtin.Body body) {
    Value[] buffer = new Value[args.length];
    return row -> {
      for (int i = 0; i < args.length; i++) {
        buffer[i] = args[i].eval(row);
      }
      return body.apply(buffer);
    };
  }

  private static Evaluator coalesce(Evaluator[] args) {
    return row -> {
      for (Evaluator a : args) {
        Value v = a.eval(row);
        if (!v.isNull()) {
          return v;
        }
      }
      return Value.NULL;
    };
  }

  /** {@code iif(c1, v1 [, c2, v2 ...] [, else])}, evaluated as a CASE. */
  private static Evaluator iif(Evaluator[] args) {
    return row -> {
      int i = 0;
      for (; i + 1 < args.length; i += 2) {
        if (Values.truth(args[i].eval(row)) == 1) {
          return args[i + 1].eval(row);
        }
      }
      return i < args.length ? args[i].eval(row) : Value.NULL;
    };
  }

  /** likelihood()'s second argument must be a REAL literal from 0.0 to 1.0, as in SQLite. */
  private static void checkProbability(BoundExpr p) {
    if (!(p instanceof BoundExpr.Constant c && c.value() instanceof Value.Real r
        && r.value() >= 0.0 && r.value() <= 1.0)) {
      throw SqlException.error(
          "second argument to likelihood() must be a constant between 0.0 and 1.0");
    }
  }

  private static String firstCollation(List<BoundExpr> args) {
    for (BoundExpr a : args) {
      String c = CompareRules.of(a);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  /**
   * {@code value [NOT] LIKE|GLOB pattern [ESCAPE escape]}. A LIKE of a column matches a TEXT
   * value stored in the row's record on its UTF-8 bytes ({@link Utf8LikePattern}), without
   * decoding it; any other value (NULL, numbers, blobs, computed columns) or text the bytes
   * cannot tell about is matched as a string, as SQLite converts it.
   */
  Evaluator like(BoundExpr.Like l) {
    Evaluator value = exprs.compile(l.value());
    Evaluator pattern = exprs.compile(l.pattern());
    Evaluator escape = l.escape() == null ? null : exprs.compile(l.escape());
    PatternCache cache = new PatternCache(l.glob());
    boolean negated = l.negated();
    if (!l.glob() && l.value() instanceof BoundExpr.Column c) {
      return storedTextLike(c.index(), value, pattern, escape, cache, negated);
    }
    return row -> {
      Value v = value.eval(row);
      Value p = pattern.eval(row);
      Value e = escape == null ? null : escape.eval(row);
      return like(v, p, e, cache, negated);
    };
  }

  private static Value like(Value v, Value p, Value e, PatternCache cache, boolean negated) {
    if (v.isNull() || p.isNull() || (e != null && e.isNull())) {
      return Value.NULL;
    }
    int esc = e == null ? LikePattern.NO_ESCAPE : LikePattern.escapeChar(e);
    return Values.of(cache.get(Values.toText(p), esc).matches(Values.toText(v)) != negated);
  }

  /**
   * LIKE of column {@code column}: the pattern and escape first (reading a column has no effect
   * to order them after, and the bytes are then used before anything else runs), then the
   * column's stored text bytes when the row has them, else its value.
   */
  private static Evaluator storedTextLike(int column, Evaluator value, Evaluator pattern,
      Evaluator escape, PatternCache cache, boolean negated) {
    TextSlice text = new TextSlice();
    return row -> {
      Value p = pattern.eval(row);
      Value e = escape == null ? null : escape.eval(row);
      if (!p.isNull() && (e == null || !e.isNull()) && row.storedText(column, text)) {
        int esc = e == null ? LikePattern.NO_ESCAPE : LikePattern.escapeChar(e);
        int m = cache.bytes(Values.toText(p), esc).match(text.bytes, text.start, text.length);
        if (m != Utf8LikePattern.UNKNOWN) {
          return Values.of((m == Utf8LikePattern.MATCH) != negated);
        }
      }
      return like(value.eval(row), p, e, cache, negated);
    };
  }

  /**
   * The last compiled pattern of one LIKE or GLOB: a constant pattern is compiled once, a
   * varying one again only when it changes; its byte form ({@link #bytes}) once it is asked for.
   */
  private static final class PatternCache {
    private final boolean glob;
    private String text;
    private int escape;
    private LikePattern compiled;
    private Utf8LikePattern bytes;

    PatternCache(boolean glob) {
      this.glob = glob;
    }

    LikePattern get(String pattern, int esc) {
      refresh(pattern, esc);
      if (compiled == null) {
        compiled = glob ? LikePattern.glob(pattern) : LikePattern.like(pattern, esc);
      }
      return compiled;
    }

    /** The LIKE pattern {@code pattern} (never a GLOB one) matched on UTF-8 bytes. */
    Utf8LikePattern bytes(String pattern, int esc) {
      refresh(pattern, esc);
      if (bytes == null) {
        bytes = Utf8LikePattern.like(pattern, esc);
      }
      return bytes;
    }

    private void refresh(String pattern, int esc) {
      if (text == null || esc != escape || !pattern.equals(text)) {
        text = pattern;
        escape = esc;
        compiled = null;
        bytes = null;
      }
    }
  }
}
