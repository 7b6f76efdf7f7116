package dev.pagoda.conformance.slt;

import java.util.List;

/**
 * One record of a script. {@code line} is the 1-based line of the record's command (after any
 * {@code skipif}/{@code onlyif} lines).
 */
public sealed interface SltRecord {
  int line();

  /** {@code statement ok} ({@code expectError} false) or {@code statement error}. */
  record Statement(int line, boolean expectError, String sql) implements SltRecord {}

  /**
   * {@code query <types> [sort] [label]}: the SQL, and the lines after {@code ----} ({@code
   * expected} is null when the record has no {@code ----} line: only success is checked then).
   */
  record Query(
      int line, String types, SortMode sortMode, String label, String sql, List<String> expected)
      implements SltRecord {
    public Query {
      expected = expected == null ? null : List.copyOf(expected);
    }
  }

  /** {@code hash-threshold N}: results with more than N values are compared by hash (0: never). */
  record HashThreshold(int line, int threshold) implements SltRecord {}

  /** {@code halt}: the rest of the script is not run. */
  record Halt(int line) implements SltRecord {}

  /** A statement or query left out by {@code skipif}/{@code onlyif} for this engine. */
  record Skipped(int line, String command) implements SltRecord {}

  /**
   * A record the reader cannot run: an unknown command, a bad type string or sort mode, conditions
   * without a command. The runner counts it as failed, as sqllogictest reports it as an error.
   */
  record Malformed(int line, String text, String reason) implements SltRecord {}
}
