package dev.pagoda.spi;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * A text ordering SQL can name with {@code COLLATE}, like one made with {@code
 * sqlite3_create_collation}. It must be a total order and consistent over time: indexes on disk
 * are sorted by it, so changing it corrupts their order (as in SQLite, REINDEX repairs that).
 *
 * <pre>{@code
 * Collation reverse = Collation.of("reverse", Comparator.<String>naturalOrder().reversed());
 * }</pre>
 */
public interface Collation {
  /** The name, matched ignoring ASCII case. */
  String name();

  /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
  int compare(String a, String b);

  static Collation of(String name, Comparator<String> order) {
    requireNonNull(name, "name");
    requireNonNull(order, "order");
    return new Collation() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int compare(String a, String b) {
        return order.compare(a, b);
      }

      @Override
      public String toString() {
        return "collation " + name;
      }
    };
  }
}
