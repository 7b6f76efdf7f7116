package dev.pagoda;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.TableFunction;
import dev.pagoda.spi.Value;
import java.util.List;

/**
 * Table-valued functions for the engine's tests, loaded through {@code META-INF/services}:
 *
 * <ul>
 *   <li>{@code test_series(start [, stop [, step]])}: column {@code value} from start to stop
 *       (default start) by step (default 1); no rows when start or stop is NULL; hidden columns
 *       {@code start, stop, step};
 *   <li>{@code test_echo([x])}: one row, {@code value} = x and {@code type} = its storage class in
 *       lower case (no row without an argument); hidden column {@code arg};
 *   <li>{@code test_fail(message)}: its open throws {@code SqlException(CONSTRAINT, message)};
 *   <li>{@code test_late_fail(n)}: yields 1..n, then its next throws {@code SqlException}.
 * </ul>
 */
public final class TestTableFunctions implements FunctionProvider {
  public TestTableFunctions() {}

  @Override
  public List<TableFunction> tableFunctions() {
    return List.of(new Series(), new Echo(), new Fail(), new LateFail());
  }

  /** A cursor over {@code start, start + step, ...} up to {@code stop}. */
  private static final class Counting implements TableFunction.Cursor {
    private final long stop;
    private final long step;
    private long current;
    private boolean started;

    Counting(long start, long stop, long step) {
      this.current = start;
      this.stop = stop;
      this.step = step;
    }

    @Override
    public boolean next() {
      if (started) {
        current += step;
      }
      started = true;
      return step > 0 ? current <= stop : current >= stop;
    }

    @Override
    public Value column(int i) {
      return Value.of(current);
    }
  }

  private static final TableFunction.Cursor EMPTY = new TableFunction.Cursor() {
    @Override
    public boolean next() {
      return false;
    }

    @Override
    public Value column(int i) {
      throw new IllegalStateException("no row");
    }
  };

  private static final class Series implements TableFunction {
    @Override
    public String name() {
      return "test_series";
    }

    @Override
    public List<String> columns() {
      return List.of("value");
    }

    @Override
    public List<String> hiddenColumns() {
      return List.of("start", "stop", "step");
    }

    @Override
    public Arity arity() {
      return Arity.range(1, 3);
    }

    @Override
    public Cursor open(FunctionContext ctx, Arguments args) {
      if (args.isNull(0) || (args.size() > 1 && args.isNull(1))) {
        return EMPTY;
      }
      long start = args.getLong(0);
      long stop = args.size() > 1 ? args.getLong(1) : start;
      long step = args.size() > 2 && !args.isNull(2) ? args.getLong(2) : 1;
      if (step == 0) {
        throw SqlException.error("test_series step is 0");
      }
      return new Counting(start, stop, step);
    }
  }

  private static final class Echo implements TableFunction {
    @Override
    public String name() {
      return "test_echo";
    }

    @Override
    public List<String> columns() {
      return List.of("value", "type");
    }

    @Override
    public List<String> hiddenColumns() {
      return List.of("arg");
    }

    @Override
    public Arity arity() {
      return Arity.range(0, 1);
    }

    @Override
    public Cursor open(FunctionContext ctx, Arguments args) {
      if (args.size() == 0) {
        return EMPTY;
      }
      Value v = args.get(0);
      return new Cursor() {
        private boolean done;

        @Override
        public boolean next() {
          boolean row = !done;
          done = true;
          return row;
        }

        @Override
        public Value column(int i) {
          return i == 0 ? v
              : Value.of(v.storageClass().name().toLowerCase(java.util.Locale.ROOT));
        }
      };
    }
  }

  private static final class Fail implements TableFunction {
    @Override
    public String name() {
      return "test_fail";
    }

    @Override
    public List<String> columns() {
      return List.of("value");
    }

    @Override
    public List<String> hiddenColumns() {
      return List.of("message");
    }

    @Override
    public Arity arity() {
      return Arity.exactly(1);
    }

    @Override
    public Cursor open(FunctionContext ctx, Arguments args) {
      throw new SqlException(ResultCode.CONSTRAINT, args.getText(0));
    }
  }

  private static final class LateFail implements TableFunction {
    @Override
    public String name() {
      return "test_late_fail";
    }

    @Override
    public List<String> columns() {
      return List.of("value");
    }

    @Override
    public List<String> hiddenColumns() {
      return List.of("n");
    }

    @Override
    public Arity arity() {
      return Arity.exactly(1);
    }

    @Override
    public Cursor open(FunctionContext ctx, Arguments args) {
      long n = args.getLong(0);
      Counting counting = new Counting(1, n, 1);
      return new Cursor() {
        @Override
        public boolean next() {
          if (!counting.next()) {
            throw SqlException.error("test_late_fail ran out after " + n);
          }
          return true;
        }

        @Override
        public Value column(int i) {
          return counting.column(i);
        }
      };
    }
  }
}
