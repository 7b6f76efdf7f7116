package dev.pagoda.executor;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The built-in aggregate functions (count, sum, total, avg, min, max, group_concat, string_agg)
 * as {@link AggregateFunction}s, and the DISTINCT wrapper the executor puts around any
 * aggregate's accumulator.
 */
final class Aggregators {
  private Aggregators() {}

  private static final Set<FunctionFlag> FLAGS =
      Set.of(FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS);

  /** An accumulator that can tell whether its result now comes from the row just stepped. */
  interface RowPicker {
    boolean pickedLast();
  }

  /** The built-in aggregates. */
  static List<AggregateFunction> all() {
    return List.of(
        builtin("count", Arity.range(0, 1), Count::new),
        builtin("sum", Arity.exactly(1), () -> new Sum(Sum.Kind.SUM)),
        builtin("total", Arity.exactly(1), () -> new Sum(Sum.Kind.TOTAL)),
        builtin("avg", Arity.exactly(1), () -> new Sum(Sum.Kind.AVG)),
        new MinMaxFunction("min", -1),
        new MinMaxFunction("max", 1),
        builtin("group_concat", Arity.range(1, 2), GroupConcat::new),
        builtin("string_agg", Arity.exactly(2), GroupConcat::new));
  }

  /**
   * A new accumulator of {@code f} for one group: min and max compare under {@code collation};
   * with {@code distinct}, only the first of equal first arguments is stepped.
   */
  static AggregateFunction.Accumulator create(AggregateFunction f, FunctionContext ctx,
      boolean distinct, Collation collation) {
    AggregateFunction.Accumulator a = f instanceof MinMaxFunction m
        ? new MinMax(m.sign, collation)
        : f.newAccumulator(ctx);
    return distinct ? new Distinct(a, collation) : a;
  }

  /** -1 for the built-in min, 1 for max; see {@link #picksRow}. */
  static int minMaxSign(AggregateFunction f) {
    return ((MinMaxFunction) f).sign;
  }

  /** True when {@code f} is the built-in min or max, whose row the bare columns follow. */
  static boolean picksRow(AggregateFunction f) {
    return f instanceof MinMaxFunction;
  }

  private static AggregateFunction builtin(String name, Arity arity,
      Supplier<AggregateFunction.Accumulator> make) {
    return new AggregateFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Arity arity() {
        return arity;
      }

      @Override
      public Set<FunctionFlag> flags() {
        return FLAGS;
      }

      @Override
      public Accumulator newAccumulator(FunctionContext ctx) {
        return make.get();
      }

      /** Every built-in made here takes rows back out: see each accumulator's inverse. */
      @Override
      public boolean isWindowCapable() {
        return true;
      }

      @Override
      public String toString() {
        return name + "/" + arity;
      }
    };
  }

  /** min(x) and max(x): binary comparison unless the executor gives a collation. */
  private record MinMaxFunction(String name, int sign) implements AggregateFunction {
    @Override
    public Arity arity() {
      return Arity.exactly(1);
    }

    @Override
    public Set<FunctionFlag> flags() {
      return FLAGS;
    }

    @Override
    public Accumulator newAccumulator(FunctionContext ctx) {
      return new MinMax(sign, null);
    }
  }

  /** count(*) (no arguments) and count(x) (its non-NULL values). */
  static final class Count implements AggregateFunction.Accumulator {
    private long n;

    @Override
    public void step(Arguments args) {
      if (args.size() == 0 || !args.isNull(0)) {
        n++;
      }
    }

    @Override
    public void inverse(Arguments args) {
      if (args.size() == 0 || !args.isNull(0)) {
        n--;
      }
    }

    @Override
    public Value value() {
      return Value.of(n);
    }

    @Override
    public Value finish() {
      return Value.of(n);
    }
  }

  /**
   * sum, total and avg: integers add exactly (sum reports an overflow as an error); once a REAL
   * or non-integer text is seen the sum is a REAL, kept with Kahan-Babuska-Neumaier compensation.
   */
  static final class Sum implements AggregateFunction.Accumulator {
    enum Kind { SUM, TOTAL, AVG }

    private final Kind kind;
    private long count;
    private long integer;
    private boolean real;
    private boolean overflow;
    private double sum;
    private double compensation;

    Sum(Kind kind) {
      this.kind = kind;
    }

    /**
     * As sqlite3_value_numeric_type: only a text that is an integer is an INTEGER; any other
     * text or a blob adds as a REAL ('abc', '2.0' and X'3132' do, sum('12') is 12).
     */
    private static Value numeric(Value v) {
      if (v instanceof Value.Text t) {
        Value parsed = Conversions.parseNumber(t.value());
        return parsed instanceof Value.Int ? parsed : Value.of(Values.toDouble(v));
      } else if (v instanceof Value.Blob) {
        return Value.of(Values.toDouble(v));
      }
      return v;
    }

    /**
     * Takes a row's value back out, as SQLite's sumInverse: an exact integer sum subtracts
     * (an overflow makes it inexact, reported as such by sum), an inexact one adds the negation.
     */
    @Override
    public void inverse(Arguments args) {
      Value v = args.get(0);
      if (v.isNull()) {
        return;
      }
      count--;
      Value n = numeric(v);
      if (!real) {
        long x = Values.toLong(n);
        long r = integer - x;
        if (((integer ^ x) & (integer ^ r)) < 0) {
          overflow = true;
          real = true;
        } else {
          integer = r;
        }
      } else if (n instanceof Value.Int i) {
        if (i.value() != Long.MIN_VALUE) {
          addInt(-i.value());
        } else {
          addInt(Long.MAX_VALUE);
          addInt(1);
        }
      } else {
        add(-Values.toDouble(n));
      }
    }

    /** Turns the exact sum inexact, as SQLite's kahanBabuskaNeumaierInit: a large one in parts. */
    private void initReal() {
      if (integer <= -4503599627370496L || integer >= 4503599627370496L) {
        long small = integer % 16384;
        sum = (double) (integer - small);
        compensation = (double) small;
      } else {
        sum = (double) integer;
        compensation = 0;
      }
    }

    /** Adds an integer as SQLite's kahanBabuskaNeumaierStepInt64: a large one in two parts. */
    private void addInt(long x) {
      if (x <= -4503599627370496L || x >= 4503599627370496L) {
        long small = x % 16384;
        add((double) (x - small));
        add((double) small);
      } else {
        add((double) x);
      }
    }

    @Override
    public Value value() {
      return finish();
    }

    @Override
    public void step(Arguments args) {
      Value v = args.get(0);
      if (v.isNull()) {
        return;
      }
      count++;
      Value n = numeric(v);
      if (n instanceof Value.Int i && !real) {
        long r = integer + i.value();
        if (((integer ^ r) & (i.value() ^ r)) < 0) {
          overflow = true;
          real = true;
          initReal();
          addInt(i.value());
        } else {
          integer = r;
        }
      } else {
        if (!real) {
          real = true;
          initReal();
        } else if (!(n instanceof Value.Int)) {
          overflow = false; // SQLite's sumStep: a REAL after an overflow makes the sum a REAL
        }
        if (n instanceof Value.Int i) {
          addInt(i.value());
        } else {
          add(Values.toDouble(n));
        }
      }
    }

    private void add(double x) {
      double t = sum + x;
      if (Math.abs(sum) >= Math.abs(x)) {
        compensation += (sum - t) + x;
      } else {
        compensation += (x - t) + sum;
      }
      sum = t;
    }

    @Override
    public Value finish() {
      // As SQLite's sumFinalize: a compensation that overflowed (an infinity among the values)
      // is left out, and a NaN result (+Inf plus -Inf) is NULL.
      double total = !real ? (double) integer
          : Double.isFinite(compensation) ? sum + compensation : sum;
      return switch (kind) {
        case TOTAL -> realOrNull(total);
        case AVG -> count == 0 ? Value.NULL : realOrNull(total / count);
        case SUM -> {
          if (count == 0) {
            yield Value.NULL;
          }
          if (overflow) {
            throw new SqlException(ResultCode.ERROR, "integer overflow");
          }
          yield real ? realOrNull(total) : Value.of(integer);
        }
      };
    }

    private static Value realOrNull(double d) {
      return Double.isNaN(d) ? Value.NULL : Value.of(d);
    }
  }

  /** min(x) and max(x) over the non-NULL values. */
  static final class MinMax implements AggregateFunction.Accumulator, RowPicker {
    private final int sign;
    private final Collation collation;
    private Value best = Value.NULL;
    private boolean picked;

    MinMax(int sign, Collation collation) {
      this.sign = sign;
      this.collation = collation;
    }

    @Override
    public void step(Arguments args) {
      Value v = args.get(0);
      if (v.isNull()) {
        picked = false;
        return;
      }
      if (best.isNull() || sign * RowOrder.compare(v, best, collation) > 0) {
        best = v;
        picked = true;
        return;
      }
      picked = false;
    }

    @Override
    public Value finish() {
      return best;
    }

    /** The extreme so far: min and max grow frames but have no inverse. */
    @Override
    public Value value() {
      return best;
    }

    @Override
    public boolean pickedLast() {
      return picked;
    }
  }

  /**
   * group_concat(x [, sep]) and string_agg(x, sep). As a window aggregate it follows SQLite's
   * groupConcatInverse: taking the first value out removes its text and the separator after it;
   * once the text is empty the next value starts afresh (no separator); and its value while
   * values remain but the text is empty is the one-character string of a NUL, as SQLite's
   * groupConcatValue gives it.
   */
  static final class GroupConcat implements AggregateFunction.Accumulator {
    private StringBuilder text;
    private boolean started;
    private long accumulated;
    private int firstSeparator;
    /** The length of the separator written before each value after the first. */
    private final java.util.ArrayDeque<Integer> separators = new java.util.ArrayDeque<>();

    @Override
    public void step(Arguments args) {
      Value v = args.get(0);
      if (v.isNull()) {
        return;
      }
      if (text == null) {
        text = new StringBuilder();
      }
      Value sep = args.size() > 1 ? args.get(1) : Value.of(",");
      String sepText = sep.isNull() ? "" : Values.toText(sep);
      if (started) {
        text.append(sepText);
        separators.addLast(sepText.length());
      } else {
        firstSeparator = sepText.length();
      }
      started = true;
      accumulated++;
      text.append(Values.toText(v));
    }

    @Override
    public void inverse(Arguments args) {
      Value v = args.get(0);
      if (v.isNull() || text == null) {
        return;
      }
      int n = Values.toText(v).length();
      accumulated--;
      if (!separators.isEmpty()) {
        if (accumulated > 0) {
          n += separators.removeFirst();
        }
      } else {
        n += firstSeparator;
      }
      text.delete(0, Math.min(n, text.length()));
      if (text.length() == 0) {
        started = false;
        separators.clear();
      }
    }

    @Override
    public Value value() {
      if (accumulated > 0 && (text == null || text.length() == 0)) {
        return Value.of("\0");
      }
      return text == null || text.length() == 0 ? Value.NULL : Value.of(text.toString());
    }

    @Override
    public Value finish() {
      return text == null ? Value.NULL : Value.of(text.toString());
    }
  }

  /** An aggregate over the distinct values of its one argument. */
  static final class Distinct implements AggregateFunction.Accumulator, RowPicker {
    private final AggregateFunction.Accumulator inner;
    private final TreeSet<Value> seen;
    private boolean picked;

    Distinct(AggregateFunction.Accumulator inner, Collation collation) {
      this.inner = inner;
      this.seen = new TreeSet<>((a, b) -> RowOrder.compare(a, b, collation));
    }

    @Override
    public void step(Arguments args) {
      if (args.isNull(0) || !seen.add(args.get(0))) {
        picked = false;
        return;
      }
      inner.step(args);
      picked = inner instanceof RowPicker p && p.pickedLast();
    }

    @Override
    public Value finish() {
      return inner.finish();
    }

    @Override
    public boolean pickedLast() {
      return picked;
    }
  }

  /**
   * An aggregate whose rows are stepped in an order of their own ({@code group_concat(x ORDER BY
   * y)}): each row's arguments and sort keys are kept, and at the end sorted (stably, so equal
   * keys keep input order) and stepped into the inner accumulator. The rows of a group are held in
   * memory.
   */
  static final class Ordered implements AggregateFunction.Accumulator {
    private final AggregateFunction.Accumulator inner;
    private final int argc;
    private final java.util.Comparator<Value[]> order;
    private final java.util.List<Value[]> rows = new java.util.ArrayList<>();

    Ordered(AggregateFunction.Accumulator inner, int argc, java.util.Comparator<Value[]> order) {
      this.inner = inner;
      this.argc = argc;
      this.order = order;
    }

    /** Keeps the arguments and sort keys of {@code row}. */
    void add(Row row, Evaluator[] args, Evaluator[] keys) {
      Value[] kept = new Value[args.length + keys.length];
      for (int a = 0; a < args.length; a++) {
        kept[a] = args[a].eval(row);
      }
      for (int k = 0; k < keys.length; k++) {
        kept[args.length + k] = keys[k].eval(row);
      }
      rows.add(kept);
    }

    @Override
    public void step(Arguments args) {
      throw new IllegalStateException("an ordered aggregate takes rows through add()");
    }

    @Override
    public Value finish() {
      rows.sort(order);
      ArgumentBuffer buffer = new ArgumentBuffer(argc);
      Value[] values = buffer.values();
      for (Value[] r : rows) {
        System.arraycopy(r, 0, values, 0, argc);
        inner.step(buffer);
      }
      return inner.finish();
    }
  }
}
