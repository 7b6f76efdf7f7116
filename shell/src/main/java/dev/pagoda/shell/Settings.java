package dev.pagoda.shell;

/**
 * What the user can change while the shell runs, with sqlite3's defaults: the output mode and its
 * separators, headers, NULL text, column widths and wrapping, and the per-statement switches
 * ({@code .bail}, {@code .echo}, {@code .eqp}, {@code .timer}, {@code .changes}).
 */
final class Settings {
  static final String DEFAULT_COLUMN_SEPARATOR = "|";
  static final String DEFAULT_ROW_SEPARATOR = "\n";

  OutputMode mode = OutputMode.LIST;
  boolean headers;
  /** Whether headers were set explicitly ({@code .headers}, {@code -header}): {@code .mode column} then keeps them. */
  boolean headersSet;
  String nullValue = "";
  String columnSeparator = DEFAULT_COLUMN_SEPARATOR;
  String rowSeparator = DEFAULT_ROW_SEPARATOR;
  /** The table name of insert mode, already quoted when it needs it. */
  String insertTable = "\"table\"";
  /** {@code .width}: one entry per column, 0 for "as wide as the content", negative to right-align. */
  int[] widths = new int[0];
  /** The column modes' options: wrap at this many characters (0: never), at word breaks, quoted values. */
  int wrap;
  boolean wordWrap;
  boolean quote;

  boolean bail;
  boolean echo;
  boolean eqp;
  boolean timer;
  boolean changes;
}
