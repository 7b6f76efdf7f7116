package dev.pagoda.conformance.slt;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import java.util.ArrayList;
import java.util.List;

/** Pagoda through its engine API, on a fresh in-memory database. */
public final class PagodaEngine implements SltEngine {
  private final Database database;
  private final Connection connection;

  public PagodaEngine() {
    database = Database.openInMemory();
    connection = database.connect();
  }

  @Override
  public void statement(String sql) {
    connection.execute(sql);
  }

  @Override
  public List<String> query(String sql, String types) {
    List<String> values = new ArrayList<>();
    try (PreparedStatement ps = connection.prepare(sql)) {
      if (!ps.isQuery()) {
        // sqllogictest steps whatever it prepared; a statement gives no rows
        ps.executeUpdate();
        if (!types.isEmpty()) {
          throw new ColumnCountException(types.length(), 0);
        }
        return values;
      }
      try (Rows rows = ps.query()) {
        int columns = rows.columnCount();
        if (columns != types.length()) {
          throw new ColumnCountException(types.length(), columns);
        }
        while (rows.next()) {
          for (int c = 0; c < columns; c++) {
            values.add(ResultFormat.format(rows, c, types.charAt(c)));
          }
        }
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
