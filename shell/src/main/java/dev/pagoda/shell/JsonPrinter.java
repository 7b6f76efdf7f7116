package dev.pagoda.shell;

import dev.pagoda.spi.Value;
import java.io.PrintStream;
import java.util.List;

/**
 * The json mode: {@code [{"name":value,...},\n{...}]}, text and blobs as JSON strings (a blob's
 * bytes as they are, escaped like text), REALs as {@code %!.20g}, NULL as {@code null}.
 */
final class JsonPrinter implements ResultPrinter {
  private final byte[][] names;
  private final PrintStream out;
  private final Bytes line = new Bytes();
  private boolean first = true;

  JsonPrinter(List<String> columns, PrintStream out) {
    this.out = out;
    names = new byte[columns.size()][];
    for (int i = 0; i < names.length; i++) {
      names[i] = Cells.utf8(columns.get(i));
    }
  }

  @Override
  public void row(Value[] values) {
    line.add(first ? "[{" : ",\n{");
    first = false;
    for (int i = 0; i < values.length; i++) {
      Cells.json(line, names[i], Cells.cLength(names[i]));
      line.add((byte) ':');
      Value v = values[i];
      if (v instanceof Value.Real r) {
        line.add(Cells.real20(r.value()));
      } else if (v instanceof Value.Blob b) {
        Cells.json(line, b.bytes(), b.bytes().length);
      } else if (v instanceof Value.Text t) {
        byte[] text = Cells.utf8(t.value());
        Cells.json(line, text, Cells.cLength(text));
      } else if (v instanceof Value.Int n) {
        line.add(Long.toString(n.value()));
      } else {
        line.add("null");
      }
      if (i < values.length - 1) {
        line.add((byte) ',');
      }
    }
    line.add((byte) '}').flushTo(out);
  }

  @Override
  public void end() {
    if (!first) {
      out.print("]\n");
    }
  }
}
