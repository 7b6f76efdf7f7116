package dev.pagoda.conformance.slt;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import java.util.ArrayList;
import java.util.List;

/**
 * Pagoda through its engine API, on a fresh in-memory database. {@link #interrupt()} interrupts
 * the thread running a statement or query (Pagoda has no {@code sqlite3_interrupt} yet; an
 * engine that does not notice the interrupt has its record abandoned by the runner).
 */
public final class PagodaEngine implements SltEngine {
  private final Database database;
  private final Connection connection;
  /** The thread inside {@link #statement} or {@link #query}, or null. */
  private volatile Thread running;

  /** Opens a new in-memory database and a connection to it. */
  public PagodaEngine() {
    database = Database.openInMemory();
    connection = database.connect();
  }

  @Override
  public void statement(String sql) {
    running = Thread.currentThread();
    try {
      connection.execute(sql);
    } finally {
      running = null;
    }
  }

  @Override
  public List<String> query(String sql, String types) {
    running = Thread.currentThread();
    try {
      return values(sql, types);
    } finally {
      running = null;
    }
  }

  @Override
  public void interrupt() {
    Thread t = running;
    if (t != null) {
      t.interrupt();
    }
  }

  /**
   * Prepares {@code sql} (its errors fail the query), checks the column count, then steps it;
   * an error while stepping ends the values ({@link QueryStoppedException}).
   */
  private List<String> values(String sql, String types) {
    List<String> values = new ArrayList<>();
    try (PreparedStatement ps = connection.prepare(sql)) {
      int columns = ps.isQuery() ? -1 : 0;
      try {
        if (columns == 0) {
          // sqllogictest steps whatever it prepared; a statement gives no rows
          if (!types.isEmpty()) {
            throw new ColumnCountException(types.length(), 0);
          }
          ps.executeUpdate();
          return values;
        }
        try (Rows rows = ps.query()) {
          columns = rows.columnCount();
          if (columns != types.length()) {
            throw new ColumnCountException(types.length(), columns);
          }
          while (rows.next()) {
            for (int c = 0; c < columns; c++) {
              values.add(ResultFormat.format(rows, c, types.charAt(c)));
            }
          }
        }
      } catch (ColumnCountException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new QueryStoppedException(values, e);
      }
    }
    return values;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } finally {
      database.close();
    }
  }
}
