package dev.pagoda.shell;

import dev.pagoda.spi.Value;
import java.io.PrintStream;
import java.util.List;

/**
 * The list, csv and ascii modes (and tabs, which is list): values between the column separator,
 * each row ended by the row separator, the header first when headers are on. CSV fields are quoted
 * as {@link Cells#csv} says; list and ascii print text as it is, NULL as the null text.
 */
final class SeparatedPrinter implements ResultPrinter {
  private final OutputMode mode;
  private final List<String> columns;
  private final Settings settings;
  private final PrintStream out;
  private final Bytes line = new Bytes();
  private boolean first = true;

  SeparatedPrinter(OutputMode mode, List<String> columns, Settings settings, PrintStream out) {
    this.mode = mode;
    this.columns = columns;
    this.settings = settings;
    this.out = out;
  }

  @Override
  public void row(Value[] values) {
    if (first && settings.headers) {
      for (int i = 0; i < columns.size(); i++) {
        cell(i, Cells.utf8(columns.get(i)));
      }
      line.add(settings.rowSeparator).flushTo(out);
    }
    first = false;
    for (int i = 0; i < values.length; i++) {
      cell(i, Cells.text(values[i]));
    }
    line.add(settings.rowSeparator).flushTo(out);
  }

  private void cell(int i, byte[] text) {
    if (i > 0) {
      line.add(settings.columnSeparator);
    }
    if (mode == OutputMode.CSV) {
      Cells.csv(line, text, settings);
    } else if (text == null) {
      line.add(settings.nullValue);
    } else {
      line.addC(text);
    }
  }
}
