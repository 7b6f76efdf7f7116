package dev.pagoda.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * How query results are printed, as in sqlite3's {@code .mode}. Each mode makes a {@link RowWriter}
 * for one result; values arrive as text, null for SQL NULL.
 */
enum OutputMode {
  /** Values separated by {@code |}, one row per line; the header (when on) before the first row. */
  LIST {
    @Override
    RowWriter writer(List<String> columns, Settings settings, PrintStream out) {
      return new RowWriter() {
        private boolean first = true;

        @Override
        public void row(String[] values) {
          if (first && settings.headers) {
            out.print(String.join("|", columns));
            out.print('\n');
          }
          first = false;
          for (int i = 0; i < values.length; i++) {
            out.print(i > 0 ? "|" : "");
            out.print(values[i] == null ? settings.nullValue : values[i]);
          }
          out.print('\n');
        }
      };
    }
  },

  /** RFC 4180: values quoted when they need it, rows ended by CRLF, as sqlite3 writes CSV. */
  CSV {
    @Override
    RowWriter writer(List<String> columns, Settings settings, PrintStream out) {
      return new RowWriter() {
        private boolean first = true;

        @Override
        public void row(String[] values) {
          if (first && settings.headers) {
            line(columns.toArray(new String[0]), null);
          }
          first = false;
          line(values, settings.nullValue);
        }

        private void line(String[] values, String nullValue) {
          for (int i = 0; i < values.length; i++) {
            out.print(i > 0 ? "," : "");
            out.print(values[i] == null ? nullValue : csvField(values[i]));
          }
          out.print("\r\n");
        }
      };
    }
  },

  /** One {@code column = value} line per column, right-aligned names, a blank line between rows. */
  LINE {
    @Override
    RowWriter writer(List<String> columns, Settings settings, PrintStream out) {
      int width = 5;
      for (String column : columns) {
        width = Math.max(width, column.length());
      }
      String format = "%" + width + "s = %s\n";
      return new RowWriter() {
        private boolean first = true;

        @Override
        public void row(String[] values) {
          if (!first) {
            out.print('\n');
          }
          first = false;
          for (int i = 0; i < values.length; i++) {
            String value = values[i] == null ? settings.nullValue : values[i];
            out.print(String.format(Locale.ROOT, format, columns.get(i), value));
          }
        }
      };
    }
  };

  /** Receives the rows of one result, in order. */
  interface RowWriter {
    void row(String[] values);
  }

  abstract RowWriter writer(List<String> columns, Settings settings, PrintStream out);

  /** The mode's name as {@code .mode} takes it. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code name}, or null. */
  static OutputMode named(String name) {
    for (OutputMode mode : values()) {
      if (mode.label().equals(name)) {
        return mode;
      }
    }
    return null;
  }

  /** The names of all modes, as one string: {@code csv line list}. */
  static String labels() {
    StringBuilder out = new StringBuilder();
    for (OutputMode mode : values()) {
      out.append(out.length() > 0 ? " " : "").append(mode.label());
    }
    return out.toString();
  }

  /**
   * {@code value} as a CSV field: quoted (inner quotes doubled) when it holds a comma, a quote, an
   * apostrophe, white space, a control character or any non-ASCII character, as sqlite3 does.
   */
  static String csvField(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == '"' || c == '\'' || c == ',' || c >= 0x7f) {
        return '"' + value.replace("\"", "\"\"") + '"';
      }
    }
    return value;
  }
}
