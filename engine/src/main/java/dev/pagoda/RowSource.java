package dev.pagoda;

import dev.pagoda.executor.QueryRun;
import dev.pagoda.spi.Value;
import java.util.List;

/** Where a {@link Rows} gets its rows: a running query, or rows computed up front (PRAGMAs). */
interface RowSource extends AutoCloseable {
  boolean next();

  Value column(int i);

  @Override
  void close();

  static RowSource of(QueryRun run) {
    return new RowSource() {
      @Override
      public boolean next() {
        return run.next();
      }

      @Override
      public Value column(int i) {
        return run.column(i);
      }

      @Override
      public void close() {
        run.close();
      }
    };
  }

  /** Rows already computed, each a list of values. */
  static RowSource of(List<List<Value>> rows) {
    return new RowSource() {
      private int index = -1;

      @Override
      public boolean next() {
        return ++index < rows.size();
      }

      @Override
      public Value column(int i) {
        return rows.get(index).get(i);
      }

      @Override
      public void close() {
        index = rows.size();
      }
    };
  }
}
