package dev.pagoda.conformance.slt;

/** How a query's values are ordered before they are compared. */
public enum SortMode {
  /** In the engine's order. */
  NOSORT,
  /** Rows sorted as lists of strings, column by column. */
  ROWSORT,
  /** Every value sorted on its own, rows forgotten. */
  VALUESORT;

  /** The mode named by a query line's second word, or null when it names none. */
  static SortMode parse(String word) {
    return switch (word) {
      case "nosort" -> NOSORT;
      case "rowsort" -> ROWSORT;
      case "valuesort" -> VALUESORT;
      default -> null;
    };
  }
}
