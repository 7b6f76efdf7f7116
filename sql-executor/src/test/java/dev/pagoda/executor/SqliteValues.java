package dev.pagoda.executor;

import dev.pagoda.spi.Value;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Values across the sqlite-jdbc boundary for the executor's differential tests: a {@link Value}
 * bound as a parameter in its own storage class, and a result column read back as one.
 */
public final class SqliteValues {
  private SqliteValues() {}

  /** Binds {@code v} to parameter {@code i} (1-based) in its storage class. */
  public static void bind(PreparedStatement ps, int i, Value v) throws SQLException {
    if (v instanceof Value.Int n) {
      ps.setLong(i, n.value());
    } else if (v instanceof Value.Real r) {
      ps.setDouble(i, r.value());
    } else if (v instanceof Value.Text t) {
      ps.setString(i, t.value());
    } else if (v instanceof Value.Blob b) {
      ps.setBytes(i, b.bytes());
    } else {
      ps.setNull(i, Types.NULL);
    }
  }

  /** What {@code ResultSet.getObject} gave, as a value of the storage class SQLite returned. */
  public static Value value(Object o) {
    if (o == null) {
      return Value.NULL;
    } else if (o instanceof Integer || o instanceof Long) {
      return Value.of(((Number) o).longValue());
    } else if (o instanceof Double || o instanceof Float) {
      return Value.of(((Number) o).doubleValue());
    } else if (o instanceof byte[] bytes) {
      return Value.of(bytes);
    }
    return Value.of(o.toString());
  }
}
