package dev.pagoda.executor;

import dev.pagoda.spi.Value;
import java.util.Comparator;
import java.util.List;

/**
 * SQLite's order of values for sorting, grouping and DISTINCT: NULLs first (and equal to each
 * other), then numbers, text under a collation, blobs.
 */
final class RowOrder {
  private RowOrder() {}

  /** Compares two values of any class, NULLs included, text with {@code collation}. */
  static int compare(Value a, Value b, String collation) {
    if (collation != null && a instanceof Value.Text x && b instanceof Value.Text y) {
      return Comparison.compareText(x.value(), y.value(), Comparison.collation(collation));
    }
    return Values.compare(a, b);
  }

  /** Orders rows by their first {@code width} columns, each under its collation. */
  static Comparator<Value[]> prefix(int width, List<String> collations) {
    String[] c = collations.toArray(new String[0]);
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
