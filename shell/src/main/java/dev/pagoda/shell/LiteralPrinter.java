package dev.pagoda.shell;

import dev.pagoda.spi.Value;
import java.io.PrintStream;
import java.util.List;

/**
 * The quote and insert modes: each value as an SQL literal ({@code NULL}, {@code 'text'}, {@code
 * X'blob'}, REALs as {@code %!.20g}); quote separates them with the column separator, insert makes
 * {@code INSERT INTO table VALUES(...);} lines (with the column names when headers are on).
 */
final class LiteralPrinter implements ResultPrinter {
  private final boolean insert;
  private final List<String> columns;
  private final Settings settings;
  private final PrintStream out;
  private final Bytes line = new Bytes();
  private boolean first = true;

  LiteralPrinter(OutputMode mode, List<String> columns, Settings settings, PrintStream out) {
    this.insert = mode == OutputMode.INSERT;
    this.columns = columns;
    this.settings = settings;
    this.out = out;
  }

  @Override
  public void row(Value[] values) {
    if (insert) {
      insertRow(values);
    } else {
      quoteRow(values);
    }
    first = false;
    line.flushTo(out);
  }

  private void quoteRow(Value[] values) {
    if (first && settings.headers) {
      for (int i = 0; i < columns.size(); i++) {
        line.add(i > 0 ? settings.columnSeparator : "");
        Cells.quoted(line, Cells.utf8(columns.get(i)));
      }
      line.add(settings.rowSeparator);
    }
    for (int i = 0; i < values.length; i++) {
      line.add(i > 0 ? settings.columnSeparator : "");
      literal(values[i], false);
    }
    line.add(settings.rowSeparator);
  }

  private void insertRow(Value[] values) {
    line.add("INSERT INTO ").add(settings.insertTable);
    if (settings.headers) {
      line.add("(");
      for (int i = 0; i < columns.size(); i++) {
        line.add(i > 0 ? "," : "").add(Identifiers.quoteIfNeeded(columns.get(i)));
      }
      line.add(")");
    }
    for (int i = 0; i < values.length; i++) {
      line.add(i > 0 ? "," : " VALUES(");
      literal(values[i], true);
    }
    line.add(");\n");
  }

  private void literal(Value v, boolean escapeNewlines) {
    if (v instanceof Value.Text t) {
      if (escapeNewlines) {
        Cells.quotedEscaped(line, Cells.utf8(t.value()));
      } else {
        Cells.quoted(line, Cells.utf8(t.value()));
      }
    } else if (v instanceof Value.Real r) {
      // sqlite3 3.40 writes infinities as 1e999 only in insert mode; quote mode prints Inf.
      line.add(insert ? Cells.real20(r.value()) : SqlitePrintf.generic(r.value(), 20));
    } else if (v instanceof Value.Blob b) {
      Cells.hexBlob(line, b.bytes());
    } else if (v instanceof Value.Int i) {
      line.add(Long.toString(i.value()));
    } else {
      line.add("NULL");
    }
  }
}
