package dev.pagoda.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code pagoda [OPTIONS] FILENAME [SQL...]}, as sqlite3 takes it. Options start
 * with {@code -} or {@code --} and may come anywhere (also after the file name); the first other
 * argument is the database file, the rest are SQL or dot-commands, run in turn instead of reading
 * standard input. {@code -cmd COMMAND} (repeatable) runs COMMAND before that.
 */
final class Options {
  static final String USAGE = """
      Usage: pagoda [OPTIONS] FILENAME [SQL]
      FILENAME is the name of an SQLite database. A new database is created
      if the file does not previously exist.
      OPTIONS include:
         -ascii               set output mode to 'ascii'
         -bail                stop after hitting an error
         -batch               force batch I/O
         -box                 set output mode to 'box'
         -column              set output mode to 'column'
         -cmd COMMAND         run "COMMAND" before reading stdin
         -csv                 set output mode to 'csv'
         -echo                print inputs before execution
         -[no]header          turn headers on or off
         -help                show this message
         -interactive         force interactive I/O
         -json                set output mode to 'json'
         -line                set output mode to 'line'
         -list                set output mode to 'list'
         -markdown            set output mode to 'markdown'
         -newline SEP         set output row separator. Default: '\\n'
         -nullvalue TEXT      set text string for NULL values. Default ''
         -quote               set output mode to 'quote'
         -readonly            open the database read-only
         -separator SEP       set output column separator. Default: '|'
         -table               set output mode to 'table'
         -tabs                set output mode to 'tabs'
         -version             show the Pagoda version
      """;

  /** The database file, or null for an in-memory database. */
  String file;

  /** SQL or dot-commands given after the file name. */
  final List<String> commands = new ArrayList<>();

  /** The {@code -cmd} commands, run before the rest. */
  final List<String> initCommands = new ArrayList<>();

  /** True or false when -interactive or -batch forces the mode; null to decide from the console. */
  Boolean interactive;

  boolean help;
  boolean version;
  boolean readOnly;
  final Settings settings = new Settings();

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException with sqlite3's wording for an unknown option or a missing
   *     option argument
   */
  static Options parse(String[] args) {
    Options options = new Options();
    int i = 0;
    while (i < args.length) {
      String arg = args[i++];
      if (arg.startsWith("-") && arg.length() > 1) {
        String name = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
        if (takesValue(name)) {
          if (i == args.length) {
            throw new IllegalArgumentException("missing argument to " + arg);
          }
          options.value(name, args[i++]);
        } else if (!options.flag(name)) {
          throw new IllegalArgumentException("unknown option: " + arg);
        }
      } else if (options.file == null) {
        options.file = arg;
      } else {
        options.commands.add(arg);
      }
    }
    return options;
  }

  private static boolean takesValue(String name) {
    return switch (name) {
      case "cmd", "nullvalue", "separator", "newline" -> true;
      default -> false;
    };
  }

  private void value(String name, String value) {
    switch (name) {
      case "cmd" -> initCommands.add(value);
      case "nullvalue" -> settings.nullValue = value;
      case "separator" -> settings.columnSeparator = value;
      case "newline" -> settings.rowSeparator = value;
      default -> throw new IllegalStateException("not an option with a value: " + name);
    }
  }

  /** Applies the option {@code name} without an argument; false if there is no such option. */
  private boolean flag(String name) {
    switch (name) {
      case "bail" -> settings.bail = true;
      case "batch" -> interactive = false;
      case "interactive" -> interactive = true;
      case "echo" -> settings.echo = true;
      case "readonly" -> readOnly = true;
      case "header" -> settings.headers = true;
      case "noheader" -> settings.headers = false;
      case "help" -> help = true;
      case "version" -> version = true;
      case "list" -> settings.mode = OutputMode.LIST;
      case "line" -> settings.mode = OutputMode.LINE;
      case "column" -> settings.mode = OutputMode.COLUMN;
      case "box" -> settings.mode = OutputMode.BOX;
      case "table" -> settings.mode = OutputMode.TABLE;
      case "markdown" -> settings.mode = OutputMode.MARKDOWN;
      case "json" -> settings.mode = OutputMode.JSON;
      case "csv" -> separated(OutputMode.CSV, ",", null);
      case "quote" -> separated(OutputMode.QUOTE, ",", null);
      case "ascii" -> separated(OutputMode.ASCII, "\u001f", "\u001e");
      case "tabs" -> separated(OutputMode.LIST, "\t", null);
      default -> {
        return false;
      }
    }
    return true;
  }

  private void separated(OutputMode mode, String column, String row) {
    settings.mode = mode;
    settings.columnSeparator = column;
    if (row != null) {
      settings.rowSeparator = row;
    }
  }

  /** Whether the database is the transient in-memory one. */
  boolean isMemory() {
    return file == null || file.equals(":memory:") || file.isEmpty();
  }
}
