package dev.pagoda.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads {@code .import} input one field at a time, byte by byte as sqlite3 3.40's {@code
 * csv_read_one_field} and {@code ascii_read_one_field} do: RFC 4180 quoting ({@code "..."} with
 * {@code ""} for a quote, separators and line breaks allowed inside), a {@code \r} before the row
 * separator dropped, a UTF-8 byte order mark at the start skipped. After each field {@link #term()}
 * tells what ended it: the column separator, the row separator, or {@link #EOF}.
 *
 * <p>It streams: one buffer of input and one of the current field, whatever the file's size.
 */
final class CsvReader {
  /** {@link #term()} at the end of the input. */
  static final int EOF = -1;

  private static final int QUOTE = '"';

  private final InputStream in;
  private final String name;
  private final int columnSeparator;
  private final int rowSeparator;
  private final boolean quoting;
  private final Consumer<String> warnings;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long bytesRead;
  private byte[] field = new byte[128];
  private int length;
  private int term;
  private int line = 1;
  private boolean notFirst;

  /**
   * @param quoting true for CSV ({@code csv_read_one_field}), false for {@code --ascii}
   * @param warnings receives sqlite3's warnings ({@code FILE:LINE: unescaped " character})
   */
  CsvReader(
      InputStream in,
      String name,
      int columnSeparator,
      int rowSeparator,
      boolean quoting,
      Consumer<String> warnings) {
    this.in = in;
    this.name = name;
    this.columnSeparator = columnSeparator;
    this.rowSeparator = rowSeparator;
    this.quoting = quoting;
    this.warnings = warnings;
  }

  /** What ended the last field: the column separator, the row separator, or {@link #EOF}. */
  int term() {
    return term;
  }

  /** The line the reader is on (1 before anything is read), as sqlite3 counts it. */
  int line() {
    return line;
  }

  /** Bytes taken from the input so far. */
  long bytesRead() {
    return bytesRead;
  }

  boolean isColumnSeparator(int c) {
    return c == columnSeparator;
  }

  /** The next field, or null at the end of the input (then {@link #term()} is {@link #EOF}). */
  String next() throws IOException {
    length = 0;
    int c = read();
    if (c < 0) {
      term = EOF;
      return null;
    }
    if (!quoting) {
      plain(c);
      if (term == rowSeparator) {
        line++;
      }
    } else if (c == QUOTE) {
      quoted();
    } else {
      if (c == 0xef && !notFirst) {
        // A UTF-8 byte order mark before the first field is skipped; a partial one is kept.
        append(c);
        c = read();
        if (c == 0xbb) {
          append(c);
          c = read();
          if (c == 0xbf) {
            notFirst = true;
            return next();
          }
        }
      }
      plain(c);
      if (term == rowSeparator) {
        line++;
        if (length > 0 && field[length - 1] == '\r') {
          length--;
        }
      }
    }
    notFirst = true;
    return new String(field, 0, length, StandardCharsets.UTF_8);
  }

  /** An unquoted field (after what it already holds) from {@code c} to a separator or the end. */
  private void plain(int c) throws IOException {
    while (c >= 0 && c != columnSeparator && c != rowSeparator) {
      append(c);
      c = read();
    }
    term = c < 0 ? EOF : c;
  }

  /** A quoted field, the opening quote read; sqlite3's loop, warnings included. */
  private void quoted() throws IOException {
    int startLine = line;
    int pc = 0;
    int ppc = 0;
    while (true) {
      int c = read();
      if (c == rowSeparator) {
        line++;
      }
      if (c == QUOTE && pc == QUOTE) {
        pc = 0;
        continue;
      }
      if ((c == columnSeparator && pc == QUOTE)
          || (c == rowSeparator && pc == QUOTE)
          || (c == rowSeparator && pc == '\r' && ppc == QUOTE)
          || (c < 0 && pc == QUOTE)) {
        do {
          length--;
        } while (field[length] != QUOTE);
        term = c < 0 ? EOF : c;
        return;
      }
      if (pc == QUOTE && c != '\r') {
        warnings.accept(name + ":" + line + ": unescaped \" character");
      }
      if (c < 0) {
        warnings.accept(name + ":" + startLine + ": unterminated \"-quoted field");
        term = EOF;
        return;
      }
      append(c);
      ppc = pc;
      pc = c;
    }
  }

  private void append(int c) {
    if (length == field.length) {
      field = Arrays.copyOf(field, field.length * 2);
    }
    field[length++] = (byte) c;
  }

  private int read() throws IOException {
    if (position == limit) {
      if (Thread.currentThread().isInterrupted()) {
        return -1; // Ctrl-C: stop reading, as sqlite3 does on seenInterrupt
      }
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
      bytesRead += limit;
    }
    return buffer[position++] & 0xff;
  }
}
