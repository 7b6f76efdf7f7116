package dev.pagoda.executor;

import dev.pagoda.planner.Affinity;
import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.List;
import java.util.Set;

/**
 * SQLite's built-in window functions (lang_windowfunc.html): row_number, rank, dense_rank,
 * percent_rank, cume_dist, ntile, lag, lead, first_value, last_value and nth_value. Each is a
 * {@link PartitionFunction}: callable only with an OVER clause. As in SQLite, only first_value,
 * last_value and nth_value look at the frame; the others see the whole partition.
 */
public final class WindowFunctions implements FunctionProvider {
  private static final Set<FunctionFlag> FLAGS =
      Set.of(FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS);

  /** The body of one function. */
  @FunctionalInterface
  private interface Body {
    Value value(WindowPartition p, int row, FrameRows frame, Value[][] args);
  }

  private record Fn(String name, Arity arity, boolean usesFrame, Body body)
      implements PartitionFunction {
    @Override
    public Value value(WindowPartition p, int row, FrameRows frame, Value[][] args) {
      return body.value(p, row, frame, args);
    }

    @Override
    public Set<FunctionFlag> flags() {
      return FLAGS;
    }
  }

  private static final List<AggregateFunction> ALL = List.of(
      new Fn("row_number", Arity.exactly(0), false, (p, i, f, a) -> Value.of(i + 1L)),
      new Fn("rank", Arity.exactly(0), false, (p, i, f, a) -> Value.of(p.peerStart(i) + 1L)),
      new Fn("dense_rank", Arity.exactly(0), false, (p, i, f, a) -> Value.of(p.group(i) + 1L)),
      new Fn("percent_rank", Arity.exactly(0), false, (p, i, f, a) -> Value.of(
          p.size() > 1 ? (double) p.peerStart(i) / (p.size() - 1) : 0.0)),
      new Fn("cume_dist", Arity.exactly(0), false,
          (p, i, f, a) -> Value.of((double) p.peerEnd(i) / p.size())),
      new Fn("ntile", Arity.exactly(1), false, WindowFunctions::ntile),
      new Fn("lag", Arity.range(1, 3), false, (p, i, f, a) -> shifted(p, i, a, false)),
      new Fn("lead", Arity.range(1, 3), false, (p, i, f, a) -> shifted(p, i, a, true)),
      new Fn("first_value", Arity.exactly(1), true, (p, i, f, a) -> at(a, f.row(0))),
      new Fn("last_value", Arity.exactly(1), true, (p, i, f, a) -> at(a, f.last())),
      new Fn("nth_value", Arity.exactly(2), true, WindowFunctions::nth));

  /** For {@link java.util.ServiceLoader}. */
  public WindowFunctions() {}

  @Override
  public String providerName() {
    return "pagoda window functions";
  }

  @Override
  public List<AggregateFunction> aggregateFunctions() {
    return ALL;
  }

  private static Value at(Value[][] args, int row) {
    return row < 0 ? Value.NULL : args[row][0];
  }

  /**
   * ntile(N): the partition split into N buckets, the first ones one row larger; N is the first
   * row's argument as sqlite3_value_int64 reads it.
   */
  private static Value ntile(WindowPartition p, int row, FrameRows frame, Value[][] args) {
    long buckets = Values.toLong(args[0][0]);
    if (buckets <= 0) {
      throw SqlException.error("argument of ntile must be a positive integer");
    }
    long n = p.size();
    long size = n / buckets;
    if (size == 0) {
      return Value.of(row + 1L);
    }
    long large = n - buckets * size;
    long small = large * (size + 1);
    return Value.of(row < small ? 1 + row / (size + 1) : 1 + large + (row - small) / size);
  }

  /**
   * lag and lead: the argument at the row {@code offset} rows before (after) this one, counted as
   * SQLite's OP_Subtract (OP_Add) on the row number; the default (or NULL) when that is no
   * row of the partition or not an integer.
   */
  private static Value shifted(WindowPartition p, int row, Value[][] args, boolean lead) {
    Value[] own = args[row];
    Value fallback = own.length > 2 ? own[2] : Value.NULL;
    long target;
    if (own.length < 2) {
      target = lead ? row + 1L : row - 1L;
    } else {
      Value offset = Values.toNumber(own[1]);
      if (offset.isNull()) {
        return fallback;
      }
      Value here = Value.of(row + 1L);
      Value t = Values.applyAffinity(Affinity.NUMERIC,
          lead ? Arithmetic.add(here, offset) : Arithmetic.subtract(here, offset));
      if (!(t instanceof Value.Int i)) {
        return fallback;
      }
      target = i.value() - 1;
    }
    return target >= 0 && target < p.size() ? args[(int) target][0] : fallback;
  }

  /** nth_value(x, N): x at the frame's N-th row; N must be a positive integer. */
  private static Value nth(WindowPartition p, int row, FrameRows frame, Value[][] args) {
    Value n = Values.applyAffinity(Affinity.NUMERIC, args[row][1]);
    if (!(n instanceof Value.Int i) || i.value() <= 0) {
      throw SqlException.error("second argument to nth_value must be a positive integer");
    }
    return at(args, frame.row(i.value() - 1));
  }
}
