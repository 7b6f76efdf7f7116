package dev.pagoda.shell;

import dev.pagoda.spi.Value;
import java.io.PrintStream;
import java.util.List;

/**
 * The line mode: {@code name = value} per column, names right-aligned to the longest (at least 5
 * bytes wide, counted in bytes as sqlite3 counts them), the row separator between rows.
 */
final class LinePrinter implements ResultPrinter {
  private final byte[][] names;
  private final int width;
  private final Settings settings;
  private final PrintStream out;
  private final Bytes line = new Bytes();
  private boolean first = true;

  LinePrinter(List<String> columns, Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
    names = new byte[columns.size()][];
    int w = 5;
    for (int i = 0; i < names.length; i++) {
      names[i] = Cells.utf8(columns.get(i));
      w = Math.max(w, Cells.cLength(names[i]));
    }
    width = w;
  }

  @Override
  public void row(Value[] values) {
    if (!first) {
      line.add(settings.rowSeparator);
    }
    first = false;
    for (int i = 0; i < values.length; i++) {
      line.spaces(width - Cells.cLength(names[i])).addC(names[i]).add(" = ");
      byte[] text = Cells.text(values[i]);
      if (text == null) {
        line.add(settings.nullValue);
      } else {
        line.addC(text);
      }
      line.add(settings.rowSeparator);
    }
    line.flushTo(out);
  }
}
