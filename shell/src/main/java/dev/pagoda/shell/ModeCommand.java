package dev.pagoda.shell;

import dev.pagoda.shell.DotCommands.Next;
import java.util.List;

/**
 * {@code .mode MODE ?OPTIONS? ?TABLE?}, as sqlite3 3.40 parses it: a mode name (any prefix, tried
 * in sqlite3's order), the column modes' options {@code --wrap N}, {@code --wordwrap B}, {@code
 * --ww}, {@code --quote}, {@code --noquote}, and insert mode's table name. Choosing a mode resets
 * the separators it uses; {@code .mode} alone prints the mode (and re-applies it, as sqlite3 does).
 */
final class ModeCommand {
  static final String HELP = """
      .mode MODE ?OPTIONS?     Set output mode
         MODE is one of:
           ascii       Columns/rows delimited by 0x1F and 0x1E
           box         Tables using unicode box-drawing characters
           csv         Comma-separated values
           column      Output in columns.  (See .width)
           insert      SQL insert statements for TABLE
           json        Results in a JSON array
           line        One value per line
           list        Values delimited by "|"
           markdown    Markdown table format
           qbox        Shorthand for "box --wrap 60 --quote"
           quote       Escape answers as for SQL
           table       ASCII-art table
           tabs        Tab-separated values
         OPTIONS: (for columnar modes or insert mode):
           --wrap N       Wrap output lines to no longer than N characters
           --wordwrap B   Wrap or not at word boundaries per B (on/off)
           --ww           Shorthand for "--wordwrap 1"
           --quote        Quote output text as SQL literals
           --noquote      Do not quote output text
           TABLE          The name of SQL table used for "insert" mode""";

  /** The names .mode tries, in sqlite3's order; html, tcl, count and off are not supported. */
  private static final String[] NAMES = {"lines", "columns", "list", "html", "tcl", "csv", "tabs",
      "insert", "quote", "ascii", "markdown", "table", "box", "count", "off", "json"};

  private static final int DEFAULT_WRAP = 60;

  private ModeCommand() {}

  /** The column modes' options as one {@code .mode} line gives them. */
  private static final class ColumnOptions {
    int wrap = DEFAULT_WRAP;
    boolean wordWrap;
    boolean quote;
  }

  static Next mode(List<String> args, Session session) {
    Settings s = session.settings();
    ColumnOptions options = new ColumnOptions();
    String mode = null;
    String table = null;
    for (int i = 0; i < args.size(); i++) {
      String z = args.get(i);
      if (isOption(z, "wrap") && i + 1 < args.size()) {
        options.wrap = (int) DotCommands.integerValue(args.get(++i));
      } else if (isOption(z, "ww")) {
        options.wordWrap = true;
      } else if (isOption(z, "wordwrap") && i + 1 < args.size()) {
        options.wordWrap = DotCommands.parseBoolean(args.get(++i), session);
      } else if (isOption(z, "quote")) {
        options.quote = true;
      } else if (isOption(z, "noquote")) {
        options.quote = false;
      } else if (mode == null) {
        mode = z;
        if (z.equals("qbox")) {
          mode = "box";
          options.quote = true;
        }
      } else if (table == null) {
        table = z;
      } else if (z.startsWith("-")) {
        return DotCommands.usage(session, "unknown option: " + z + "\noptions:\n  --noquote\n"
            + "  --quote\n  --wordwrap on/off\n  --wrap N\n  --ww");
      } else {
        return DotCommands.usage(session, "extra argument: \"" + z + "\"");
      }
    }
    if (mode == null) {
      session.out().print("current output mode: " + describe(s) + "\n");
      mode = s.mode.label();
    }
    return apply(mode, table, options, session);
  }

  private static Next apply(String name, String table, ColumnOptions options, Session session) {
    Settings s = session.settings();
    String chosen = null;
    for (String candidate : NAMES) {
      if (candidate.startsWith(name)) {
        chosen = candidate;
        break;
      }
    }
    if (chosen == null) {
      return DotCommands.usage(session, "Error: mode should be one of: ascii box column csv html"
          + " insert json line list markdown qbox quote table tabs tcl");
    }
    switch (chosen) {
      case "lines" -> set(s, OutputMode.LINE, null, "\n");
      case "columns" -> {
        set(s, OutputMode.COLUMN, null, "\n");
        s.headers |= !s.headersSet;
        columnOptions(s, options);
      }
      case "list" -> set(s, OutputMode.LIST, "|", "\n");
      case "csv" -> set(s, OutputMode.CSV, ",", "\r\n");
      case "tabs" -> set(s, OutputMode.LIST, "\t", null);
      case "insert" -> {
        set(s, OutputMode.INSERT, null, null);
        s.insertTable = Identifiers.quoteIfNeeded(table == null ? "table" : table);
      }
      case "quote" -> set(s, OutputMode.QUOTE, ",", "\n");
      case "ascii" -> set(s, OutputMode.ASCII, "\u001f", "\u001e");
      case "markdown" -> columnar(s, OutputMode.MARKDOWN, options);
      case "table" -> columnar(s, OutputMode.TABLE, options);
      case "box" -> columnar(s, OutputMode.BOX, options);
      case "json" -> set(s, OutputMode.JSON, null, null);
      default -> {
        return DotCommands.usage(session, "Error: mode not supported by this shell: " + chosen);
      }
    }
    return Next.CONTINUE;
  }

  private static void set(Settings s, OutputMode mode, String column, String row) {
    s.mode = mode;
    if (column != null) {
      s.columnSeparator = column;
    }
    if (row != null) {
      s.rowSeparator = row;
    }
  }

  private static void columnar(Settings s, OutputMode mode, ColumnOptions options) {
    s.mode = mode;
    columnOptions(s, options);
  }

  private static void columnOptions(Settings s, ColumnOptions options) {
    s.wrap = options.wrap;
    s.wordWrap = options.wordWrap;
    s.quote = options.quote;
  }

  /** The mode as {@code .mode} and {@code .show} describe it. */
  static String describe(Settings s) {
    if (s.mode.isColumnar()) {
      return s.mode.label() + " --wrap " + s.wrap + " --wordwrap " + (s.wordWrap ? "on" : "off")
          + " --" + (s.quote ? "" : "no") + "quote";
    }
    return s.mode.label();
  }

  /** shell.c's {@code optionMatch}: {@code -name} or {@code --name}. */
  private static boolean isOption(String word, String name) {
    return word.equals("-" + name) || word.equals("--" + name);
  }
}
