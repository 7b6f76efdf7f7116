package dev.pagoda.executor;

import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.TreeSet;

/** The built-in aggregate functions: one {@link Aggregator} per group per call. */
final class Aggregators {
  private Aggregators() {}

  /** The running state of one aggregate call over one group. */
  interface Aggregator {
    /**
     * Adds one row's arguments; returns true when the result now comes from this row (min and
     * max, for choosing the row bare columns are read from).
     */
    boolean step(Value[] args);

    /** The result over the rows added. */
    Value result();
  }

  /** A new aggregator for function {@code name}. */
  static Aggregator create(String name, boolean distinct, String collation) {
    Aggregator a = switch (name) {
      case "count" -> new Count();
      case "sum" -> new Sum(Sum.Kind.SUM);
      case "total" -> new Sum(Sum.Kind.TOTAL);
      case "avg" -> new Sum(Sum.Kind.AVG);
      case "min" -> new MinMax(-1, collation);
      case "max" -> new MinMax(1, collation);
      case "group_concat", "string_agg" -> new GroupConcat();
      default -> throw SqlException.error("no such function: " + name);
    };
    return distinct ? new Distinct(a, collation) : a;
  }

  /** count(*) (no arguments) and count(x) (its non-NULL values). */
  static final class Count implements Aggregator {
    private long n;

    @Override
    public boolean step(Value[] args) {
      if (args.length == 0 || !args[0].isNull()) {
        n++;
      }
      return false;
    }

    @Override
    public Value result() {
      return Value.of(n);
    }
  }

  /**
   * sum, total and avg: integers add exactly (sum reports an overflow as an error); once a REAL
   * or non-integer text is seen the sum is a REAL, kept with Kahan-Babuska-Neumaier compensation.
   */
  static final class Sum implements Aggregator {
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

    @Override
    public boolean step(Value[] args) {
      Value v = args[0];
      if (v.isNull()) {
        return false;
      }
      count++;
      // As sqlite3_value_numeric_type: only a text that is an integer is an INTEGER; any other
      // text or a blob adds as a REAL ('abc', '2.0' and X'3132' do, sum('12') is 12).
      Value n = v;
      if (v instanceof Value.Text t) {
        Value parsed = Conversions.parseNumber(t.value());
        n = parsed instanceof Value.Int ? parsed : Value.of(Values.toDouble(v));
      } else if (v instanceof Value.Blob) {
        n = Value.of(Values.toDouble(v));
      }
      if (n instanceof Value.Int i && !real) {
        long r = integer + i.value();
        if (((integer ^ r) & (i.value() ^ r)) < 0) {
          overflow = true;
          real = true;
          sum = (double) integer;
          add((double) i.value());
        } else {
          integer = r;
        }
      } else {
        if (!real) {
          real = true;
          sum = (double) integer;
        } else if (!(n instanceof Value.Int)) {
          overflow = false; // SQLite's sumStep: a REAL after an overflow makes the sum a REAL
        }
        add(Values.toDouble(n));
      }
      return false;
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
    public Value result() {
      double total = real ? sum + compensation : (double) integer;
      return switch (kind) {
        case TOTAL -> Value.of(total);
        case AVG -> count == 0 ? Value.NULL : Value.of(total / count);
        case SUM -> {
          if (count == 0) {
            yield Value.NULL;
          }
          if (overflow) {
            throw new SqlException(ResultCode.ERROR, "integer overflow");
          }
          yield real ? Value.of(total) : Value.of(integer);
        }
      };
    }
  }

  /** min(x) and max(x) over the non-NULL values. */
  static final class MinMax implements Aggregator {
    private final int sign;
    private final String collation;
    private Value best = Value.NULL;

    MinMax(int sign, String collation) {
      this.sign = sign;
      this.collation = collation;
    }

    @Override
    public boolean step(Value[] args) {
      Value v = args[0];
      if (v.isNull()) {
        return false;
      }
      if (best.isNull() || sign * RowOrder.compare(v, best, collation) > 0) {
        best = v;
        return true;
      }
      return false;
    }

    @Override
    public Value result() {
      return best;
    }
  }

  /** group_concat(x [, sep]) and string_agg(x, sep). */
  static final class GroupConcat implements Aggregator {
    private StringBuilder text;

    @Override
    public boolean step(Value[] args) {
      Value v = args[0];
      if (v.isNull()) {
        return false;
      }
      if (text == null) {
        text = new StringBuilder();
      } else {
        Value sep = args.length > 1 ? args[1] : Value.of(",");
        if (!sep.isNull()) {
          text.append(Values.toText(sep));
        }
      }
      text.append(Values.toText(v));
      return false;
    }

    @Override
    public Value result() {
      return text == null ? Value.NULL : Value.of(text.toString());
    }
  }

  /** An aggregate over the distinct values of its one argument. */
  static final class Distinct implements Aggregator {
    private final Aggregator inner;
    private final TreeSet<Value> seen;

    Distinct(Aggregator inner, String collation) {
      this.inner = inner;
      this.seen = new TreeSet<>((a, b) -> RowOrder.compare(a, b, collation));
    }

    @Override
    public boolean step(Value[] args) {
      if (args[0].isNull() || !seen.add(args[0])) {
        return false;
      }
      return inner.step(args);
    }

    @Override
    public Value result() {
      return inner.result();
    }
  }
}
