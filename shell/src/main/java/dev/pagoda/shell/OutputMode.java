package dev.pagoda.shell;

import java.io.PrintStream;
import java.util.List;

/**
 * The output modes of {@code .mode}, as sqlite3 3.40 has them. {@code tabs} is {@link #LIST} with a
 * tab separator, as in sqlite3 (which then reports the mode as {@code list}).
 */
enum OutputMode {
  LINE,
  COLUMN,
  LIST,
  CSV,
  INSERT,
  QUOTE,
  ASCII,
  MARKDOWN,
  TABLE,
  BOX,
  JSON;

  /** The mode's name as {@code .mode} and {@code .show} print it. */
  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the mode buffers the whole result to size its columns. */
  boolean isColumnar() {
    return this == COLUMN || this == MARKDOWN || this == TABLE || this == BOX;
  }

  /** A printer for one result with these columns. */
  ResultPrinter printer(List<String> columns, Settings settings, PrintStream out) {
    return switch (this) {
      case LIST, CSV, ASCII -> new SeparatedPrinter(this, columns, settings, out);
      case LINE -> new LinePrinter(columns, settings, out);
      case QUOTE, INSERT -> new LiteralPrinter(this, columns, settings, out);
      case JSON -> new JsonPrinter(columns, out);
      case COLUMN, MARKDOWN, TABLE, BOX -> new ColumnarPrinter(this, columns, settings, out);
    };
  }
}
