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

  /**
   * Walks a table B-tree in rowid order, decoding columns lazily. A column of REAL affinity may
   * hold an integer on disk (SQLite stores integral reals that way to save space); it reads back
   * as a REAL.
   */
  static final class TableScanOp implements Operator {
    private final TableCursor cursor;
    private final int rowidAlias;
    private final int rowidColumn;
    private final boolean[] realColumns;
    private final RecordReader record = new RecordReader();
    private boolean started;
    private boolean decoded;

    TableScanOp(TableCursor cursor, int rowidAlias, boolean[] realColumns) {
      this.cursor = cursor;
      this.rowidAlias = rowidAlias;
      this.rowidColumn = realColumns.length;
      this.realColumns = realColumns;
    }

    @Override
    public boolean next() {
      boolean valid = started ? cursor.next() : cursor.first();
      started = true;
      decoded = false;
      return valid;
    }

    @Override
    public Value column(int i) {
      if (i == rowidColumn || i == rowidAlias) {
        return Value.of(cursor.rowid());
      }
      if (!decoded) {
        record.reset(cursor.payload());
        decoded = true;
      }
      Value v = record.column(i);
      if (realColumns[i] && v instanceof Value.Int n) {
        return Value.of((double) n.value());
      }
      return v;
    }

    @Override
    public void close() {
      cursor.close();
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
}
