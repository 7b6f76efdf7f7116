package dev.pagoda.executor;

import dev.pagoda.planner.FunctionCatalog;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.Value;
import java.util.Comparator;
import java.util.List;

/**
 * SQLite's order of values for sorting, grouping and DISTINCT: NULLs first (and equal to each
 * other), then numbers, text under a collation, blobs.
 */
final class RowOrder {
  private RowOrder() {}

  /** Compares two values of any class, NULLs included, text with {@code collation} (or BINARY). */
  static int compare(Value a, Value b, Collation collation) {
    if (collation != null && a instanceof Value.Text x && b instanceof Value.Text y) {
      return collation.compare(x.value(), y.value());
    }
    return Values.compare(a, b);
  }

  /**
   * Orders rows by their first {@code width} columns, each under its collation (null or a
   * missing entry for BINARY), names resolved once in {@code catalog}.
   */
  static Comparator<Value[]> prefix(int width, List<String> collations, FunctionCatalog catalog) {
    Collation[] c = new Collation[collations.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = collations.get(i) == null ? null : Comparison.collation(collations.get(i), catalog);
    }
    return (x, y) -> {
      for (int i = 0; i < width; i++) {
        int r = compare(x[i], y[i], i < c.length ? c[i] : null);
        if (r != 0) {
          return r;
        }
      }
      return 0;
    };
  }

  /** A copy of the current row of {@code row}, {@code width} columns. */
  static Value[] copy(Row row, int width) {
    Value[] values = new Value[width];
    for (int i = 0; i < width; i++) {
      values[i] = row.column(i);
    }
    return values;
  }
}
