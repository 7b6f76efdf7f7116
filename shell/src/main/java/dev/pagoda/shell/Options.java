package dev.pagoda.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code pagoda [OPTIONS] [FILENAME [SQL...]]}, as sqlite3 takes it. Options may
 * start with {@code -} or {@code --}; SQL arguments (or dot-commands) run in turn instead of
 * reading standard input.
 */
final class Options {
  static final String USAGE =
      """
      Usage: pagoda [OPTIONS] [FILENAME [SQL...]]
      FILENAME is the name of a database file; without one, a transient in-memory
      database is used. SQL arguments run in turn instead of reading standard input.
      OPTIONS include:
         -bail                stop after hitting an error
         -batch               force batch I/O
         -csv                 set output mode to 'csv'
         -header              turn headers on
         -help                show this message
         -interactive         force interactive I/O
         -line                set output mode to 'line'
         -list                set output mode to 'list'
         -noheader            turn headers off
         -nullvalue TEXT      set text string for NULL values. Default ''
         -version             show the Pagoda version
      """;

  /** The database file, or null for an in-memory database. */
  String file;

  /** SQL or dot-commands given after the file name. */
  final List<String> commands = new ArrayList<>();

  /** True or false when -interactive or -batch forces the mode; null to decide from the console. */
  Boolean interactive;

  boolean help;
  boolean version;
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
      if (options.file == null && arg.startsWith("-") && arg.length() > 1) {
        String name = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
        if (name.equals("nullvalue")) {
          if (i == args.length) {
            throw new IllegalArgumentException("missing argument to " + arg);
          }
          options.settings.nullValue = args[i++];
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

  /** Applies the option {@code name} without an argument; false if there is no such option. */
  private boolean flag(String name) {
    switch (name) {
      case "bail" -> settings.bail = true;
      case "batch" -> interactive = false;
      case "interactive" -> interactive = true;
      case "csv" -> settings.mode = OutputMode.CSV;
      case "line" -> settings.mode = OutputMode.LINE;
      case "list" -> settings.mode = OutputMode.LIST;
      case "header" -> settings.headers = true;
      case "noheader" -> settings.headers = false;
      case "help" -> help = true;
      case "version" -> version = true;
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Whether the database is the transient in-memory one. */
  boolean isMemory() {
    return file == null || file.equals(":memory:");
  }
}
