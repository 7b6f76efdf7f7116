package dev.pagoda.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A metadata result read into memory: its column labels and each cell as {@code getString} gives
 * it (so a Long 1 from Pagoda and an Integer 1 from sqlite-jdbc compare equal), plus the Java
 * class of each non-null {@code getObject}, for checking the javadoc's column types. The
 * transformations build the expected result from sqlite-jdbc's where it departs from the javadoc.
 */
record MetaSnapshot(List<String> columns, List<List<String>> rows, List<List<Class<?>>> classes) {

  /** Reads and closes {@code rs}. */
  static MetaSnapshot of(ResultSet rs) throws SQLException {
    try (rs) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnLabel(i));
      }
      List<List<String>> rows = new ArrayList<>();
      List<List<Class<?>>> classes = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        List<Class<?>> rowClasses = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          Object value = rs.getObject(i);
          row.add(value == null ? null : rs.getString(i));
          rowClasses.add(value == null ? null : value.getClass());
        }
        rows.add(row);
        classes.add(rowClasses);
      }
      return new MetaSnapshot(List.copyOf(columns), rows, classes);
    }
  }

  /** A row, read by column label. */
  record Row(MetaSnapshot table, List<String> cells) {
    String get(String column) {
      return cells.get(table.index(column));
    }
  }

  int index(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + columns);
    }
    return index;
  }

  /** The values of one column, top to bottom. */
  List<String> column(String column) {
    int index = index(column);
    return rows.stream().map(r -> r.get(index)).toList();
  }

  /** The rows for which {@code keep} holds. */
  MetaSnapshot where(Predicate<Row> keep) {
    List<List<String>> kept = new ArrayList<>();
    List<List<Class<?>>> keptClasses = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (keep.test(new Row(this, rows.get(i)))) {
        kept.add(rows.get(i));
        keptClasses.add(classes.get(i));
      }
    }
    return new MetaSnapshot(columns, kept, keptClasses);
  }

  /** Every row with {@code column} replaced by {@code value} of the row. */
  MetaSnapshot with(String column, Function<Row, String> value) {
    int index = index(column);
    List<List<String>> changed = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> copy = new ArrayList<>(row);
      copy.set(index, value.apply(new Row(this, row)));
      changed.add(copy);
    }
    return new MetaSnapshot(columns, changed, classes);
  }

  /** The rows sorted by these columns (nulls first, strings compared as SQLite's BINARY). */
  MetaSnapshot sortedBy(String... sortColumns) {
    Comparator<List<String>> order = null;
    for (String column : sortColumns) {
      int index = index(column);
      Comparator<List<String>> byColumn =
          Comparator.comparing(r -> numericOrText(r.get(index)), Comparator.nullsFirst(KEY));
      order = order == null ? byColumn : order.thenComparing(byColumn);
    }
    List<List<String>> sorted = new ArrayList<>(rows);
    if (order != null) {
      sorted.sort(order);
    }
    return new MetaSnapshot(columns, sorted, classes);
  }

  private static final Comparator<Object> KEY =
      (a, b) -> {
        if (a instanceof Long x && b instanceof Long y) {
          return Long.compare(x, y);
        }
        return a.toString().compareTo(b.toString());
      };

  private static Object numericOrText(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return s;
    }
  }

  /** The cells as text, one row a line, for assertion messages. */
  String describe() {
    StringBuilder out = new StringBuilder(String.join(" | ", columns)).append('\n');
    for (List<String> row : rows) {
      out.append(String.join(" | ", row.stream().map(String::valueOf).toList())).append('\n');
    }
    return out.toString();
  }

  /** Same columns and same cells in the same order. */
  boolean sameAs(MetaSnapshot other) {
    return columns.equals(other.columns) && Objects.equals(rows, other.rows);
  }

  static List<String> list(String... values) {
    return Arrays.asList(values);
  }
}
