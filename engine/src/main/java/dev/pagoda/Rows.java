package dev.pagoda;

import dev.pagoda.executor.Values;
import dev.pagoda.spi.StorageClass;
import dev.pagoda.spi.Value;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The rows of a running query, read forward once. Call {@link #next()} before reading each row;
 * columns are numbered from 0. Getters convert between storage classes as SQLite's {@code
 * sqlite3_column_*} functions do (NULL reads as 0, 0.0, null).
 */
public final class Rows implements AutoCloseable {
  private final PreparedStatement statement;
  private final RowSource run;
  private final List<String> columnNames;
  private final List<Integer> roots;
  /** Whether these rows hold a read transaction of the connection's pager until they close. */
  private boolean holdsRead;
  private boolean onRow;
  private boolean closed;

  Rows(PreparedStatement statement, RowSource run, List<String> columnNames, List<Integer> roots,
      boolean holdsRead) {
    this.statement = statement;
    this.run = run;
    this.columnNames = columnNames;
    this.roots = roots;
    this.holdsRead = holdsRead;
    roots.forEach(statement.conn()::addReader);
  }

  /** Advances to the next row; false when there are no more (the rows then close themselves). */
  public boolean next() {
    ReentrantLock lock = statement.conn().lock();
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      statement.conn().checkOpen();
      onRow = run.next();
      if (!onRow) {
        close();
      }
      return onRow;
    } catch (RuntimeException e) {
      close();
      throw Errors.translate(e);
    } finally {
      assert !statement.conn().pager().isReadLingering() : "every page read is in a read transaction";
      lock.unlock();
    }
  }

  /**
   * Where column {@code column} (0-based) comes from: see {@link PreparedStatement#columnOrigin}.
   */
  public ColumnOrigin columnOrigin(int column) {
    return statement.columnOrigin(column);
  }

  public int columnCount() {
    return columnNames.size();
  }

  public String columnName(int column) {
    return columnNames.get(column);
  }

  /** The value in {@code column} of the current row. */
  public Value get(int column) {
    if (!onRow) {
      throw Errors.misuse("no current row");
    }
    if (column < 0 || column >= columnNames.size()) {
      throw new PagodaException(
          dev.pagoda.spi.ResultCode.RANGE, "column index out of range: " + column);
    }
    return run.column(column);
  }

  /** The storage class of the value in {@code column} of the current row. */
  public StorageClass type(int column) {
    return get(column).storageClass();
  }

  public boolean isNull(int column) {
    return get(column).isNull();
  }

  public long getLong(int column) {
    return Values.toLong(get(column));
  }

  public double getDouble(int column) {
    return Values.toDouble(get(column));
  }

  /** The value as text (numbers formatted as SQLite does), or null for NULL. */
  public String getString(int column) {
    return Values.toText(get(column));
  }

  /** The value as bytes (text as UTF-8), or null for NULL. */
  public byte[] getBytes(int column) {
    return Values.toBytes(get(column));
  }

  @Override
  public void close() {
    ReentrantLock lock = statement.conn().lock();
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        onRow = false;
        try {
          run.close();
        } finally {
          roots.forEach(statement.conn()::removeReader);
          statement.rowsClosed(this);
          if (holdsRead) {
            holdsRead = false;
            statement.conn().pager().endRead();
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
