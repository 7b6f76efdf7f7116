package dev.pagoda.shell;

import dev.pagoda.spi.Value;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The column, table, markdown and box modes, as shell.c's {@code exec_prepared_stmt_columnar}:
 * the whole result is buffered, each cell split into display lines ({@link DisplayText}: wrapped
 * at the column's {@code .width} or the mode's {@code --wrap}), and each column sized to its widest
 * line, header included (at least its {@code .width}). A row whose cells take several lines is
 * printed over several lines; once any row does, rows are divided by a separator line (a blank
 * line in column mode). Table, markdown and box always print the header, centred; column mode
 * prints it (left-aligned, underlined with dashes) when headers are on. Negative widths
 * right-align.
 */
final class ColumnarPrinter implements ResultPrinter {
  private static final String V = "\u2502";

  private final OutputMode mode;
  private final Settings settings;
  private final PrintStream out;
  private final int columns;
  private final int[] widths;
  private final int[] wraps;
  /** The header's cells, then each display line's; rowEnds[i]: whether line i ends a row. */
  private final List<byte[][]> lines = new ArrayList<>();
  private final List<Boolean> rowEnds = new ArrayList<>();
  private boolean multiLine;
  private final Bytes line = new Bytes();

  ColumnarPrinter(OutputMode mode, List<String> names, Settings settings, PrintStream out) {
    this.mode = mode;
    this.settings = settings;
    this.out = out;
    columns = names.size();
    if (settings.widths.length < columns) {
      // sqlite3 grows its width list to the column count (.show then lists the zeros).
      settings.widths = Arrays.copyOf(settings.widths, columns);
    }
    widths = new int[columns];
    wraps = new int[columns];
    byte[][] header = new byte[columns][];
    for (int i = 0; i < columns; i++) {
      widths[i] = i < settings.widths.length ? settings.widths[i] : 0;
      wraps[i] = Math.abs(widths[i] == 0 ? settings.wrap : widths[i]);
      header[i] = DisplayText.first(cString(Cells.utf8(names.get(i))), wraps[i], settings.wordWrap)
          .line();
    }
    lines.add(header);
  }

  @Override
  public void row(Value[] values) {
    byte[][] rest = new byte[columns][];
    for (int i = 0; i < columns; i++) {
      byte[] text = settings.quote ? Cells.sqlLiteral(values[i]) : Cells.text(values[i]);
      rest[i] = cString(text == null ? Cells.utf8(settings.nullValue) : text);
    }
    boolean more = true;
    while (more) {
      more = false;
      byte[][] cells = new byte[columns][];
      for (int i = 0; i < columns; i++) {
        DisplayText d = DisplayText.first(rest[i] == null ? new byte[0] : rest[i], wraps[i],
            settings.wordWrap);
        cells[i] = d.line();
        rest[i] = d.rest();
        more |= d.rest() != null;
      }
      multiLine |= more;
      lines.add(cells);
      rowEnds.add(!more);
    }
  }

  @Override
  public void end() {
    if (lines.size() == 1) {
      return;
    }
    int[] actual = new int[columns];
    for (int i = 0; i < columns; i++) {
      actual[i] = Math.abs(widths[i]);
    }
    for (byte[][] cells : lines) {
      for (int i = 0; i < columns; i++) {
        actual[i] = Math.max(actual[i], DisplayText.charCount(cells[i]));
      }
    }
    if (columns == 0) {
      return;
    }
    header(actual);
    body(actual);
    if (mode == OutputMode.TABLE) {
      separator(actual, "+", "+", "+", "-");
    } else if (mode == OutputMode.BOX) {
      separator(actual, "\u2514", "\u2534", "\u2518", "\u2500");
    }
    line.flushTo(out);
  }

  private void header(int[] actual) {
    byte[][] header = lines.get(0);
    switch (mode) {
      case COLUMN -> {
        if (settings.headers) {
          for (int i = 0; i < columns; i++) {
            fit(header[i], widths[i] < 0 ? -actual[i] : actual[i]);
            line.add(i == columns - 1 ? "\n" : "  ");
          }
          for (int i = 0; i < columns; i++) {
            line.add("-".repeat(actual[i])).add(i == columns - 1 ? "\n" : "  ");
          }
        }
      }
      case TABLE -> {
        separator(actual, "+", "+", "+", "-");
        centred(header, actual, "| ", " | ", " |\n");
        separator(actual, "+", "+", "+", "-");
      }
      case MARKDOWN -> {
        centred(header, actual, "| ", " | ", " |\n");
        separator(actual, "|", "|", "|", "-");
      }
      case BOX -> {
        separator(actual, "\u250c", "\u252c", "\u2510", "\u2500");
        centred(header, actual, V + " ", " " + V + " ", " " + V + "\n");
        separator(actual, "\u251c", "\u253c", "\u2524", "\u2500");
      }
      default -> throw new IllegalStateException("not a columnar mode: " + mode);
    }
  }

  private void body(int[] actual) {
    String start = switch (mode) {
      case COLUMN -> "";
      case BOX -> V + " ";
      default -> "| ";
    };
    String between = switch (mode) {
      case COLUMN -> "  ";
      case BOX -> " " + V + " ";
      default -> " | ";
    };
    String end = switch (mode) {
      case COLUMN -> "\n";
      case BOX -> " " + V + "\n";
      default -> " |\n";
    };
    for (int r = 1; r < lines.size(); r++) {
      byte[][] cells = lines.get(r);
      line.add(start);
      for (int i = 0; i < columns; i++) {
        fit(cells[i], widths[i] < 0 ? -actual[i] : actual[i]);
        line.add(i == columns - 1 ? end : between);
      }
      if (multiLine && rowEnds.get(r - 1) && r + 1 < lines.size()) {
        switch (mode) {
          case TABLE -> separator(actual, "+", "+", "+", "-");
          case BOX -> separator(actual, "\u251c", "\u253c", "\u2524", "\u2500");
          case COLUMN -> line.add("\n");
          default -> {}
        }
      }
      line.flushTo(out);
    }
  }

  private void centred(byte[][] cells, int[] actual, String start, String between, String end) {
    line.add(start);
    for (int i = 0; i < columns; i++) {
      int gap = actual[i] - DisplayText.charCount(cells[i]);
      line.spaces(gap / 2).add(cells[i]).spaces((gap + 1) / 2);
      line.add(i == columns - 1 ? end : between);
    }
  }

  /** {@code print_row_separator} / {@code print_box_row_separator}. */
  private void separator(int[] actual, String left, String middle, String right, String dash) {
    line.add(left);
    for (int i = 0; i < columns; i++) {
      line.add(i > 0 ? middle : "").add(dash.repeat(actual[i] + 2));
    }
    line.add(right).add("\n");
  }

  /** shell.c's {@code utf8_width_print}: cut or padded to |w| characters, right-aligned if w<0. */
  private void fit(byte[] z, int w) {
    int aw = Math.abs(w);
    int n = 0;
    int i;
    for (i = 0; i < z.length; i++) {
      if ((z[i] & 0xc0) != 0x80) {
        n++;
        if (n == aw) {
          do {
            i++;
          } while (i < z.length && (z[i] & 0xc0) == 0x80);
          break;
        }
      }
    }
    if (n >= aw) {
      line.add(z, 0, i);
    } else if (w < 0) {
      line.spaces(aw - n).add(z);
    } else {
      line.add(z).spaces(aw - n);
    }
  }

  private static byte[] cString(byte[] b) {
    int n = Cells.cLength(b);
    return n == b.length ? b : Arrays.copyOf(b, n);
  }
}
