package dev.pagoda.executor;

import dev.pagoda.btree.TableCursor;
import dev.pagoda.spi.Value;
import java.util.List;

/** The operator classes of query execution. */
final class Operators {
  private Operators() {}

  /** One row with no columns. */
  static final class SingleRowOp implements Operator {
    private boolean done;

    @Override
    public boolean next() {
      if (done) {
        return false;
      }
      done = true;
      return true;
    }

    @Override
    public Value column(int i) {
      throw new IllegalStateException("a single empty row has no column " + i);
    }

    @Override
    public void close() {}
  }

  /** Walks a table B-tree in rowid order. */
  static final class TableScanOp extends TableRowOp {
    private boolean started;

    TableScanOp(TableCursor cursor, RowDecoding decoding) {
      super(cursor, decoding);
    }

    @Override
    public boolean next() {
      Interrupts.check();
      boolean valid = started ? cursor.next() : cursor.first();
      started = true;
      rowChanged();
      return valid;
    }
  }

  /** Passes on the rows whose predicate is true (not false, not NULL). */
  static final class FilterOp implements Operator {
    private final Operator input;
    private final Evaluator predicate;

    FilterOp(Operator input, Evaluator predicate) {
      this.input = input;
      this.predicate = predicate;
    }

    @Override
    public boolean next() {
      while (input.next()) {
        if (Values.truth(predicate.eval(input)) == 1) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Value column(int i) {
      return input.column(i);
    }

    @Override
    public boolean storedText(int i, TextSlice out) {
      return input.storedText(i, out);
    }

    @Override
    public void close() {
      input.close();
    }
  }

  /** Computes the output columns of each input row into one reused array. */
  static final class ProjectOp implements Operator {
    private final Operator input;
    private final Evaluator[] expressions;
    private final Value[] current;

    ProjectOp(Operator input, List<Evaluator> expressions) {
      this.input = input;
      this.expressions = expressions.toArray(new Evaluator[0]);
      this.current = new Value[this.expressions.length];
    }

    @Override
    public boolean next() {
      if (!input.next()) {
        return false;
      }
      for (int i = 0; i < expressions.length; i++) {
        current[i] = expressions[i].eval(input);
      }
      return true;
    }

    @Override
    public Value column(int i) {
      return current[i];
    }

    @Override
    public void close() {
      input.close();
    }
  }

  /** The row that expressions reading no column are evaluated over. */
  static final Row NO_ROW = i -> {
    throw new IllegalStateException("this expression has no input row");
  };

  /** The rows of a VALUES list, each evaluated when reached. */
  static final class ValuesOp implements Operator {
    private final List<Evaluator[]> rows;
    private final Value[] current;
    private int index = -1;

    ValuesOp(List<Evaluator[]> rows) {
      this.rows = rows;
      this.current = new Value[rows.get(0).length];
    }

    @Override
    public boolean next() {
      if (++index >= rows.size()) {
        return false;
      }
      Evaluator[] row = rows.get(index);
      for (int i = 0; i < row.length; i++) {
        current[i] = row[i].eval(NO_ROW);
      }
      return true;
    }

    @Override
    public Value column(int i) {
      return current[i];
    }

    @Override
    public void close() {}
  }

  /** LIMIT and OFFSET. */
  static final class LimitOp implements Operator {
    private final Operator input;
    private long remaining;
    private long skip;

    LimitOp(Operator input, long limit, long skip) {
      this.input = input;
      this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
      this.skip = skip;
    }

    /** A LIMIT or OFFSET value as an integer: SQLite's "datatype mismatch" otherwise. */
    static long count(Value v) {
      Value n = Values.applyAffinity(dev.pagoda.planner.Affinity.NUMERIC, v);
      if (n instanceof Value.Int i) {
        return i.value();
      }
      throw new dev.pagoda.spi.SqlException(
          dev.pagoda.spi.ResultCode.MISMATCH, "datatype mismatch");
    }

    @Override
    public boolean next() {
      while (skip > 0) {
        if (!input.next()) {
          return false;
        }
        skip--;
      }
      if (remaining <= 0) {
        return false;
      }
      remaining--;
      return input.next();
    }

    @Override
    public Value column(int i) {
      return input.column(i);
    }

    @Override
    public void close() {
      input.close();
    }
  }
}
